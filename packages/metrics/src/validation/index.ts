export { MgpInputError } from './errors';
export { describeValue, arrayShape, formatShape } from './describe';
export { assertTensor, assertRank, assertFloat, assertDim, assertNonEmpty } from './tensor-checks';
export { assertOneOf, assertNumber } from './options';
export { readLabels, type LabelsInput } from './labels';
export { readCostMatrix, type CostMatrixInput, type CostMatrixRule, type CheckedCostMatrix } from './cost-matrix';
