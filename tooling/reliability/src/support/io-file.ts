// A tfjs IO handler over node:fs: saves model.json (topology + weights manifest) and weights.bin into a folder,
// and loads them back: what tfjs-node's file:// handler does, without the native binding.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';

export function fileSaveHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      if (artifacts.modelTopology instanceof ArrayBuffer) throw new Error('file handler: binary topologies are not supported');
      mkdirSync(dir, { recursive: true });
      const weightsManifest: tf.io.WeightsManifestConfig = [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }];
      const modelJSON: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as tf.io.ModelJSON['modelTopology'],
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest,
      };
      if (artifacts.trainingConfig != null) modelJSON.trainingConfig = artifacts.trainingConfig;
      if (artifacts.userDefinedMetadata != null) modelJSON.userDefinedMetadata = artifacts.userDefinedMetadata;
      writeFileSync(join(dir, MODEL_JSON), `${JSON.stringify(modelJSON, null, 1)}\n`);
      const weights = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      writeFileSync(join(dir, WEIGHTS_BIN), new Uint8Array(weights));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Loads model.json and the weight files its manifest names (paths relative to model.json's folder). */
export function fileLoadHandler(modelJsonPath: string): tf.io.IOHandler {
  return {
    async load(): Promise<tf.io.ModelArtifacts> {
      const modelJSON = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(modelJSON, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const path of group.paths) buffers.push(toArrayBuffer(readFileSync(join(dirname(modelJsonPath), path))));
        }
        return [specs, tf.io.concatenateArrayBuffers(buffers)];
      });
    },
  };
}

/**
 * A `fetch` that serves files from a folder (any URL's path is looked up under it), for tfjs's own HTTP
 * loader (`tf.io.http(url, {fetchFunc})`). `transform` may rewrite a file's bytes (to corrupt it).
 */
export function folderFetch(root: string, transform?: (file: string, bytes: Uint8Array) => Uint8Array): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const file = url.pathname.replace(/^\/+/, '');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(root, file));
    } catch {
      return new Response('not found', { status: 404 });
    }
    const body = transform ? transform(file, new Uint8Array(bytes)) : bytes;
    return new Response(body as unknown as BodyInit, { status: 200, headers: { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
  }) as typeof fetch;
}
