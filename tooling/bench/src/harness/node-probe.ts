// The Node worker's memory probe: heap figures after a forced GC (the worker runs with --expose-gc), RSS high-water.
import type { MemoryProbe } from './probe';

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export const nodeProbe: MemoryProbe = {
  heapBytes() {
    collect();
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  },
  maxRssBytes() {
    return process.resourceUsage().maxRSS * 1024;
  },
};
