// Helpers shared by this package's tests (not exported from the package).
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { expect } from 'vitest';

/** A deterministic [rows, cols] matrix of values in [-1, 1). */
export function randomMatrix(rows: number, cols: number, seed: number): number[][] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => next() * 2 - 1));
}

/** Saves a model through tfjs IO into memory (JSON text round trip included) and loads it back. */
export async function saveAndLoad(model: tfl.LayersModel): Promise<tfl.LayersModel> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = saved as tf.io.ModelArtifacts | null;
  if (!artifacts) throw new Error('nothing saved');
  const copy: tf.io.ModelArtifacts = {
    ...artifacts,
    modelTopology: JSON.parse(JSON.stringify(artifacts.modelTopology)),
    weightSpecs: JSON.parse(JSON.stringify(artifacts.weightSpecs)),
  };
  return tfl.loadLayersModel(tf.io.fromMemory(copy));
}

/** Runs `call` and asserts it throws an MgpInputError-named error mentioning `argument`, leaving no tensors. */
export function expectInputError(call: () => unknown, argument: string, errorClass: new (...args: never[]) => Error): void {
  const before = tf.memory().numTensors;
  let error: unknown = null;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(error, 'an error').toBeInstanceOf(errorClass);
  expect((error as Error).message).toContain(`'${argument}'`);
  expect(tf.memory().numTensors, 'tensors left behind').toBe(before);
}

/** For reports: the largest |a − e|, and the largest |a − e| / |e| over entries with |e| ≥ 1e-3. */
export function goldenError(actual: unknown, expected: unknown): { abs: number; rel: number } {
  const a = (actual as number[] | number[][]).flat(2) as number[];
  const e = (expected as number[] | number[][]).flat(2) as number[];
  let abs = 0;
  let rel = 0;
  e.forEach((v, i) => {
    const err = Math.abs(a[i] - v);
    abs = Math.max(abs, err);
    if (Math.abs(v) >= 1e-3) rel = Math.max(rel, err / Math.abs(v));
  });
  return { abs, rel };
}

/** Formats a record of golden errors for the test log. */
export function formatGoldenErrors(errors: Record<string, { abs: number; rel: number }>): string {
  return Object.entries(errors)
    .map(([key, { abs, rel }]) => `${key}: abs ${abs.toExponential(1)}, rel ${rel.toExponential(1)}`)
    .join('\n');
}
