// Property tests draw the same cases on every run (CI included), so a float32 edge case cannot make CI flaky.
// Explore other cases locally with FC_SEED=<n>.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20260701) });
