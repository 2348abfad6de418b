// The Mgp* kernel names: one definition, in @mgp/metrics (whose segment facade looks the kernels up by name),
// re-exported here so that users of @mgp/scatter need not import @mgp/metrics for them.
export {
  MgpScatterSum,
  MgpScatterMean,
  MgpScatterMax,
  MgpScatterLogSumExp,
  MgpScatterSoftmax,
  MGP_SCATTER_KERNEL_NAMES,
  type MgpScatterKernelName,
  type MgpScatterAttrs,
  type MgpScatterInputNames,
} from '@mgp/metrics';
