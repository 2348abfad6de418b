// The Chromium test page (built by @mgp/browser-harness): the same checks as the Node tests, on 'webgl' and 'wasm'.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { exposeTests, wasmBaseUrl } from '../../../../tooling/browser-harness/src/page';
import { scatterCases } from './cases';
import { checkForward, checkGradient, KERNEL_OPS, OP_NAMES } from './checks';

setWasmPaths(wasmBaseUrl());

async function use(backend: unknown): Promise<string> {
  if (typeof backend !== 'string') throw new Error(`expected a backend name; got ${String(backend)}`);
  if (!(await tf.setBackend(backend))) throw new Error(`backend '${backend}' failed to start`);
  await tf.ready();
  return tf.getBackend();
}

function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2 context';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
}

exposeTests({
  async environment(backend) {
    const active = await use(backend);
    return {
      backend: active,
      kernelRegistered: tf.getKernel('MgpScatterSum', active) != null,
      webglVersion: active === 'webgl' ? tf.env().getNumber('WEBGL_VERSION') : null,
      float32Render: active === 'webgl' ? tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') : null,
      renderer: webglRenderer(),
    };
  },
  async forward(backend) {
    await use(backend);
    const out: Array<Record<string, unknown>> = [];
    for (const c of scatterCases()) {
      for (const op of OP_NAMES) out.push({ case: c.name, op, ...(await checkForward(op, c, c.ids.length + 17)) });
    }
    return out;
  },
  async gradients(backend) {
    await use(backend);
    const out: Array<Record<string, unknown>> = [];
    for (const c of scatterCases().filter((k) => k.shape.reduce((a, b) => a * b, 1) <= 200)) {
      for (const op of OP_NAMES) out.push({ case: c.name, op, ...(await checkGradient(op, c, c.ids.length + 5)) });
    }
    return out;
  },
  async leaks(backend) {
    await use(backend);
    const x = tf.randomNormal([40, 3]);
    const ids = Array.from({ length: 40 }, (_, i) => (i * 7) % 11);
    const before = tf.memory().numTensors;
    for (const op of OP_NAMES) {
      tf.dispose(KERNEL_OPS[op](x, ids, 12));
      tf.dispose(tf.grad((v: tf.Tensor) => tf.sum(KERNEL_OPS[op](v, ids, 12)))(x));
    }
    const leaked = tf.memory().numTensors - before;
    x.dispose();
    return { leaked };
  },
});
