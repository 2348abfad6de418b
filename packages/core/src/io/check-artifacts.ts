// Checks on loaded model artifacts that tfjs does not make: weight bytes that match the manifest exactly, and
// float weights that are finite. Reads the bytes on the CPU; makes no tensors.
import * as tf from '@tensorflow/tfjs-core';
import { MgpInputError } from '@mgp/metrics';

const FN = 'loadMgpModel';
const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

function fail(detail: string): never {
  throw new MgpInputError(FN, 'source', detail);
}

function specBytes(spec: tf.io.WeightsManifestEntry): number {
  if (spec.quantization) fail(`holds quantized weight '${spec.name}'; loadMgpModel reads float32, int32 and bool weights only`);
  const size = BYTES[spec.dtype];
  if (size === undefined) fail(`holds weight '${spec.name}' of dtype '${spec.dtype}'; expected float32, int32 or bool`);
  if (!Array.isArray(spec.shape) || spec.shape.some((n) => !Number.isInteger(n) || n < 0)) {
    fail(`holds weight '${spec.name}' with an invalid shape ${JSON.stringify(spec.shape)}`);
  }
  return spec.shape.reduce((a, b) => a * b, 1) * size;
}

/** Validates the artifacts' topology, manifest and weight bytes; returns the weights as one buffer. */
export function checkArtifacts(artifacts: tf.io.ModelArtifacts): ArrayBuffer {
  const topology = artifacts.modelTopology;
  if (topology === null || typeof topology !== 'object' || topology instanceof ArrayBuffer || Array.isArray(topology)) {
    fail('must hold a model topology (model.json\'s "modelTopology" object); got none');
  }
  const specs = artifacts.weightSpecs ?? [];
  if (!Array.isArray(specs)) fail('must list its weights in model.json\'s "weightsManifest"');
  const data = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  let offset = 0;
  for (const spec of specs) {
    const size = specBytes(spec);
    if (offset + size > data.byteLength) {
      fail(`has truncated weights: they hold ${data.byteLength} bytes, but the manifest needs ${specs.reduce((n, s) => n + specBytes(s), 0)}; weight '${spec.name}' [${spec.shape.join(', ')}] ${spec.dtype} runs past the end`);
    }
    if (spec.dtype === 'float32') {
      const values = new Float32Array(data, offset, size / 4);
      const bad = values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) fail(`has corrupted weights: weight '${spec.name}' holds ${values[bad]} at flat index ${bad}`);
    }
    offset += size;
  }
  if (offset !== data.byteLength) {
    fail(`has weights of ${data.byteLength} bytes, but the manifest describes ${offset}; the weights file does not belong to this model.json`);
  }
  return data;
}
