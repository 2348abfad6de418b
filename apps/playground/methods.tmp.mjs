import { chromium } from 'playwright-core';
import { preview } from 'vite';
process.chdir('/work/main/apps/playground');
const server = await preview({ root: process.cwd(), logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(url);
await page.waitForFunction(() => !document.querySelector('#train').disabled, undefined, { timeout: 120000 });
await page.selectOption('#backbone', 'mlp');
await page.fill('#steps', '200');
for (const m of (process.argv[2] ?? 'xe,free,fixed,hyperspherical,deepncm').split(',')) {
  await page.selectOption('#method', m);
  await page.click('#train');
  await page.waitForFunction(() => ['done', 'stopped', 'failed'].includes(document.querySelector('#train-status').dataset.state) && !document.querySelector('#train').disabled, undefined, { timeout: 300000 });
  console.log(m, await page.textContent('#train-status'), await page.textContent('#train-error'));
  await page.screenshot({ path: `/tmp/pg/m-${m}.png`, clip: { x: 360, y: 150, width: 1040, height: 820 } });
}
await browser.close();
await server.close();
