// The committed bytes of each kernel module against a fresh compilation of its .wat source.
import { describe, expect, it } from 'vitest';
import { moduleBytes, MODULES } from '../../scripts/compile-wat.mjs';
import { PAIR_KERNELS_BASE64 } from './pair-kernels.binary';
import { GEMM_KERNELS_BASE64 } from './gemm-kernels.binary';
import { GEMM_KERNELS_RELAXED_BASE64 } from './gemm-kernels-relaxed.binary';
import { RANK_KERNELS_BASE64 } from './rank-kernels.binary';

const COMMITTED: Record<string, string> = { PAIR_KERNELS_BASE64, RANK_KERNELS_BASE64, GEMM_KERNELS_BASE64, GEMM_KERNELS_RELAXED_BASE64 };

describe('the bundled kernel modules', () => {
  it.each(MODULES)('$name ships as the compiled form of its .wat, small enough to compile synchronously', async (module) => {
    const bytes = await moduleBytes(module);
    // Stale bytes: run `pnpm --filter @mgp/metrics wasm` after editing the .wat.
    expect(Buffer.from(COMMITTED[module.constant], 'base64')).toEqual(Buffer.from(bytes));
    // Chromium refuses `new WebAssembly.Module` on the main thread for buffers over 4 KB.
    expect(bytes.length).toBeLessThan(4096);
  });
});
