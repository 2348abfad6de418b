// The three ways the save/load tests move a model through tfjs IO in Node.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { fileLoadHandler, fileSaveHandler, folderFetch } from './io-file';
import { roundTripInMemory } from './io-memory';

export type RoundTrip = (model: tfl.LayersModel) => Promise<tfl.LayersModel>;

export function tempDir(prefix = 'mgp-reliability-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** model.save into a folder with the node:fs handler; read back with it. */
export const viaFiles: RoundTrip = async (model) => {
  const dir = tempDir();
  await model.save(fileSaveHandler(dir));
  return tfl.loadLayersModel(fileLoadHandler(join(dir, 'model.json')));
};

/** model.save into a folder; read back by tfjs's own HTTP loader (tf.io.http) served from that folder. */
export const viaHttpLoader: RoundTrip = async (model) => {
  const dir = tempDir();
  await model.save(fileSaveHandler(dir));
  return tfl.loadLayersModel(tf.io.http('http://models.test/model.json', { fetchFunc: folderFetch(dir) }));
};

export const ROUND_TRIPS: Array<[string, RoundTrip]> = [
  ['memory (withSaveHandler → fromMemory, JSON text)', roundTripInMemory],
  ['files (node:fs handler)', viaFiles],
  ['files read by tf.io.http', viaHttpLoader],
];
