// Steps 3 and 4 of the page: the method and training settings, read from the form.
import type { BackboneKind } from '../model/backbone';
import type { GuidanceKind, MethodId, MethodSettings } from '../train/methods';
import type { TrainSettings } from '../train/trainer';
import { byId } from './dom';

/** The embedding the page draws is 2-D, as the seed's Figure 1. */
export const EMBEDDING_DIM = 2;

function integer(id: string, min: number, max: number, fallback: number): number {
  const value = Math.round(Number(byId(id, HTMLInputElement).value));
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function positive(id: string, fallback: number): number {
  const value = Number(byId(id, HTMLInputElement).value);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function readMethodSettings(kind: 'images' | 'vectors'): MethodSettings {
  const guidance = document.querySelector<HTMLInputElement>('input[name="guidance"]:checked')?.value as GuidanceKind;
  return {
    method: byId('method', HTMLSelectElement).value as MethodId,
    guidance: guidance ?? 'distortion',
    lambda: Number(byId('lambda', HTMLInputElement).value),
    // CSV rows have no image to convolve.
    backbone: kind === 'vectors' ? 'mlp' : (byId('backbone', HTMLSelectElement).value as BackboneKind),
    embeddingDim: EMBEDDING_DIM,
    seed: integer('seed', 0, 2 ** 31 - 1, 0),
  };
}

export function readTrainSettings(seed: number): TrainSettings {
  return {
    steps: integer('steps', 1, 100_000, 600),
    batchSize: integer('batch-size', 2, 1024, 64),
    learningRate: positive('learning-rate', 0.003),
    evalEvery: integer('eval-every', 1, 1000, 20),
    seed,
  };
}

/** Keeps the λ read-out and the guidance options in step with the form. */
export function wireMethodControls(): void {
  const lambda = byId('lambda', HTMLInputElement);
  const out = byId('lambda-value', HTMLOutputElement);
  const method = byId('method', HTMLSelectElement);
  const guidance = byId('guidance', HTMLDivElement);
  const sync = () => {
    out.textContent = Number(lambda.value).toFixed(2);
    guidance.hidden = method.value !== 'guided';
  };
  lambda.addEventListener('input', sync);
  method.addEventListener('change', sync);
  sync();
}
