// The distances @mgp measures between embeddings and prototypes.

/** `'euclidean'`: ‖x − y‖; `'sqeuclidean'`: ‖x − y‖²; `'cosine'`: 1 − cos(x, y). */
export type Metric = 'euclidean' | 'sqeuclidean' | 'cosine';

export const METRICS: readonly Metric[] = ['euclidean', 'sqeuclidean', 'cosine'];

/** Row norms below this are treated as this value, so zero vectors give finite cosine distances (as F.normalize). */
export const COSINE_EPS = 1e-12;
