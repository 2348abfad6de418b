// Where the contract runs: each target is a backend in a place (Node or headless Chromium).
import type { ContractBackend } from './tolerances';

export interface ContractTarget {
  /** Shown in test names and the summary, e.g. 'webgl float16 (chromium)'. */
  label: string;
  backend: ContractBackend;
  where: 'node' | 'chromium';
  /** The tfjs backend name useBackend() must report. */
  tfjsName: string;
  /** The floatPrecision useBackend() must report (undefined: the adapter need not report one). */
  floatPrecision?: 16 | 32;
  /** Whether useBackend() must report @mgp/scatter's Mgp* kernels (the Chromium page imports @mgp/scatter). */
  scatterKernels?: boolean;
}

export const NODE_TARGETS: readonly ContractTarget[] = [
  { label: 'cpu (node)', backend: 'cpu', where: 'node', tfjsName: 'cpu' },
  { label: 'wasm (node)', backend: 'wasm', where: 'node', tfjsName: 'wasm', floatPrecision: 32 },
  { label: 'tensorflow (node)', backend: 'tensorflow', where: 'node', tfjsName: 'tensorflow' },
];

export const CHROMIUM_TARGETS: readonly ContractTarget[] = [
  { label: 'webgl (chromium)', backend: 'webgl', where: 'chromium', tfjsName: 'webgl', floatPrecision: 32, scatterKernels: true },
  { label: 'webgl float16 (chromium)', backend: 'webgl-f16', where: 'chromium', tfjsName: 'webgl', floatPrecision: 16, scatterKernels: true },
  { label: 'wasm (chromium)', backend: 'wasm', where: 'chromium', tfjsName: 'wasm', floatPrecision: 32, scatterKernels: true },
];

/** MGP_CONTRACT_TARGETS=cpu,webgl-f16 (backend names, or labels) narrows a local run; default: all. */
export function selectedTargets(all: readonly ContractTarget[], filter = process.env.MGP_CONTRACT_TARGETS): ContractTarget[] {
  if (!filter) return [...all];
  const wanted = filter.split(',').map((s) => s.trim());
  return all.filter((t) => wanted.includes(t.backend) || wanted.includes(t.label));
}
