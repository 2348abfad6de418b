import { nativeAdapter } from '@mgp/backend-spec';

export type { BackendInfo } from '@mgp/backend-spec';

/** libtensorflow's native backend with CUDA ('tensorflow'), from the optional peer @tensorflow/tfjs-node-gpu. */
// The specifier sits in a variable so bundlers and type-checkers leave the optional peer alone when it is absent.
const PEER = '@tensorflow/tfjs-node-gpu';
const adapter = nativeAdapter('node-gpu', PEER, () => import(PEER));

export const useBackend = adapter.useBackend;
export const probeBackend = adapter.probe;
