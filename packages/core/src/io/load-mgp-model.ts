// loadMgpModel: tf.loadLayersModel with the checks a trained @mgp model deserves.
//
// Over tf.loadLayersModel it adds: weights that do not match the manifest byte for byte, or that hold NaN or
// Infinity, are refused with a message naming the weight (tfjs loads NaN silently and reports a truncated file as
// "the tensor should have 15 values but has 14"); model.json's names and shapes are checked against the built
// model before any weight is written; and a failed load disposes what it built, so it leaves no tensors behind
// (tf.loadLayersModel leaves the variables of the layers it built).
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { MgpInputError, describeValue } from '@mgp/metrics';
import { checkArtifacts } from './check-artifacts';

const FN = 'loadMgpModel';

function handlerOf(source: unknown): tf.io.IOHandler {
  if (typeof source === 'string') {
    const handlers = tf.io.getLoadHandlers(source);
    if (handlers.length === 0) return tf.io.http(source);
    return handlers[0];
  }
  if (source !== null && typeof source === 'object' && typeof (source as tf.io.IOHandler).load === 'function') return source as tf.io.IOHandler;
  throw new MgpInputError(FN, 'source', `must be a URL (http(s)://, indexeddb://, localstorage://) or a tfjs IOHandler with load(); got ${describeValue(source)}`);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Variables registered with the engine now. */
function variableNames(): Set<string> {
  return new Set(Object.keys(tf.engine().registeredVariables));
}

function disposeVariablesSince(before: Set<string>): void {
  for (const [name, variable] of Object.entries(tf.engine().registeredVariables)) {
    if (!before.has(name)) variable.dispose();
  }
}

function checkWeightsMatch(model: tfl.LayersModel, specs: tf.io.WeightsManifestEntry[]): void {
  const bySpec = new Map(specs.map((s) => [s.name, s]));
  const used = new Set(model.weights.map((w) => w.originalName));
  const unused = specs.filter((s) => !used.has(s.name)).map((s) => `'${s.name}'`);
  for (const weight of model.weights) {
    const spec = bySpec.get(weight.originalName);
    if (!spec) {
      const extra = unused.length > 0 ? ` (it holds ${unused.join(', ')}, which no layer uses)` : '';
      throw new MgpInputError(FN, 'source', `lacks the weights of '${weight.originalName}' [${weight.shape.join(', ')}] in its manifest${extra}`);
    }
    if (spec.shape.length !== weight.shape.length || spec.shape.some((n, i) => n !== weight.shape[i])) {
      throw new MgpInputError(FN, 'source', `has weight '${spec.name}' of shape [${spec.shape.join(', ')}], but its layer config builds [${weight.shape.join(', ')}]`);
    }
    if (spec.dtype !== weight.dtype) throw new MgpInputError(FN, 'source', `has weight '${spec.name}' of dtype ${spec.dtype}, but its layer config builds ${weight.dtype}`);
    bySpec.delete(weight.originalName);
  }
  if (bySpec.size > 0) throw new MgpInputError(FN, 'source', `holds weights no layer of model.json uses: ${[...bySpec.keys()].join(', ')}`);
}

/**
 * Loads a LayersModel (with @mgp layers) from a URL or a tfjs IOHandler, refusing corrupted or truncated
 * model.json and weights with an MgpInputError that says what is wrong. Leaves no tensors behind when it fails.
 * Layers of other packages (e.g. `@mgp/hierarchy`'s HierarchicalSoftmax) must be registered first: import them.
 */
export async function loadMgpModel(source: string | tf.io.IOHandler): Promise<tfl.LayersModel> {
  const handler = handlerOf(source);
  if (typeof handler.load !== 'function') throw new MgpInputError(FN, 'source', 'must be a handler that can load (it has no load())');
  let artifacts: tf.io.ModelArtifacts;
  try {
    artifacts = await handler.load();
  } catch (error) {
    throw new MgpInputError(FN, 'source', `could not be read: ${message(error)}`);
  }
  const weights = checkArtifacts(artifacts);
  const specs = artifacts.weightSpecs ?? [];
  const before = variableNames();
  let model: tfl.LayersModel | null = null;
  try {
    model = await tfl.models.modelFromJSON({ modelTopology: artifacts.modelTopology as tf.io.ModelJSON['modelTopology'] });
    checkWeightsMatch(model, specs);
    const decoded = tf.io.decodeWeights(weights, specs);
    try {
      model.loadWeights(decoded, true);
    } finally {
      tf.dispose(Object.values(decoded));
    }
    return model;
  } catch (error) {
    model?.dispose();
    disposeVariablesSince(before);
    if (error instanceof MgpInputError && error.fn === FN) throw error;
    throw new MgpInputError(FN, 'source', `holds a model.json that does not build a model: ${message(error)}`);
  }
}
