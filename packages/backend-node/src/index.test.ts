import '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { probeBackend, useBackend } from './index';

const PEER = '@tensorflow/tfjs-node';
const probe = await probeBackend();
if (!probe.available) console.info(`@mgp/backend-node: ${PEER} not installed — native-backend tests not run (${probe.reason})`);

describe.skipIf(probe.available)(`@mgp/backend-node without ${PEER}`, () => {
  it('fails with an actionable error naming the missing peer', async () => {
    await expect(useBackend()).rejects.toThrow(`the optional peer ${PEER} is not installed`);
    await expect(useBackend()).rejects.toThrow(`npm install ${PEER}@4.22`);
  });
});

describe.skipIf(!probe.available)(`@mgp/backend-node with ${PEER} installed`, () => {
  it('activates the native tensorflow backend', async () => {
    const info = await useBackend();
    expect(info.name).toBe('tensorflow');
    expect(info.tfjsVersion).toMatch(/^4\.22\./);
  });
});
