// Shader programs for the exact distortion loss on tfjs-webgl: three passes over the K×K distances in place of a
// chain of ~17 tfjs kernels (each of which reads and writes a whole K×K texture). Inputs: `dist`, the distance
// before its clamp at 0 (the squared distance, or the cosine distance), `cost` = D itself (a D tensor already on
// the GPU is read in place: no 1/D matrix is built or uploaded), and `scale`, the scalar s.

/** The fields of tfjs-backend-webgl's GPGPUProgram used here (structural: no import of the backend). */
export interface ShaderProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
}

export interface DistortionShape {
  k: number;
  /** The euclidean metric takes the square root of `dist` (clamped at 0); the others use it as it is. */
  root: boolean;
}

/** GLSL float literal (integers need a decimal point). */
const glslFloat = (x: number) => (Number.isInteger(x) ? `${x}.0` : `${x}`);

/** d_ij, v_ij = 1/D_ij (0 on the diagonal, where the pair is no pair) and a_ij = d_ij / D_ij at (i, j). */
function pairTerms({ root }: DistortionShape, i: string, j: string): string {
  const clamped = `max(getDist(${i}, ${j}), 0.0)`;
  return `float d = ${root ? `sqrt(${clamped})` : clamped};
      float v = ${i} == ${j} ? 0.0 : 1.0 / getCost(${i}, ${j});
      float a = d * v;`;
}

/**
 * W_ij = f·s·r·v (divided by d, 0 where d = 0, for the euclidean metric), r = s·a − 1, f = `factor`: the
 * gradient of L with respect to P·Pᵀ's entries, both orders of the pair summed.
 */
function weightTerm({ root }: DistortionShape, factor: number): string {
  const w = `${glslFloat(factor)} * s * r * v`;
  return root ? `float w = d > 0.0 ? ${w} / d : 0.0;` : `float w = ${w};`;
}

/** [K, 2]: per row i, Σ_j a_ij (column 0) and Σ_j a_ij² (column 1). */
export function rowSumsProgram(shape: DistortionShape): ShaderProgram {
  return {
    variableNames: ['dist', 'cost'],
    outputShape: [shape.k, 2],
    userCode: `
      void main() {
        ivec2 coords = getOutputCoords();
        float acc = 0.0;
        for (int j = 0; j < ${shape.k}; j++) {
          ${pairTerms(shape, 'coords.x', 'j')}
          acc += coords.y == 0 ? a : a * a;
        }
        setOutput(acc);
      }
    `,
  };
}

/** [K, K]: W (see weightTerm), symmetric with a zero diagonal. */
export function weightsProgram(shape: DistortionShape, factor: number): ShaderProgram {
  return {
    variableNames: ['dist', 'cost', 'scale'],
    outputShape: [shape.k, shape.k],
    userCode: `
      void main() {
        ivec2 coords = getOutputCoords();
        float s = getScale();
        ${pairTerms(shape, 'coords.x', 'coords.y')}
        float r = s * a - 1.0;
        ${weightTerm(shape, factor)}
        setOutput(w);
      }
    `,
  };
}

/** [K, 2]: per row i, Σ_j W_ij (column 0, for the backward) and Σ_j r_ij² (column 1, for the loss). */
export function rowStatsProgram(shape: DistortionShape, factor: number): ShaderProgram {
  return {
    variableNames: ['dist', 'cost', 'scale'],
    outputShape: [shape.k, 2],
    userCode: `
      void main() {
        ivec2 coords = getOutputCoords();
        float s = getScale();
        float acc = 0.0;
        for (int j = 0; j < ${shape.k}; j++) {
          ${pairTerms(shape, 'coords.x', 'j')}
          float r = s * a - 1.0;
          ${weightTerm(shape, factor)}
          acc += coords.y == 0 ? w : r * r;
        }
        setOutput(acc);
      }
    `,
  };
}
