import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { exposeTests, wasmBaseUrl } from '../../../../tooling/browser-harness/src/page';
setWasmPaths(wasmBaseUrl());
exposeTests({
  async info(name) {
    const ok = await tf.setBackend(name as string);
    await tf.ready();
    const y = tf.matMul(tf.ones([2, 3]), tf.ones([3, 2]));
    return { ok, backend: tf.getBackend(), y: Array.from(await y.data()), webglVersion: tf.env().getNumber('WEBGL_VERSION' as never) };
  },
});
