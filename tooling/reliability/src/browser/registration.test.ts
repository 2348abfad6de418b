// A browser app that loads a saved @mgp model imports the packages for their side effect: registering the layer
// classes with tfjs. Built by Vite with the `source` condition (how this monorepo builds pages: the browser
// harness, the playground), that side effect must survive. Checked on the bundle, no browser needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPage } from '@mgp/browser-harness';

const CLASSES = ['LearntPrototypes', 'HypersphericalPrototypes', 'DeepNCM', 'MetricGuidedRegularizer', 'HierarchicalSoftmax'];

describe('layer registration in a bundle', () => {
  it("`import '@mgp/core'; import '@mgp/hierarchy'` keeps every layer class (their tfjs registration survives tree-shaking)", async () => {
    // The registerClass calls live in src/layers/*.ts, src/deepncm/deepncm.ts,
    // src/regularizer/metric-guided-regularizer.ts and src/tf/hierarchical-softmax.ts; both packages list those files
    // in "sideEffects", so a page that imports the packages only to load a saved model does not get
    // "Unknown layer: LearntPrototypes" from tf.loadLayersModel.
    const entry = fileURLToPath(new URL('./registration.page.ts', import.meta.url));
    const site = await buildPage({ entry });
    const bundle = readFileSync(join(site, 'main.js'), 'utf8');
    expect(CLASSES.filter((name) => !bundle.includes(name)), 'classes missing from the bundle').toEqual([]);
  }, 420_000);
});
