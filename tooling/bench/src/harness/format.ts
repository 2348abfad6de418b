// Number formatting of the reports.
import type { Metric } from './types';

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number): string {
  const mib = bytes / 2 ** 20;
  if (mib >= 1024) return `${(mib / 1024).toFixed(2)} GiB`;
  if (mib >= 100) return `${mib.toFixed(0)} MiB`;
  if (mib >= 1) return `${mib.toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function formatValue(metric: Metric, v: number | null): string {
  if (v === null) return '—';
  return metric === 'time' ? formatMs(v) : formatBytes(v);
}

/** Two decimals, or three significant digits below 0.1. */
export function formatRatio(r: number | null): string {
  if (r === null) return '—';
  if (r !== 0 && Math.abs(r) < 0.1) return r.toPrecision(2);
  if (r >= 100) return r.toFixed(0);
  return r.toFixed(2);
}

export const METRIC_LABEL: Record<Metric, string> = {
  time: 'time',
  peakTensorBytes: 'tensor peak',
  extraTensorBytes: 'tensor peak above inputs',
  retainedBytes: 'heap retained',
  maxRssBytes: 'process RSS peak',
};
