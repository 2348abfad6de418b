// The @mgp contract suite (like tfjs's describeWithFlags(ALL_ENVS)): the same checks on every backend present.
// Node: cpu, wasm, and tensorflow where @tensorflow/tfjs-node is installed. Headless Chromium: webgl (float32),
// webgl with float16 textures forced, and wasm. A summary at the end says what ran and what was not present.
import { afterAll } from 'vitest';
import { chromiumDriver, chromiumUnavailableReason, removeContractSite } from './browser/driver';
import { nativeAbsentReason, nodeDriver } from './node/driver';
import { describeTarget } from './runner/describe-target';
import { ContractSummary } from './summary';
import { CHROMIUM_TARGETS, NODE_TARGETS, selectedTargets } from './targets';

const summary = new ContractSummary();

for (const target of selectedTargets(NODE_TARGETS)) {
  const absent = target.backend === 'tensorflow' ? await nativeAbsentReason() : null;
  describeTarget(target, () => nodeDriver(target.backend), summary, absent);
}

const noChromium = chromiumUnavailableReason();
for (const target of selectedTargets(CHROMIUM_TARGETS)) {
  describeTarget(target, () => chromiumDriver(target), summary, noChromium);
}

afterAll(async () => {
  console.log(summary.format());
  await removeContractSite();
});
