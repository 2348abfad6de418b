import { openBrowserSession } from '@mgp/browser-harness';
const s = await openBrowserSession({ entry: new URL('./page.ts', import.meta.url).pathname });
const configs = JSON.parse(process.argv[2]);
for (const c of configs) {
  const r = await s.call('step', c);
  console.log(JSON.stringify(c), JSON.stringify(r));
}
console.log(s.console.slice(0, 10).join('\n'), s.pageErrors);
await s.close();
