export { createRng, toRng, isRng, type Rng, type SeedLike } from './rng';
export { samplePairs, sampleTriplets, type ClassPairs, type ClassTriplets } from './sample';
