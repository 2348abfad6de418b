export { loadGolden, goldenCases, type Golden } from './golden';
export { loadHierarchyData, type HierarchyData } from './data';
export { expectClose, maxRelativeError } from './close';
export { expectNoTensorLeak, countTensorsAfter } from './leaks';
export { useTestBackend, testBackendName } from './backend';
export { kernelShapes, expectNoTensorOfShape } from './shapes';
