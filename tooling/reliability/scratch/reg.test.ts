import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildPage } from '@mgp/browser-harness';
it('reg', async () => {
  const site = await buildPage({ entry: new URL('./reg/page.ts', import.meta.url).pathname });
  const js = readFileSync(`${site}/main.js`, 'utf8');
  for (const n of ['LearntPrototypes', 'HypersphericalPrototypes', 'DeepNCM', 'MetricGuidedRegularizer', 'HierarchicalSoftmax']) console.log(n, js.includes(`className = "${n}"`) || js.includes(`"${n}"`), (js.match(new RegExp(n, 'g')) ?? []).length);
}, 120000);
