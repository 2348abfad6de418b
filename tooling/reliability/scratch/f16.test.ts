import { it } from 'vitest';
import { runInChromium } from '@mgp/browser-harness';
it('f16', async () => {
  const r = await runInChromium({ entry: new URL('./f16/page.ts', import.meta.url).pathname });
  console.log(JSON.stringify(r.results, null, 1));
}, 300000);
