// Runs the contract in this Node process, on a backend activated through its @mgp adapter.
import * as tf from '@tensorflow/tfjs';
import type { BackendInfo } from '@mgp/backend-spec';
import { goldenCases } from '@mgp/test-utils';
import { checkNamed } from '../checks';
import type { ContractBackend } from '../tolerances';
import type { TargetDriver } from '../runner/driver';

const ADAPTERS: Partial<Record<ContractBackend, () => Promise<BackendInfo>>> = {
  cpu: async () => (await import('@mgp/backend-cpu')).useBackend(),
  wasm: async () => (await import('@mgp/backend-wasm')).useBackend(),
  tensorflow: async () => (await import('@mgp/backend-node')).useBackend(),
};

export async function nodeDriver(backend: ContractBackend): Promise<TargetDriver> {
  const adapter = ADAPTERS[backend];
  if (!adapter) throw new Error(`no Node adapter for '${backend}'`);
  return {
    async start() {
      const info = await adapter();
      return { info, epsilon: tf.backend().epsilon() };
    },
    run: (name) => checkNamed(name).run(tf, { goldens: goldenCases }),
    async stop() {},
  };
}

/** Why the native backend is not here, or null when @tensorflow/tfjs-node is installed. */
export async function nativeAbsentReason(): Promise<string | null> {
  const { probeBackend } = await import('@mgp/backend-node');
  const probe = await probeBackend();
  return probe.available ? null : probe.reason;
}
