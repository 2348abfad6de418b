// Shader programs for the exact rank loss on tfjs-webgl, on packed textures like ./programs: the terms of every
// triplet from the K×K distances, then W, the gradient of the loss with respect to the K×K entries, gathered from
// the triplets that touch each 2×2 block (./rank-entries lists them) instead of a scatter, which GLSL lacks.
import type { ShaderProgram } from './programs';

export interface RankShape {
  k: number;
  /** The euclidean metric takes the square root of `dist` (clamped at 0); the others use it as it is. */
  root: boolean;
}

/** GLSL: entry (r, c) of the packed 2×2 block `b` that holds it (x (even, even), y (even, odd), z, w). */
const PICK = `
      float pick(vec4 b, int r, int c) {
        return b[2 * (r % 2) + c % 2];
      }`;

/**
 * [T, 2]: per triplet t = (i, j, k) with sign s (−1 where D_ij > D_ik), the loss term softplus(x) (column 0) and
 * the slope s·σ(x)/T = ∂L/∂d_ij = −∂L/∂d_ik (column 1), x = s·(d_ij − d_ik). Inputs: `dist` [K, K] and `triplets`
 * [T, 4] = (i, j, k, s), class indices as floats (exact below 2^24).
 */
export function tripletTermsProgram({ k, root }: RankShape, count: number): ShaderProgram {
  const clamped = 'max(pick(getDist(r, c), r, c), 0.0)';
  return {
    variableNames: ['dist', 'triplets'],
    outputShape: [count, 2],
    packedInputs: true,
    packedOutput: true,
    userCode: `
      ${PICK}

      float pairDistance(int r, int c) {
        // A class with itself is at distance 0 exactly (the product's diagonal is 0 only up to rounding).
        return r == c ? 0.0 : ${root ? `sqrt(${clamped})` : clamped};
      }

      vec2 terms(vec2 ij, vec2 ks) {
        int i = int(ij.x + 0.5);
        float x = ks.y * (pairDistance(i, int(ij.y + 0.5)) - pairDistance(i, int(ks.x + 0.5)));
        // softplus(x) = max(x, 0) + log(1 + e) and σ(x), from one e = exp(−|x|).
        float e = exp(-abs(x));
        float slope = (x > 0.0 ? ks.y : ks.y * e) / (${count}.0 * (1.0 + e));
        return vec2(max(x, 0.0) + log(1.0 + e), slope);
      }

      void main() {
        int t = getOutputCoords().x;
        vec4 ij = getTriplets(t, 0);
        vec4 ks = getTriplets(t, 2);
        vec2 second = t + 1 < ${count} ? terms(ij.zw, ks.zw) : vec2(0.0);
        setOutput(vec4(terms(ij.xy, ks.xy), second));
      }
    `,
  };
}

/**
 * [K, K]: W = G + Gᵀ, G_ij = ∂L/∂d_ij, divided by 2d (0 where d = 0) for the euclidean metric: the gradient of L
 * with respect to the squared distances. Each texel sums the entries of G listed for its 2×2 block and, transposed,
 * those of the mirrored block: `ranges` [blocks, 2] (first entry, end) and `entries` [E, 2] (triplet t,
 * 2·component + 1 when the slope is subtracted); `terms` is tripletTermsProgram's output.
 */
export function pairWeightsProgram({ k, root }: RankShape): ShaderProgram {
  const blocksPerRow = Math.ceil(k / 2);
  return {
    variableNames: ['dist', 'terms', 'ranges', 'entries'],
    outputShape: [k, k],
    packedInputs: true,
    packedOutput: true,
    userCode: `
      // G's entries of one block, as the components of that block or (transposed) of its mirror.
      vec4 blockOfG(int block, bool transposed) {
        vec4 both = getRanges(block, 0);
        vec2 range = block % 2 == 0 ? both.xy : both.zw;
        vec4 acc = vec4(0.0);
        for (int e = int(range.x + 0.5); e < int(range.y + 0.5); e++) {
          vec4 pair = getEntries(e, 0);
          vec2 entry = e % 2 == 0 ? pair.xy : pair.zw;
          int t = int(entry.x + 0.5);
          int code = int(entry.y + 0.5);
          vec4 slopes = getTerms(t, 0);
          float slope = t % 2 == 0 ? slopes.y : slopes.w;
          int q = code / 2;
          acc[transposed ? 2 * (q % 2) + q / 2 : q] += code % 2 == 1 ? -slope : slope;
        }
        return acc;
      }

      void main() {
        ivec2 rc = getOutputCoords();
        int r = rc.x / 2;
        int c = rc.y / 2;
        vec4 acc = blockOfG(r * ${blocksPerRow} + c, false) + blockOfG(c * ${blocksPerRow} + r, true);
        ${root ? `vec4 d = sqrt(max(getDist(rc.x, rc.y), 0.0));
        acc = mix(vec4(0.0), acc / (2.0 * d), greaterThan(d, vec4(0.0)));` : ''}
        setOutput(acc);
      }
    `,
  };
}

/** [K, 1]: Σ_j m_ij of a [K, K] matrix (columns beyond K, the padding of an odd K, left out). */
export function rowSumsOfProgram(k: number): ShaderProgram {
  return {
    variableNames: ['m'],
    outputShape: [k, 1],
    packedInputs: true,
    packedOutput: true,
    userCode: `
      void main() {
        int r = getOutputCoords().x;
        vec2 acc = vec2(0.0);
        for (int j = 0; j < ${k}; j += 2) {
          vec4 b = getM(r, j);
          acc += j + 1 < ${k} ? vec2(b.x + b.y, b.z + b.w) : b.xz;
        }
        setOutput(vec4(acc.x, 0.0, acc.y, 0.0));
      }
    `,
  };
}
