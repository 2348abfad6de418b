// Copies the installed @tensorflow/tfjs-backend-wasm's three .wasm binaries into dist/wasm/, where
// src/locate-wasm.ts points bundlers (`new URL('../dist/wasm/…', import.meta.url)`). Run after tsup (which cleans dist/).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const peerMain = require.resolve('@tensorflow/tfjs-backend-wasm');
const peerDist = dirname(peerMain);
const version = JSON.parse(readFileSync(join(peerDist, '..', 'package.json'), 'utf8')).version;
const target = fileURLToPath(new URL('../dist/wasm/', import.meta.url));
mkdirSync(target, { recursive: true });
for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
  copyFileSync(join(peerDist, name), join(target, name));
}
console.log(`copied the .wasm binaries of @tensorflow/tfjs-backend-wasm ${version} to dist/wasm/`);
