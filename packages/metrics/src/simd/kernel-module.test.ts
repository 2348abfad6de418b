// Loans of kernel memory (./kernel-module): a view lent to a later reader stays a view while later calls write
// elsewhere, and is copied out, values intact, before a call writes over it, grows the memory or replaces it.
import { describe, expect, it } from 'vitest';
import { keptModule } from './kernel-module';
import { PAIR_KERNELS_BASE64 } from './pair-kernels.binary';

/** A kept module of its own (not the one the losses use), its first 16 floats lent. */
function lentModule() {
  const module = keptModule<{ memory: WebAssembly.Memory }>(PAIR_KERNELS_BASE64);
  const { exports } = module.withMemory(4096) ?? expect.unreachable('the pair kernels compile here');
  const view = new Float32Array(exports.memory.buffer, 0, 16);
  view.set(Array.from({ length: 16 }, (_, i) => i + 0.5));
  return { module, view, loan: module.lend(view), memory: exports.memory };
}

const LENT = Array.from({ length: 16 }, (_, i) => i + 0.5);

describe('a loan of kernel memory', () => {
  it('stays the view itself while later calls write past it', () => {
    const { module, view, loan } = lentModule();
    expect(module.withMemory(4096, 64)).not.toBeNull();
    expect(loan.read()).toBe(view);
    expect(module.loansOut()).toBe(1);
    loan.end();
    expect(module.loansOut()).toBe(0);
  });

  it('is copied out, values intact, before a call writes over it', () => {
    const { module, view, loan } = lentModule();
    module.withMemory(4096, 60); // the last float of the view
    view.fill(-1); // that call's writes
    expect(loan.read()).not.toBe(view);
    expect(Array.from(loan.read())).toEqual(LENT);
    expect(module.loansOut()).toBe(0);
  });

  it('is copied out before the memory grows, which detaches the view', () => {
    const { module, view, loan, memory } = lentModule();
    module.withMemory(memory.buffer.byteLength + 65536, 1 << 20);
    expect(view.length).toBe(0);
    expect(Array.from(loan.read())).toEqual(LENT);
  });

  it('is copied out when a far smaller call replaces the instance, so the old memory can go', () => {
    const module = keptModule<{ memory: WebAssembly.Memory }>(PAIR_KERNELS_BASE64);
    const large = module.withMemory(80 * 2 ** 20) ?? expect.unreachable('80 MiB of kernel memory');
    const view = new Float32Array(large.exports.memory.buffer, 40 * 2 ** 20, 16).fill(3);
    const loan = module.lend(view);
    const small = module.withMemory(4096, 4096);
    expect(small?.fresh).toBe(true);
    expect(module.loansOut()).toBe(0);
    expect(loan.read().buffer).not.toBe(large.exports.memory.buffer);
    expect(Array.from(loan.read())).toEqual(new Array(16).fill(3));
  });

  it('is copied out when the module is released, so that the released memory can go', () => {
    const { module, view, loan, memory } = lentModule();
    expect(module.bytes()).toBe(memory.buffer.byteLength);
    expect(module.release()).toBe(memory.buffer.byteLength);
    expect(module.bytes()).toBe(0);
    expect(module.loansOut()).toBe(0);
    expect(loan.read()).not.toBe(view);
    expect(loan.read().buffer).not.toBe(memory.buffer);
    expect(Array.from(loan.read())).toEqual(LENT);
    expect(module.withMemory(4096)?.fresh).toBe(true);
  });
});
