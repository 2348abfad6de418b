// One SGD step of a LearntPrototypes ('euclidean') head with a metric-guided distortion regularizer, in float64:
// loss = mean_n CE(softmax(−‖x_n − p_k‖), y_n) + λ·L_D(P), P' = P − lr·∇_P loss. L_D and ∇L_D come from the golden
// file (distortion_loss.scale_free, grad_scale_free); the cross-entropy part is computed here.

export interface PrototypeStepInput {
  embeddings: number[][];
  prototypes: number[][];
  labels: number[];
  regularizerValue: number;
  regularizerGrad: number[][];
  weight: number;
  learningRate: number;
}

export function prototypeStep(s: PrototypeStepInput): { loss: number; prototypes: number[][]; grad: number[][] } {
  const { embeddings: X, prototypes: P, labels } = s;
  const b = X.length;
  const grad = P.map((row, k) => row.map((_, j) => s.weight * s.regularizerGrad[k][j]));
  let ce = 0;
  for (let n = 0; n < b; n++) {
    const dist = P.map((p) => Math.sqrt(p.reduce((acc, v, j) => acc + (X[n][j] - v) ** 2, 0)));
    const logits = dist.map((v) => -v);
    const max = Math.max(...logits);
    const exps = logits.map((v) => Math.exp(v - max));
    const total = exps.reduce((a, v) => a + v, 0);
    ce += Math.log(total) + max - logits[labels[n]];
    P.forEach((p, k) => {
      const dLogit = (exps[k] / total - (k === labels[n] ? 1 : 0)) / b;
      if (dist[k] === 0) return;
      // ∂(−‖x − p‖)/∂p = (x − p)/‖x − p‖
      p.forEach((v, j) => {
        grad[k][j] += (dLogit * (X[n][j] - v)) / dist[k];
      });
    });
  }
  const loss = ce / b + s.weight * s.regularizerValue;
  const prototypes = P.map((row, k) => row.map((v, j) => v - s.learningRate * grad[k][j]));
  return { loss, prototypes, grad };
}
