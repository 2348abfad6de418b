// The Node loader: built-in benchmarks by name, and 'file:<path>' for the modules in src/*.bench.ts.
import { BENCHMARKS } from '../benchmarks/index';
import { loadExternalBenchmarks } from './external';
import { FILE_PREFIX, listLoader, type BenchmarkLoader } from './registry';

const builtin = listLoader(BENCHMARKS);

export const nodeLoader: BenchmarkLoader = (ref) => (ref.startsWith(FILE_PREFIX) ? loadExternalBenchmarks(ref.slice(FILE_PREFIX.length)) : builtin(ref));
