// A cost D given either as a [K, K] matrix or as a function of class index pairs (e.g. a hierarchy's
// distance), read into one lookup so losses that draw pairs never need the K×K matrix.
import { describeValue, MgpInputError, readCostMatrix, type CheckedCostMatrix, type CostMatrixInput } from '../validation';

/** Costs between classes i[t] and j[t], e.g. `(i, j) => hierarchy.distance(i, j)`. */
export type ClassDistance = (i: Int32Array, j: Int32Array) => ArrayLike<number>;

/** D as a matrix (tensor or number[][]) or as a class-distance function. */
export type CostSource = CostMatrixInput | ClassDistance;

export interface CostLookup {
  size: number;
  /** Present when D came as a matrix. */
  matrix: CheckedCostMatrix | null;
  /** Costs of the pairs (i[t], j[t]), checked. */
  pairs(i: Int32Array, j: Int32Array): Float32Array;
}

interface SourceRule {
  size: number;
  sizeReason: string;
  positiveOffDiagonal?: boolean;
}

export function readCostSource(fn: string, arg: string, D: unknown, rule: SourceRule): CostLookup {
  if (typeof D !== 'function') {
    const matrix = readCostMatrix(fn, arg, D, rule);
    const { values, size } = matrix;
    return {
      size,
      matrix,
      pairs: (i, j) => {
        const out = new Float32Array(i.length);
        for (let t = 0; t < i.length; t++) out[t] = values[i[t] * size + j[t]];
        return out;
      },
    };
  }
  const distance = D as ClassDistance;
  return {
    size: rule.size,
    matrix: null,
    pairs: (i, j) => checkPairCosts(fn, arg, distance(i, j), i, j, rule.positiveOffDiagonal === true),
  };
}

function checkPairCosts(fn: string, arg: string, got: unknown, i: Int32Array, j: Int32Array, positive: boolean): Float32Array {
  const values = got as ArrayLike<number> | null;
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number' || values.length !== i.length) {
    throw new MgpInputError(fn, arg, `(a function of class pairs) must return ${i.length} costs, one per pair; got ${describeValue(got)}`);
  }
  const out = Float32Array.from(values);
  for (let t = 0; t < out.length; t++) {
    const problem = pairCostProblem(out[t], i[t] === j[t], positive);
    // The message is built only for the offending pair: a string per pair would cost more than the lookup itself.
    if (problem) throw new MgpInputError(fn, arg, `must return ${problem}; got D(${i[t]}, ${j[t]}) = ${out[t]}`);
  }
  return out;
}

/** What a cost v breaks (null when none): finite, ≥ 0, 0 for a class with itself, > 0 between two when required. */
function pairCostProblem(v: number, sameClass: boolean, positive: boolean): string | null {
  if (!Number.isFinite(v)) return 'finite costs';
  if (v < 0) return 'non-negative costs';
  if (sameClass && v !== 0) return '0 for a class with itself';
  if (positive && !sameClass && !(v > 0)) return 'costs > 0 between distinct classes';
  return null;
}

/** The full matrix of a cost source (a function is evaluated on all K² pairs), for the exact losses. */
export function costMatrixValues(fn: string, arg: string, lookup: CostLookup): Float32Array {
  if (lookup.matrix) return lookup.matrix.values;
  const k = lookup.size;
  const i = new Int32Array(k * k);
  const j = new Int32Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      i[a * k + b] = a;
      j[a * k + b] = b;
    }
  }
  const values = lookup.pairs(i, j);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const [u, v] = [values[a * k + b], values[b * k + a]];
      if (Math.abs(u - v) > 1e-6 * Math.max(1, u, v)) {
        throw new MgpInputError(fn, arg, `must be symmetric; D(${a}, ${b}) = ${u} but D(${b}, ${a}) = ${v}`);
      }
    }
  }
  return values;
}
