import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
await tf.setBackend('wasm'); await tf.ready();
const be = tf.backend();
const K = (n) => tf.getKernel(n, 'wasm').kernelFunc;
function bpf(x, dy, filterShape, strides, pad) {
  const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, undefined, false, 'channelsLast');
  const xt = K('Transpose')({inputs:{x}, backend: be, attrs:{perm:[3,1,2,0]}});
  const dyt = K('Transpose')({inputs:{x: dy}, backend: be, attrs:{perm:[1,2,0,3]}});
  const {top, left} = info.padInfo;
  const effH = (info.outHeight-1)*info.strideHeight+1, effW = (info.outWidth-1)*info.strideWidth+1;
  const pb = (info.filterHeight-1)*1 + effH - info.inHeight - top;
  const pr = (info.filterWidth-1)*1 + effW - info.inWidth - left;
  if (pb < 0 || pr < 0) throw new Error('neg ' + pb + ' ' + pr);
  const out = K('Conv2D')({inputs:{x: xt, filter: dyt}, backend: be, attrs:{strides:[1,1], dilations:[info.strideHeight, info.strideWidth], pad:[[0,0],[top,pb],[left,pr],[0,0]], dataFormat:'NHWC'}});
  const res = K('Transpose')({inputs:{x: out}, backend: be, attrs:{perm:[1,2,0,3]}});
  for (const t of [xt, dyt, out]) be.disposeData(t.dataId);
  return tf.engine().makeTensorFromTensorInfo(res);
}
for (const [shape, fs, strides, pad] of [[[256,28,28,1],[3,3,1,16],1,'same'],[[256,14,14,16],[3,3,16,16],1,'same'],[[256,7,7,16],[3,3,16,32],1,'same'],[[4,9,9,3],[3,3,3,5],2,'same'],[[4,9,9,3],[3,2,3,5],[2,3],'valid']]) {
  const x = tf.randomNormal(shape);
  const info = tf.backend_util.computeConv2DInfo(shape, fs, strides, 1, pad, undefined, false, 'channelsLast');
  const dy = tf.randomNormal(info.outShape);
  let t0 = performance.now();
  let r;
  for (let i=0;i<3;i++){ r?.dispose(); r = bpf(x, dy, fs, strides, pad); r.dataSync(); }
  const tw = (performance.now()-t0)/3;
  const xd = x.dataSync(), dyd = dy.dataSync();
  await tf.setBackend('cpu');
  const xc = tf.tensor(xd, x.shape), dyc = tf.tensor(dyd, dy.shape);
  t0 = performance.now();
  const rc = tf.engine().runKernel('Conv2DBackpropFilter', {x: xc, dy: dyc}, {strides, pad, dataFormat:'NHWC', filterShape: fs});
  const rcd = rc.dataSync();
  const tc = performance.now()-t0;
  await tf.setBackend('wasm');
  const rd = r.dataSync();
  let worst=0; for (let i=0;i<rd.length;i++) worst = Math.max(worst, Math.abs(rd[i]-rcd[i])/Math.max(Math.abs(rcd[i]),1e-3));
  console.log(shape, fs, strides, pad, 'wasm ms', tw.toFixed(1), 'cpu ms', tc.toFixed(1), 'rel', worst);
}
