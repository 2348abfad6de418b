/** What an adapter's `useBackend()` reports: enough to tell, in a log line, what a run really used. */
export interface BackendInfo {
  /** The tfjs backend name now active, e.g. 'wasm', 'webgl', 'cpu', 'tensorflow'. */
  name: string;
  /** Version of @tensorflow/tfjs-core in use. */
  tfjsVersion: string;
  /** Version of the tfjs backend package the adapter wraps. */
  backendVersion?: string;
  /** wasm: whether the SIMD build runs. */
  simd?: boolean;
  /** wasm: threads in use (1 without the threaded build). */
  threads?: number;
  /** webgl: 32 when float32 textures render, 16 on float16-only devices. */
  floatPrecision?: 16 | 32;
  /** Kernels @mgp registered on top of what the backend ships (e.g. training kernels, Mgp scatter kernels). */
  extraKernels: string[];
  /** Free-form facts worth a log line (GPU name, CUDA found, ...). */
  notes: string[];
}

/** Every adapter exports one of these as `useBackend`. */
export type UseBackend<Options = Record<string, never>> = (options?: Options) => Promise<BackendInfo>;
