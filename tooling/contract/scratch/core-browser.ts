export * from '../../../packages/core/src/index';
export * from './core-with-fakes';
