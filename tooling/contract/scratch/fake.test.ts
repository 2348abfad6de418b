import { vi } from 'vitest';
vi.mock('@mgp/core', async (orig) => ({ ...(await orig<object>()), ...(await import('./core-with-fakes')) }));
const { describeTarget } = await import('../src/runner/describe-target');
const { nodeDriver } = await import('../src/node/driver');
const { ContractSummary } = await import('../src/summary');
const { afterAll } = await import('vitest');
const summary = new ContractSummary();
describeTarget({ label: 'cpu (node)', backend: 'cpu', where: 'node', tfjsName: 'cpu' }, () => nodeDriver('cpu'), summary, null);
afterAll(() => console.log(summary.format()));
