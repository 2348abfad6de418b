;; The rank loss's K^2 path on host-memory backends (../rank/kernel-loss.ts), in WebAssembly SIMD: the triplets
;; grouped by anchor, the mirrored distances from the Gram blocks, every triplet's order sign, term and slope (four
;; triplets at a time, with an exponential of their own), then W = G + G^T and its row sums. As JavaScript loops
;; these took about twice the K x K x d product at K = 1,000 with K^2 / 4 triplets.
;;
;; A module of its own, apart from ./pair-kernels.wat: Chromium compiles a module synchronously on the main thread
;; only up to 4 KB. Compiled to ./rank-kernels.binary.ts by `pnpm --filter @mgp/metrics wasm`. Every pointer is a
;; byte offset into this module's own memory; every matrix is row-major with K columns.
(module
  (memory (export "memory") 1)

  ;; From one Gram block staged at $g (rows [$i0, $i1) by columns [$j0, $j1), row-major): d_ij = max(n_i + n_j -
  ;; coef * g_ij, 0) for j > i, square-rooted when $root != 0, into the matrix at $m and onto d_ji. The diagonal is
  ;; left as it is: the caller zeroes it once per call (./rank-kernels.ts).
  (func (export "mirroredDistances")
    (param $m i32) (param $g i32) (param $norms i32) (param $k i32)
    (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32) (param $coef f32) (param $root i32)
    (local $i i32) (local $j i32) (local $at i32) (local $row i32) (local $lower i32) (local $stride i32) (local $sni f32) (local $x f32)
    (local $ni v128) (local $c v128) (local $d v128)
    (local.set $c (f32x4.splat (local.get $coef)))
    (local.set $stride (i32.shl (local.get $k) (i32.const 2)))
    (local.set $i (local.get $i0))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $i1)))
      (local.set $sni (f32.load (i32.add (local.get $norms) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $ni (f32x4.splat (local.get $sni)))
      ;; g_ij at $row + 4j.
      (local.set $row (i32.add (local.get $g) (i32.shl (i32.sub (i32.mul (i32.sub (local.get $i) (local.get $i0))
        (i32.sub (local.get $j1) (local.get $j0))) (local.get $j0)) (i32.const 2))))
      (local.set $j (select (local.get $j0) (i32.add (local.get $i) (i32.const 1)) (i32.gt_u (local.get $j0) (local.get $i))))
      (block $vdone (loop $vec
        (br_if $vdone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $j1)))
        (local.set $at (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2))))
        (local.set $d (f32x4.max
          (f32x4.sub
            (f32x4.add (local.get $ni) (v128.load (i32.add (local.get $norms) (i32.shl (local.get $j) (i32.const 2)))))
            (f32x4.mul (local.get $c) (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))))
          (v128.const i32x4 0 0 0 0)))
        (if (local.get $root) (then (local.set $d (f32x4.sqrt (local.get $d)))))
        (v128.store (local.get $at) (local.get $d))
        ;; d_ji for the four lanes: column i of rows j .. j + 3.
        (local.set $lower (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $k)) (local.get $i)) (i32.const 2))))
        (f32.store (local.get $lower) (f32x4.extract_lane 0 (local.get $d)))
        (local.set $lower (i32.add (local.get $lower) (local.get $stride)))
        (f32.store (local.get $lower) (f32x4.extract_lane 1 (local.get $d)))
        (local.set $lower (i32.add (local.get $lower) (local.get $stride)))
        (f32.store (local.get $lower) (f32x4.extract_lane 2 (local.get $d)))
        (local.set $lower (i32.add (local.get $lower) (local.get $stride)))
        (f32.store (local.get $lower) (f32x4.extract_lane 3 (local.get $d)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vec)))
      (block $tdone (loop $tail
        (br_if $tdone (i32.ge_u (local.get $j) (local.get $j1)))
        (local.set $at (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2))))
        (local.set $x (f32.max
          (f32.sub
            (f32.add (local.get $sni) (f32.load (i32.add (local.get $norms) (i32.shl (local.get $j) (i32.const 2)))))
            (f32.mul (local.get $coef) (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))))
          (f32.const 0)))
        (if (local.get $root) (then (local.set $x (f32.sqrt (local.get $x)))))
        (f32.store (local.get $at) (local.get $x))
        (f32.store (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $k)) (local.get $i)) (i32.const 2)))
          (local.get $x))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows))))

  ;; The n triplets (a_t, b_t, c_t) at $a, $b, $c reordered by anchor a, increasing, each anchor's triplets in
  ;; their original order (a counting sort, as ../rank/anchor-order.ts), into $ga, $gb, $gc; their 32-bit signs at
  ;; $s along with them into $gs, unless $s is 0. $starts holds K + 1 i32 of scratch.
  (func (export "groupByAnchor")
    (param $a i32) (param $b i32) (param $c i32) (param $s i32) (param $n i32) (param $k i32) (param $starts i32)
    (param $ga i32) (param $gb i32) (param $gc i32) (param $gs i32)
    (local $t i32) (local $q i32) (local $at i32) (local $x i32) (local $sum i32) (local $count i32)
    (memory.fill (local.get $starts) (i32.const 0) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 2)))
    (block $cdone (loop $counts
      (br_if $cdone (i32.ge_u (local.get $t) (local.get $n)))
      (local.set $q (i32.add (local.get $starts)
        (i32.shl (i32.load (i32.add (local.get $a) (i32.shl (local.get $t) (i32.const 2)))) (i32.const 2))))
      (i32.store offset=4 (local.get $q) (i32.add (i32.load offset=4 (local.get $q)) (i32.const 1)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $counts)))
    ;; Counts into the start of each anchor's run.
    (local.set $q (local.get $starts))
    (local.set $at (i32.add (local.get $starts) (i32.shl (local.get $k) (i32.const 2))))
    (block $sdone (loop $sums
      (br_if $sdone (i32.ge_u (local.get $q) (local.get $at)))
      (local.set $sum (i32.add (local.get $sum) (i32.load offset=4 (local.get $q))))
      (i32.store offset=4 (local.get $q) (local.get $sum))
      (local.set $q (i32.add (local.get $q) (i32.const 4)))
      (br $sums)))
    (local.set $t (i32.const 0))
    (block $pdone (loop $place
      (br_if $pdone (i32.ge_u (local.get $t) (local.get $n)))
      (local.set $count (i32.shl (local.get $t) (i32.const 2)))
      (local.set $x (i32.load (i32.add (local.get $a) (local.get $count))))
      (local.set $q (i32.add (local.get $starts) (i32.shl (local.get $x) (i32.const 2))))
      (local.set $at (i32.shl (i32.load (local.get $q)) (i32.const 2)))
      (i32.store (local.get $q) (i32.add (i32.load (local.get $q)) (i32.const 1)))
      (i32.store (i32.add (local.get $ga) (local.get $at)) (local.get $x))
      (i32.store (i32.add (local.get $gb) (local.get $at)) (i32.load (i32.add (local.get $b) (local.get $count))))
      (i32.store (i32.add (local.get $gc) (local.get $at)) (i32.load (i32.add (local.get $c) (local.get $count))))
      (if (local.get $s) (then
        (i32.store (i32.add (local.get $gs) (local.get $at)) (i32.load (i32.add (local.get $s) (local.get $count))))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $place))))

  ;; e^-a for a >= 0 in f64, to a few ulp: a = n ln2 - r with |r| <= ln2 / 2 (ln2 split in two parts so that n ln2
  ;; is exact), e^r from its Taylor series to degree 12 (truncation below 2e-16), times 2^-n built from its bits.
  ;; 0 beyond a = 708, where 2^-n would be subnormal.
  (func $expNegative (export "expNegative") (param $a f64) (result f64)
    (local $n f64) (local $r f64)
    (if (f64.gt (local.get $a) (f64.const 708)) (then (return (f64.const 0))))
    (local.set $n (f64.nearest (f64.mul (local.get $a) (f64.const 1.4426950408889634))))
    (local.set $r (f64.add
      (f64.sub (f64.mul (local.get $n) (f64.const 0x1.62e42feep-1)) (local.get $a))
      (f64.mul (local.get $n) (f64.const 0x1.a39ef35793c76p-33))))
    (f64.mul
      (f64.add (f64.const 1) (f64.mul (local.get $r)
      (f64.add (f64.const 1) (f64.mul (local.get $r)
      (f64.add (f64.const 0.5) (f64.mul (local.get $r)
      (f64.add (f64.const 0x1.5555555555555p-3) (f64.mul (local.get $r)
      (f64.add (f64.const 0x1.5555555555555p-5) (f64.mul (local.get $r)
      (f64.add (f64.const 0x1.1111111111111p-7) (f64.mul (local.get $r)
      (f64.add (f64.const 0x1.6c16c16c16c17p-10) (f64.mul (local.get $r)
      (f64.add (f64.const 0x1.a01a01a01a01ap-13) (f64.mul (local.get $r)
      (f64.add (f64.const 0x1.a01a01a01a01ap-16) (f64.mul (local.get $r)
      (f64.add (f64.const 0x1.71de3a556c734p-19) (f64.mul (local.get $r)
      (f64.add (f64.const 0x1.27e4fb7789f5cp-22) (f64.mul (local.get $r)
      (f64.add (f64.const 0x1.ae64567f544e4p-26) (f64.mul (local.get $r)
               (f64.const 0x1.1eed8eff8d898p-29)))))))))))))))))))))))))
      (f64.reinterpret_i64 (i64.shl (i64.sub (i64.const 1023) (i64.trunc_f64_s (local.get $n))) (i64.const 52)))))

  ;; The exponents taken out of the running products of rankTerms.
  (global $exponent (mut f64) (f64.const 0))

  ;; p = 2^e m with m in [1, 2) (p >= 1): adds e to $exponent and returns m, exactly.
  (func $mantissa (param $p f64) (result f64)
    (local $bits i64)
    (local.set $bits (i64.reinterpret_f64 (local.get $p)))
    (global.set $exponent (f64.add (global.get $exponent)
      (f64.convert_i64_s (i64.sub (i64.shr_u (local.get $bits) (i64.const 52)) (i64.const 1023)))))
    (f64.reinterpret_i64 (i64.or (i64.and (local.get $bits) (i64.const 0x000fffffffffffff)) (i64.const 0x3ff0000000000000))))

  ;; Both lanes of a product through $mantissa.
  (func $mantissas (param $p v128) (result v128)
    (f64x2.replace_lane 1
      (f64x2.splat (call $mantissa (f64x2.extract_lane 0 (local.get $p))))
      (call $mantissa (f64x2.extract_lane 1 (local.get $p)))))

  ;; The logistic rank loss's terms over n triplets grouped by anchor: x = s_t (d_ab - d_ac) from the mirrored
  ;; distances at $d, with s_t = -1 where D_ab > D_ac, else 1, from the costs D at $costs, or the f32 signs at $signs
  ;; where $costs is 0; softplus(x) = max(x, 0) + log(1 + e^-|x|), and the slope sigma(x) s_t $scale added to G_ab and
  ;; subtracted from G_ac (f32 at $g), each divided by 2 d (0 where d = 0) when $euclid != 0 (the euclidean
  ;; distance's d(d^2)/dd, so that W = G + G^T). Four triplets at a time in f32 lanes, their sums in f64; the last
  ;; n mod 4 in f64. Writes three f64 at $out: the sum of max(x, 0), and the product of the (1 + e^-|x|) as 2^e m:
  ;; e, then m. Each lane's product is renormalized every 512 steps (each factor <= 2).
  (func (export "rankTerms")
    (param $d i32) (param $g i32) (param $k i32) (param $a i32) (param $b i32) (param $c i32) (param $costs i32)
    (param $signs i32) (param $n i32) (param $scale f64) (param $euclid i32) (param $out i32)
    (local $t i32) (local $at i32) (local $row i32) (local $pb i32) (local $pc i32) (local $q i32) (local $steps i32)
    (local $s f64) (local $db f64) (local $dc f64) (local $x f64) (local $e f64) (local $slope f64)
    (local $gb f64) (local $gc f64) (local $linear f64) (local $product f64)
    (local $vk v128) (local $vscale v128) (local $row4 v128) (local $pb4 v128) (local $pc4 v128) (local $s4 v128)
    (local $db4 v128) (local $dc4 v128) (local $x4 v128) (local $e4 v128) (local $one4 v128) (local $slope4 v128)
    (local $gb4 v128) (local $gc4 v128) (local $linear2 v128) (local $low2 v128) (local $high2 v128)
    (local $log2e v128) (local $ln2hi v128) (local $ln2lo v128) (local $one v128) (local $half v128) (local $p3 v128) (local $p4 v128) (local $p5 v128) (local $p6 v128) (local $p7 v128) (local $expMax v128) (local $abs4 v128) (local $n4 v128) (local $r4 v128)
    (global.set $exponent (f64.const 0))
    (local.set $product (f64.const 1))
    (local.set $low2 (v128.const f64x2 1 1))
    (local.set $high2 (v128.const f64x2 1 1))
    (local.set $vk (i32x4.splat (local.get $k)))
    (local.set $vscale (f32x4.splat (f32.demote_f64 (local.get $scale))))
    ;; The exponential's constants, splatted once: as v128.const in the loop V8 rebuilt them on every pass.
    (local.set $log2e (f32x4.splat (f32.const 1.44269504)))
    (local.set $ln2hi (f32x4.splat (f32.const 0.693359375)))
    (local.set $ln2lo (f32x4.splat (f32.const 2.12194440e-4)))
    (local.set $one (f32x4.splat (f32.const 1)))
    (local.set $half (f32x4.splat (f32.const 0.5)))
    (local.set $p3 (f32x4.splat (f32.const 0x1.555556p-3)))
    (local.set $p4 (f32x4.splat (f32.const 0x1.555556p-5)))
    (local.set $p5 (f32x4.splat (f32.const 0x1.111112p-7)))
    (local.set $p6 (f32x4.splat (f32.const 0x1.6c16c2p-10)))
    (local.set $p7 (f32x4.splat (f32.const 0x1.a01a02p-13)))
    (local.set $expMax (f32x4.splat (f32.const 87)))
    (block $vdone (loop $quads
      (br_if $vdone (i32.gt_u (i32.add (local.get $t) (i32.const 4)) (local.get $n)))
      (local.set $at (i32.shl (local.get $t) (i32.const 2)))
      (local.set $row4 (i32x4.mul (v128.load (i32.add (local.get $a) (local.get $at))) (local.get $vk)))
      (local.set $pb4 (i32x4.shl (i32x4.add (local.get $row4) (v128.load (i32.add (local.get $b) (local.get $at)))) (i32.const 2)))
      (local.set $pc4 (i32x4.shl (i32x4.add (local.get $row4) (v128.load (i32.add (local.get $c) (local.get $at)))) (i32.const 2)))
      (if (local.get $costs)
        (then (local.set $s4 (v128.bitselect (v128.const f32x4 -1 -1 -1 -1) (v128.const f32x4 1 1 1 1)
          (f32x4.gt (f32x4.replace_lane 3 (f32x4.replace_lane 2 (f32x4.replace_lane 1
          (f32x4.splat (f32.load (i32.add (local.get $costs) (i32x4.extract_lane 0 (local.get $pb4)))))
          (f32.load (i32.add (local.get $costs) (i32x4.extract_lane 1 (local.get $pb4)))))
          (f32.load (i32.add (local.get $costs) (i32x4.extract_lane 2 (local.get $pb4)))))
          (f32.load (i32.add (local.get $costs) (i32x4.extract_lane 3 (local.get $pb4)))))
            (f32x4.replace_lane 3 (f32x4.replace_lane 2 (f32x4.replace_lane 1
          (f32x4.splat (f32.load (i32.add (local.get $costs) (i32x4.extract_lane 0 (local.get $pc4)))))
          (f32.load (i32.add (local.get $costs) (i32x4.extract_lane 1 (local.get $pc4)))))
          (f32.load (i32.add (local.get $costs) (i32x4.extract_lane 2 (local.get $pc4)))))
          (f32.load (i32.add (local.get $costs) (i32x4.extract_lane 3 (local.get $pc4)))))))))
        (else (local.set $s4 (v128.load (i32.add (local.get $signs) (local.get $at))))))
      (local.set $db4 (f32x4.replace_lane 3 (f32x4.replace_lane 2 (f32x4.replace_lane 1
          (f32x4.splat (f32.load (i32.add (local.get $d) (i32x4.extract_lane 0 (local.get $pb4)))))
          (f32.load (i32.add (local.get $d) (i32x4.extract_lane 1 (local.get $pb4)))))
          (f32.load (i32.add (local.get $d) (i32x4.extract_lane 2 (local.get $pb4)))))
          (f32.load (i32.add (local.get $d) (i32x4.extract_lane 3 (local.get $pb4))))))
      (local.set $dc4 (f32x4.replace_lane 3 (f32x4.replace_lane 2 (f32x4.replace_lane 1
          (f32x4.splat (f32.load (i32.add (local.get $d) (i32x4.extract_lane 0 (local.get $pc4)))))
          (f32.load (i32.add (local.get $d) (i32x4.extract_lane 1 (local.get $pc4)))))
          (f32.load (i32.add (local.get $d) (i32x4.extract_lane 2 (local.get $pc4)))))
          (f32.load (i32.add (local.get $d) (i32x4.extract_lane 3 (local.get $pc4))))))
      (local.set $x4 (f32x4.mul (local.get $s4) (f32x4.sub (local.get $db4) (local.get $dc4))))
      ;; e^-|x| in the four lanes (relative error about 1e-7): |x| = n ln2 - r with |r| <= ln2 / 2 (ln2 split as in
      ;; Cephes), e^r to degree 7, times 2^-n built from its bits; 0 beyond 87, where 2^-n would be subnormal.
      (local.set $abs4 (f32x4.abs (local.get $x4)))
      (local.set $n4 (f32x4.nearest (f32x4.mul (local.get $abs4) (local.get $log2e))))
      (local.set $r4 (f32x4.sub (f32x4.sub (f32x4.mul (local.get $n4) (local.get $ln2hi)) (local.get $abs4))
        (f32x4.mul (local.get $n4) (local.get $ln2lo))))
      (local.set $e4 (v128.and
        (f32x4.mul
          (f32x4.add (local.get $one) (f32x4.mul (local.get $r4)
          (f32x4.add (local.get $one) (f32x4.mul (local.get $r4)
          (f32x4.add (local.get $half) (f32x4.mul (local.get $r4)
          (f32x4.add (local.get $p3) (f32x4.mul (local.get $r4)
          (f32x4.add (local.get $p4) (f32x4.mul (local.get $r4)
          (f32x4.add (local.get $p5) (f32x4.mul (local.get $r4)
          (f32x4.add (local.get $p6) (f32x4.mul (local.get $r4) (local.get $p7)))))))))))))))
          (i32x4.shl (i32x4.sub (v128.const i32x4 127 127 127 127) (i32x4.trunc_sat_f32x4_s (local.get $n4))) (i32.const 23)))
        (f32x4.le (local.get $abs4) (local.get $expMax))))
      (local.set $one4 (f32x4.add (local.get $one) (local.get $e4)))
      (local.set $slope4 (f32x4.max (local.get $x4) (v128.const i32x4 0 0 0 0)))
      (local.set $linear2 (f64x2.add (local.get $linear2) (f64x2.add
        (f64x2.promote_low_f32x4 (local.get $slope4))
        (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $slope4) (local.get $slope4))))))
      (local.set $low2 (f64x2.mul (local.get $low2) (f64x2.promote_low_f32x4 (local.get $one4))))
      (local.set $high2 (f64x2.mul (local.get $high2)
        (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $one4) (local.get $one4)))))
      (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
      (if (i32.eq (local.get $steps) (i32.const 512)) (then
        (local.set $low2 (call $mantissas (local.get $low2)))
        (local.set $high2 (call $mantissas (local.get $high2)))
        (local.set $steps (i32.const 0))))
      ;; The slope's numerator; its denominator 1 + e, times 2 d for the euclidean metric (two divisions, not three).
      (local.set $slope4 (f32x4.mul
        (v128.bitselect (local.get $s4) (f32x4.mul (local.get $s4) (local.get $e4)) (f32x4.gt (local.get $x4) (v128.const i32x4 0 0 0 0)))
        (local.get $vscale)))
      (if (local.get $euclid)
        (then
          (local.set $gb4 (v128.and
            (f32x4.div (local.get $slope4) (f32x4.mul (local.get $one4) (f32x4.add (local.get $db4) (local.get $db4))))
            (f32x4.gt (local.get $db4) (v128.const i32x4 0 0 0 0))))
          (local.set $gc4 (v128.and
            (f32x4.div (local.get $slope4) (f32x4.mul (local.get $one4) (f32x4.add (local.get $dc4) (local.get $dc4))))
            (f32x4.gt (local.get $dc4) (v128.const i32x4 0 0 0 0)))))
        (else
          (local.set $gb4 (f32x4.div (local.get $slope4) (local.get $one4)))
          (local.set $gc4 (local.get $gb4))))
      (local.set $q (i32.add (local.get $g) (i32x4.extract_lane 0 (local.get $pb4))))
      (f32.store (local.get $q) (f32.add (f32.load (local.get $q)) (f32x4.extract_lane 0 (local.get $gb4))))
      (local.set $q (i32.add (local.get $g) (i32x4.extract_lane 1 (local.get $pb4))))
      (f32.store (local.get $q) (f32.add (f32.load (local.get $q)) (f32x4.extract_lane 1 (local.get $gb4))))
      (local.set $q (i32.add (local.get $g) (i32x4.extract_lane 2 (local.get $pb4))))
      (f32.store (local.get $q) (f32.add (f32.load (local.get $q)) (f32x4.extract_lane 2 (local.get $gb4))))
      (local.set $q (i32.add (local.get $g) (i32x4.extract_lane 3 (local.get $pb4))))
      (f32.store (local.get $q) (f32.add (f32.load (local.get $q)) (f32x4.extract_lane 3 (local.get $gb4))))
      (local.set $q (i32.add (local.get $g) (i32x4.extract_lane 0 (local.get $pc4))))
      (f32.store (local.get $q) (f32.sub (f32.load (local.get $q)) (f32x4.extract_lane 0 (local.get $gc4))))
      (local.set $q (i32.add (local.get $g) (i32x4.extract_lane 1 (local.get $pc4))))
      (f32.store (local.get $q) (f32.sub (f32.load (local.get $q)) (f32x4.extract_lane 1 (local.get $gc4))))
      (local.set $q (i32.add (local.get $g) (i32x4.extract_lane 2 (local.get $pc4))))
      (f32.store (local.get $q) (f32.sub (f32.load (local.get $q)) (f32x4.extract_lane 2 (local.get $gc4))))
      (local.set $q (i32.add (local.get $g) (i32x4.extract_lane 3 (local.get $pc4))))
      (f32.store (local.get $q) (f32.sub (f32.load (local.get $q)) (f32x4.extract_lane 3 (local.get $gc4))))
      (local.set $t (i32.add (local.get $t) (i32.const 4)))
      (br $quads)))
    ;; The last n mod 4 triplets, in f64: too few for their product to need renormalizing.
    (block $done (loop $triplets
      (br_if $done (i32.ge_u (local.get $t) (local.get $n)))
      (local.set $at (i32.shl (local.get $t) (i32.const 2)))
      (local.set $row (i32.mul (i32.load (i32.add (local.get $a) (local.get $at))) (local.get $k)))
      (local.set $pb (i32.shl (i32.add (local.get $row) (i32.load (i32.add (local.get $b) (local.get $at)))) (i32.const 2)))
      (local.set $pc (i32.shl (i32.add (local.get $row) (i32.load (i32.add (local.get $c) (local.get $at)))) (i32.const 2)))
      (if (local.get $costs)
        (then (local.set $s (select (f64.const -1) (f64.const 1)
          (f32.gt (f32.load (i32.add (local.get $costs) (local.get $pb))) (f32.load (i32.add (local.get $costs) (local.get $pc)))))))
        (else (local.set $s (f64.promote_f32 (f32.load (i32.add (local.get $signs) (local.get $at)))))))
      (local.set $db (f64.promote_f32 (f32.load (i32.add (local.get $d) (local.get $pb)))))
      (local.set $dc (f64.promote_f32 (f32.load (i32.add (local.get $d) (local.get $pc)))))
      (local.set $x (f64.mul (local.get $s) (f64.sub (local.get $db) (local.get $dc))))
      (local.set $e (call $expNegative (f64.abs (local.get $x))))
      (local.set $linear (f64.add (local.get $linear) (f64.max (local.get $x) (f64.const 0))))
      (local.set $product (f64.mul (local.get $product) (f64.add (f64.const 1) (local.get $e))))
      (local.set $slope (f64.div
        (f64.mul (select (local.get $s) (f64.mul (local.get $s) (local.get $e)) (f64.gt (local.get $x) (f64.const 0))) (local.get $scale))
        (f64.add (f64.const 1) (local.get $e))))
      (local.set $gb (local.get $slope))
      (local.set $gc (local.get $slope))
      (if (local.get $euclid) (then
        (local.set $gb (select (f64.div (local.get $slope) (f64.add (local.get $db) (local.get $db))) (f64.const 0)
          (f64.gt (local.get $db) (f64.const 0))))
        (local.set $gc (select (f64.div (local.get $slope) (f64.add (local.get $dc) (local.get $dc))) (f64.const 0)
          (f64.gt (local.get $dc) (f64.const 0))))))
      (local.set $pb (i32.add (local.get $g) (local.get $pb)))
      (local.set $pc (i32.add (local.get $g) (local.get $pc)))
      (f32.store (local.get $pb) (f32.add (f32.load (local.get $pb)) (f32.demote_f64 (local.get $gb))))
      (f32.store (local.get $pc) (f32.sub (f32.load (local.get $pc)) (f32.demote_f64 (local.get $gc))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $triplets)))
    (local.set $low2 (call $mantissas (local.get $low2)))
    (local.set $high2 (call $mantissas (local.get $high2)))
    (f64.store (local.get $out) (f64.add (local.get $linear)
      (f64.add (f64x2.extract_lane 0 (local.get $linear2)) (f64x2.extract_lane 1 (local.get $linear2)))))
    ;; Four mantissas in [1, 2) and the tail's product (< 8): their product is below 2^7.
    (f64.store offset=16 (local.get $out) (call $mantissa (f64.mul (f64.mul (local.get $product)
      (f64.mul (f64x2.extract_lane 0 (local.get $low2)) (f64x2.extract_lane 1 (local.get $low2))))
      (f64.mul (f64x2.extract_lane 0 (local.get $high2)) (f64x2.extract_lane 1 (local.get $high2))))))
    (f64.store offset=8 (local.get $out) (global.get $exponent)))

  ;; W_ij = W_ji = G_ij + G_ji for j > i in place of G [K, K] at $m, W_ii = 0, and W's row sums into $rowSums (K f64,
  ;; zeroed by the caller). In 64x64 tiles, so that the column reads and writes stay in cache.
  (func (export "symmetrizeWeights") (param $m i32) (param $rowSums i32) (param $k i32)
    (local $i0 i32) (local $j0 i32) (local $iend i32) (local $jend i32) (local $i i32) (local $j i32)
    (local $at i32) (local $lower i32) (local $q i32) (local $stride i32)
    (local $w v128) (local $lo v128) (local $hi v128) (local $rowv v128) (local $sw f32) (local $srow f64)
    (local.set $stride (i32.shl (local.get $k) (i32.const 2)))
    (block $d0 (loop $ti
      (br_if $d0 (i32.ge_u (local.get $i0) (local.get $k)))
      (local.set $iend (select (i32.add (local.get $i0) (i32.const 64)) (local.get $k)
        (i32.lt_u (i32.add (local.get $i0) (i32.const 64)) (local.get $k))))
      (local.set $j0 (local.get $i0))
      (block $d1 (loop $tj
        (br_if $d1 (i32.ge_u (local.get $j0) (local.get $k)))
        (local.set $jend (select (i32.add (local.get $j0) (i32.const 64)) (local.get $k)
          (i32.lt_u (i32.add (local.get $j0) (i32.const 64)) (local.get $k))))
        (local.set $i (local.get $i0))
        (block $d2 (loop $li
          (br_if $d2 (i32.ge_u (local.get $i) (local.get $iend)))
          (local.set $rowv (v128.const i32x4 0 0 0 0))
          (local.set $srow (f64.const 0))
          (local.set $j (select (local.get $j0) (i32.add (local.get $i) (i32.const 1)) (i32.gt_u (local.get $j0) (local.get $i))))
          (block $vdone (loop $vec
            (br_if $vdone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $jend)))
            (local.set $at (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2))))
            ;; G_ji for the four lanes: column i of rows j .. j + 3, read and then overwritten with W.
            (local.set $lower (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $k)) (local.get $i)) (i32.const 2))))
            (local.set $w (f32x4.add (v128.load (local.get $at))
              (f32x4.replace_lane 3 (f32x4.replace_lane 2 (f32x4.replace_lane 1
                (f32x4.splat (f32.load (local.get $lower)))
                (f32.load (i32.add (local.get $lower) (local.get $stride))))
                (f32.load (i32.add (local.get $lower) (i32.shl (local.get $stride) (i32.const 1)))))
                (f32.load (i32.add (local.get $lower) (i32.mul (local.get $stride) (i32.const 3)))))))
            (v128.store (local.get $at) (local.get $w))
            (f32.store (local.get $lower) (f32x4.extract_lane 0 (local.get $w)))
            (local.set $lower (i32.add (local.get $lower) (local.get $stride)))
            (f32.store (local.get $lower) (f32x4.extract_lane 1 (local.get $w)))
            (local.set $lower (i32.add (local.get $lower) (local.get $stride)))
            (f32.store (local.get $lower) (f32x4.extract_lane 2 (local.get $w)))
            (local.set $lower (i32.add (local.get $lower) (local.get $stride)))
            (f32.store (local.get $lower) (f32x4.extract_lane 3 (local.get $w)))
            (local.set $lo (f64x2.promote_low_f32x4 (local.get $w)))
            (local.set $hi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $w) (local.get $w))))
            (local.set $rowv (f64x2.add (local.get $rowv) (f64x2.add (local.get $lo) (local.get $hi))))
            (local.set $q (i32.add (local.get $rowSums) (i32.shl (local.get $j) (i32.const 3))))
            (v128.store (local.get $q) (f64x2.add (v128.load (local.get $q)) (local.get $lo)))
            (v128.store offset=16 (local.get $q) (f64x2.add (v128.load offset=16 (local.get $q)) (local.get $hi)))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $vec)))
          (block $tdone (loop $tail
            (br_if $tdone (i32.ge_u (local.get $j) (local.get $jend)))
            (local.set $at (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2))))
            (local.set $lower (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $k)) (local.get $i)) (i32.const 2))))
            (local.set $sw (f32.add (f32.load (local.get $at)) (f32.load (local.get $lower))))
            (f32.store (local.get $at) (local.get $sw))
            (f32.store (local.get $lower) (local.get $sw))
            (local.set $srow (f64.add (local.get $srow) (f64.promote_f32 (local.get $sw))))
            (local.set $q (i32.add (local.get $rowSums) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store (local.get $q) (f64.add (f64.load (local.get $q)) (f64.promote_f32 (local.get $sw))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $tail)))
          (local.set $q (i32.add (local.get $rowSums) (i32.shl (local.get $i) (i32.const 3))))
          (f64.store (local.get $q) (f64.add (f64.load (local.get $q))
            (f64.add (local.get $srow) (f64.add (f64x2.extract_lane 0 (local.get $rowv)) (f64x2.extract_lane 1 (local.get $rowv))))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $li)))
        (local.set $j0 (i32.add (local.get $j0) (i32.const 64)))
        (br $tj)))
      (local.set $i0 (i32.add (local.get $i0) (i32.const 64)))
      (br $ti)))
    (local.set $i (i32.const 0))
    (block $ddone (loop $diag
      (br_if $ddone (i32.ge_u (local.get $i) (local.get $k)))
      (f32.store (i32.add (local.get $m) (i32.shl (i32.mul (local.get $i) (i32.add (local.get $k) (i32.const 1))) (i32.const 2))) (f32.const 0))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $diag))))
)
