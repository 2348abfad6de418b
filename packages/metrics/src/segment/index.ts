export {
  segmentSum,
  segmentMean,
  segmentMax,
  segmentLogSumExp,
  segmentSoftmax,
  hasSegmentKernel,
  type SegmentOptions,
  type SegmentImplementation,
} from './facade';
export {
  MgpScatterSum,
  MgpScatterMean,
  MgpScatterMax,
  MgpScatterLogSumExp,
  MgpScatterSoftmax,
  MGP_SCATTER_KERNEL_NAMES,
  type MgpScatterKernelName,
  type MgpScatterInputNames,
  type MgpScatterAttrs,
} from './kernel-names';
export { readSegmentLayout, segmentLayoutOf, rememberSegmentLayout, checkSegmentIds, type SegmentIdsInput } from './ids';
export { buildSegmentLayout, type SegmentLayout } from './layout';
export { readSegmentView, segmentView, segmentOutputShape, type SegmentView } from './view';
