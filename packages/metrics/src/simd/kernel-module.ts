// A bundled WebAssembly SIMD module (./pair-kernels.wat, ./rank-kernels.wat, ./gemm-kernels.wat): compiled on first
// use, its instance and memory kept between calls, grown on demand and let go when far too large or when the user
// asks (./kernel-memory).

/**
 * A training loop calls with the same K at every step, and growing fresh memory (800 MB at K = 10,000) each time cost
 * more than the kernels. Memory cannot shrink, so a call that needs under a quarter of the kept memory, when that is
 * over this size, starts a fresh instance.
 */
const RELEASE_ABOVE = 64 * 2 ** 20;
const PAGE = 65536;
/** wasm32 addresses 4 GiB. */
export const MAX_KERNEL_BYTES = 2 ** 32 - PAGE;

/**
 * A view of kernel memory lent to a later reader (a gradient function) instead of copied out at once: copied only
 * when a call needs that memory before the reader is done.
 */
export interface KernelLoan {
  /** The values: the view itself, or its copy once a later call took the memory. */
  read(): Float32Array;
  /** The reader is done with the values: nothing is copied for it any more. */
  end(): void;
}

export interface KeptModule<Exports extends { memory: WebAssembly.Memory }> {
  /** Whether this engine runs the module (WebAssembly with SIMD). */
  available(): boolean;
  /** Which of the candidates this engine compiled (0 for the first), or -1 for none. */
  candidate(): number;
  /**
   * The kept instance with at least `bytes` of memory, or null where SIMD or the memory is missing. `fresh` when
   * this call started a new instance, whose memory holds nothing of earlier calls. The caller overwrites the bytes
   * from `from` on: loans there are copied out first (all of them when the memory grows or is replaced).
   */
  withMemory(bytes: number, from?: number): { exports: Exports; fresh: boolean } | null;
  /** Lends `view` (of this module's memory) until the loan ends. */
  lend(view: Float32Array): KernelLoan;
  /** How many loans are out (neither ended nor copied out). */
  loansOut(): number;
  /** The kept instance as it is (started if none is), or null without SIMD: for kernels that need no memory. */
  current(): Exports | null;
  /** Bytes of memory the kept instance holds (0 with none). */
  bytes(): number;
  /** Drops the kept instance, its loans copied out first; the next call starts a fresh one. Returns the bytes let go. */
  release(): number;
}

/** Every kept module made so far, weakly: a module nobody refers to any more (one a test made) may be collected. */
const everyKeptModule = new Set<WeakRef<KeptModule<{ memory: WebAssembly.Memory }>>>();

/** The kept modules still alive. */
export function keptModules(): KeptModule<{ memory: WebAssembly.Memory }>[] {
  const alive = [];
  for (const ref of everyKeptModule) {
    const module = ref.deref();
    if (module) alive.push(module);
    else everyKeptModule.delete(ref);
  }
  return alive;
}

/**
 * A kept module of the first of `candidates` (base64 bytes, most capable first) that this engine compiles: a module
 * needing relaxed SIMD, say, before its plain-SIMD twin.
 */
export function keptModule<Exports extends { memory: WebAssembly.Memory }>(...candidates: string[]): KeptModule<Exports> {
  let compiled: WebAssembly.Module | null | undefined;
  let chosen = -1;
  let kept: Exports | undefined;
  const compile = () => {
    for (let i = 0; compiled === undefined && i < candidates.length; i++) {
      const module = compileModule(candidates[i]);
      if (module) [compiled, chosen] = [module, i];
    }
    compiled ??= null;
    return compiled;
  };
  const instantiate = (module: WebAssembly.Module) => new WebAssembly.Instance(module, {}).exports as unknown as Exports;
  const loans = new Loans();
  const module: KeptModule<Exports> = {
    available: () => compile() !== null,
    candidate: () => (compile() ? chosen : -1),
    withMemory(bytes, from = 0) {
      const module = compile();
      if (!module || bytes > MAX_KERNEL_BYTES) return null;
      const size = kept?.memory.buffer.byteLength ?? 0;
      const replaced = size > Math.max(RELEASE_ABOVE, 4 * bytes);
      // Growing detaches every view of the memory, and a new instance drops it: then every loan is copied out.
      if (replaced || size < bytes) loans.copyOut(0, Infinity);
      else loans.copyOut(from, bytes);
      if (replaced) kept = undefined;
      const fresh = kept === undefined;
      kept ??= instantiate(module);
      return reserve(kept.memory, bytes) ? { exports: kept, fresh } : null;
    },
    lend: (view) => loans.lend(view),
    loansOut: () => loans.count,
    current() {
      const module = compile();
      if (!module) return null;
      kept ??= instantiate(module);
      return kept;
    },
    bytes: () => kept?.memory.buffer.byteLength ?? 0,
    release() {
      const bytes = kept?.memory.buffer.byteLength ?? 0;
      loans.copyOut(0, Infinity);
      kept = undefined;
      return bytes;
    },
  };
  everyKeptModule.add(new WeakRef(module));
  return module;
}

/** The loans of one module's memory that are still out. */
class Loans {
  private readonly out = new Set<{ view: Float32Array; copy: Float32Array | null }>();

  get count(): number {
    return this.out.size;
  }

  lend(view: Float32Array): KernelLoan {
    const loan = { view, copy: null as Float32Array | null };
    this.out.add(loan);
    return {
      read: () => loan.copy ?? loan.view,
      end: () => {
        this.out.delete(loan);
        loan.copy = null;
      },
    };
  }

  /** Copies out the loans that overlap bytes [from, to) of the memory. */
  copyOut(from: number, to: number): void {
    for (const loan of this.out) {
      const { byteOffset, byteLength } = loan.view;
      if (byteOffset < to && byteOffset + byteLength > from) {
        loan.copy = loan.view.slice();
        this.out.delete(loan);
      }
    }
  }
}

function compileModule(base64: string): WebAssembly.Module | null {
  if (typeof WebAssembly !== 'object') return null;
  const bytes = decodeBase64(base64);
  // Engines without SIMD (or relaxed SIMD) reject the module: the caller takes the next candidate, or keeps its
  // JavaScript loops. Each module stays under 4 KB, so even a browser's main thread may compile it synchronously; an
  // engine that still refuses gets the loops.
  if (!WebAssembly.validate(bytes)) return null;
  try {
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Grows `memory` to hold `bytes`; false where the engine refuses. */
function reserve(memory: WebAssembly.Memory, bytes: number): boolean {
  const missing = Math.ceil((bytes - memory.buffer.byteLength) / PAGE);
  if (missing <= 0) return true;
  try {
    memory.grow(missing);
    return true;
  } catch {
    return false;
  }
}

export function align(bytes: number, to: number): number {
  return Math.ceil(bytes / to) * to;
}
