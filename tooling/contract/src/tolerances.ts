// The one place where the contract's tolerances live, per backend. An element passes when
// |actual − expected| <= max(rtol·|expected|, atol). 'exact' quantities must be equal on every backend.
//
// - cpu, wasm, tensorflow: float32 against float64 golden values, as CONVENTIONS.md fixes it (rtol 1e-4, atol 1e-5).
// - webgl: float32 textures, but GPU exp/log/pow and summation order differ from the CPU's. SwiftShader (CI) stays
//   far inside 1e-4; twice the CPU tolerance leaves room for real GPUs' approximate transcendentals.
// - webgl-f16: float16 textures (11-bit mantissa, relative rounding 4.9e-4 per stored intermediate): a few
//   digits only (measured worst about 4e-3 relative on SwiftShader). Values are still compared, loosely; the
//   training losses must above all be finite.

export type ContractBackend = 'cpu' | 'wasm' | 'tensorflow' | 'webgl' | 'webgl-f16';

export interface Tolerance {
  rtol: number;
  atol: number;
}

export interface BackendTolerances {
  /** Computations from fixed inputs: golden forward values and gradients, a step's loss. */
  value: Tolerance;
  /** Parameters after optimizer steps, running means. */
  trained: Tolerance;
}

const FLOAT32: BackendTolerances = { value: { rtol: 1e-4, atol: 1e-5 }, trained: { rtol: 1e-4, atol: 1e-5 } };

export const TOLERANCES: Readonly<Record<ContractBackend, BackendTolerances>> = {
  cpu: FLOAT32,
  wasm: FLOAT32,
  tensorflow: FLOAT32,
  webgl: { value: { rtol: 2e-4, atol: 2e-5 }, trained: { rtol: 2e-4, atol: 2e-5 } },
  'webgl-f16': { value: { rtol: 1e-2, atol: 1e-2 }, trained: { rtol: 2e-2, atol: 2e-2 } },
};
