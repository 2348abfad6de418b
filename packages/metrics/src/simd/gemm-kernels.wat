;; A matrix product for host-memory backends in WebAssembly SIMD: C [m, n] = A [m, k] · B [k, n], all row-major, in
;; blocks of 4 rows by 8 columns held in eight f32x4 accumulators. tfjs-backend-cpu multiplies in JavaScript loops
;; (0.4 GFLOP/s at [256, 512] · [512, 1000] here); this loop ran that product at ~30 GFLOP/s. The caller pads m to a
;; multiple of 4 and n to a multiple of 8, and lays out transposed operands (./gemm-kernels.ts). B comes packed in
;; panels of 8 columns, [n / 8][k][8], so that each step reads 32 contiguous bytes of it: read in place, B's rows
;; (a cache line apart or more) ran [1000, 1000] . [1000, 128] at 35 GFLOP/s here, packed at 39-43. Compiled to
;; ./gemm-kernels.binary.ts by `pnpm --filter @mgp/metrics wasm`.
(module
  (memory (export "memory") 1)
  (func (export "multiply") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32) (param $upper i32)
    (local $i i32) (local $j i32) (local $p i32) (local $rowA i32) (local $bp i32) (local $lda i32) (local $ldc i32)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $out i32) (local $lda2 i32) (local $lda3 i32)
    (local.set $lda (i32.shl (local.get $k) (i32.const 2)))
    (local.set $ldc (i32.shl (local.get $n) (i32.const 2)))
    (local.set $lda2 (i32.shl (local.get $lda) (i32.const 1)))
    (local.set $lda3 (i32.mul (local.get $lda) (i32.const 3)))
    (block $di (loop $li
      (br_if $di (i32.ge_u (local.get $i) (local.get $m)))
      ;; With $upper, C is a block on the diagonal of a symmetric product and only its blocks that reach j >= i are
      ;; computed: the others would fall wholly below the diagonal.
      (local.set $j (select (i32.and (local.get $i) (i32.const -8)) (i32.const 0) (local.get $upper)))
      (block $dj (loop $lj
        (br_if $dj (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $c00 (v128.const i32x4 0 0 0 0)) (local.set $c01 (v128.const i32x4 0 0 0 0))
        (local.set $c10 (v128.const i32x4 0 0 0 0)) (local.set $c11 (v128.const i32x4 0 0 0 0))
        (local.set $c20 (v128.const i32x4 0 0 0 0)) (local.set $c21 (v128.const i32x4 0 0 0 0))
        (local.set $c30 (v128.const i32x4 0 0 0 0)) (local.set $c31 (v128.const i32x4 0 0 0 0))
        (local.set $rowA (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $lda))))
        (local.set $bp (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $lda))))
        (local.set $p (i32.const 0))
        (block $dp (loop $lp
          (br_if $dp (i32.ge_u (local.get $p) (local.get $k)))
          (local.set $b0 (v128.load (local.get $bp)))
          (local.set $b1 (v128.load offset=16 (local.get $bp)))
          (local.set $x (v128.load32_splat (local.get $rowA)))
          (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
          (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
          (local.set $x (v128.load32_splat (i32.add (local.get $rowA) (local.get $lda))))
          (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
          (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
          (local.set $x (v128.load32_splat (i32.add (local.get $rowA) (local.get $lda2))))
          (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
          (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
          (local.set $x (v128.load32_splat (i32.add (local.get $rowA) (local.get $lda3))))
          (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
          (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
          (local.set $rowA (i32.add (local.get $rowA) (i32.const 4)))
          (local.set $bp (i32.add (local.get $bp) (i32.const 32)))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $lp)))
        (local.set $out (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2))))
        (v128.store (local.get $out) (local.get $c00)) (v128.store offset=16 (local.get $out) (local.get $c01))
        (local.set $out (i32.add (local.get $out) (local.get $ldc)))
        (v128.store (local.get $out) (local.get $c10)) (v128.store offset=16 (local.get $out) (local.get $c11))
        (local.set $out (i32.add (local.get $out) (local.get $ldc)))
        (v128.store (local.get $out) (local.get $c20)) (v128.store offset=16 (local.get $out) (local.get $c21))
        (local.set $out (i32.add (local.get $out) (local.get $ldc)))
        (v128.store (local.get $out) (local.get $c30)) (v128.store offset=16 (local.get $out) (local.get $c31))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $lj)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $li))))
)
