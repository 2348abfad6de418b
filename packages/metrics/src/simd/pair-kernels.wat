;; Element-wise passes of the exact distortion loss over K×K float32 matrices, in WebAssembly SIMD (f32x4, sums in
;; f64x2). The host-memory path of @mgp/metrics runs them between the Gram product and the backward W·P: as
;; JavaScript loops they took ~10 ms at K = 1,000, about one K×K×128 product. Also the two loops of the rank loss
;; over its triplets' pairs of rows (rowPairSquaredDistances, addRowPairGradients), and its draws of triplets
;; (drawTriplets).
;;
;; Only the upper triangle (j > i) of the inputs is read. Compiled to ./pair-kernels.binary.ts by
;; `pnpm --filter @mgp/metrics wasm`.
;; Every pointer is a byte offset into this module's own memory; every matrix is row-major with K columns.
(module
  (memory (export "memory") 1)

  ;; 1 / D_ij in place over the upper triangle (j > i): the costs are inverted once per cost matrix.
  (func (export "invertUpper") (param $m i32) (param $k i32)
    (local $i i32) (local $j i32) (local $p i32)
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $k)))
      (local.set $j (i32.add (local.get $i) (i32.const 1)))
      (block $vdone (loop $vec
        (br_if $vdone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $k)))
        (local.set $p (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2))))
        (v128.store (local.get $p) (f32x4.div (v128.const f32x4 1 1 1 1) (v128.load (local.get $p))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vec)))
      (block $tdone (loop $tail
        (br_if $tdone (i32.ge_u (local.get $j) (local.get $k)))
        (local.set $p (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2))))
        (f32.store (local.get $p) (f32.div (f32.const 1) (f32.load (local.get $p))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows))))

  ;; From one Gram block staged at $g (rows [$i0, $i1) by columns [$j0, $j1), row-major, read while it is still in
  ;; cache): d_ij = max(n_i + n_j - coef * g_ij, 0) for j > i, square-rooted when $root != 0, into the matrix at $m.
  ;; Adds the sums of a and of a^2 (a = d_ij / D_ij, from $inv = 1 / D) to the two f64 at $out.
  (func (export "distortionDistances")
    (param $m i32) (param $g i32) (param $norms i32) (param $inv i32) (param $k i32)
    (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32) (param $coef f32) (param $root i32) (param $out i32)
    (local $i i32) (local $j i32) (local $at i32) (local $row i32) (local $sni f32) (local $x f32) (local $sa f64)
    (local $ni v128) (local $c v128) (local $d v128) (local $a v128) (local $lo v128) (local $hi v128)
    (local $sum v128) (local $sq v128) (local $ssum f64) (local $ssq f64)
    (local.set $c (f32x4.splat (local.get $coef)))
    (local.set $ssum (f64.load (local.get $out)))
    (local.set $ssq (f64.load offset=8 (local.get $out)))
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
        (local.set $at (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2)))
        (local.set $d (f32x4.max
          (f32x4.sub
            (f32x4.add (local.get $ni) (v128.load (i32.add (local.get $norms) (i32.shl (local.get $j) (i32.const 2)))))
            (f32x4.mul (local.get $c) (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))))
          (v128.const i32x4 0 0 0 0)))
        (if (local.get $root) (then (local.set $d (f32x4.sqrt (local.get $d)))))
        (v128.store (i32.add (local.get $m) (local.get $at)) (local.get $d))
        (local.set $a (f32x4.mul (local.get $d) (v128.load (i32.add (local.get $inv) (local.get $at)))))
        (local.set $lo (f64x2.promote_low_f32x4 (local.get $a)))
        (local.set $hi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a) (local.get $a))))
        (local.set $sum (f64x2.add (local.get $sum) (f64x2.add (local.get $lo) (local.get $hi))))
        (local.set $sq (f64x2.add (local.get $sq) (f64x2.add (f64x2.mul (local.get $lo) (local.get $lo)) (f64x2.mul (local.get $hi) (local.get $hi)))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vec)))
      (block $tdone (loop $tail
        (br_if $tdone (i32.ge_u (local.get $j) (local.get $j1)))
        (local.set $at (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2)))
        (local.set $x (f32.max
          (f32.sub
            (f32.add (local.get $sni) (f32.load (i32.add (local.get $norms) (i32.shl (local.get $j) (i32.const 2)))))
            (f32.mul (local.get $coef) (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))))
          (f32.const 0)))
        (if (local.get $root) (then (local.set $x (f32.sqrt (local.get $x)))))
        (f32.store (i32.add (local.get $m) (local.get $at)) (local.get $x))
        (local.set $sa (f64.promote_f32 (f32.mul (local.get $x) (f32.load (i32.add (local.get $inv) (local.get $at))))))
        (local.set $ssum (f64.add (local.get $ssum) (local.get $sa)))
        (local.set $ssq (f64.add (local.get $ssq) (f64.mul (local.get $sa) (local.get $sa))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
    (f64.store (local.get $out)
      (f64.add (local.get $ssum) (f64.add (f64x2.extract_lane 0 (local.get $sum)) (f64x2.extract_lane 1 (local.get $sum)))))
    (f64.store offset=8 (local.get $out)
      (f64.add (local.get $ssq) (f64.add (f64x2.extract_lane 0 (local.get $sq)) (f64x2.extract_lane 1 (local.get $sq))))))

  ;; W_ij = f * r * inv_ij, divided by d_ij (0 where d_ij = 0) when $euclid != 0, with r = s * d_ij * inv_ij - 1:
  ;; written over d_ij (j > i) and onto W_ji, with W_ii = 0, so W comes out symmetric. Adds the row sums of W into
  ;; $rowSums (K f64). Runs in 64x64 tiles so the mirrored writes stay in cache. (The loss, the sum of r^2, follows
  ;; from the sums of a and a^2 of distortionDistances: sum r^2 = s^2 sum a^2 - 2 s sum a + pairs.)
  (func (export "distortionWeights")
    (param $m i32) (param $inv i32) (param $rowSums i32) (param $k i32) (param $s f32) (param $f f32) (param $euclid i32)
    (local $i0 i32) (local $j0 i32) (local $iend i32) (local $jend i32) (local $i i32) (local $j i32)
    (local $at i32) (local $q i32) (local $lower i32) (local $stride i32)
    (local $vs v128) (local $vf v128) (local $d v128) (local $v v128) (local $r v128) (local $w v128)
    (local $lo v128) (local $hi v128) (local $rowv v128)
    (local $sd f32) (local $sv f32) (local $sr f32) (local $sw f32) (local $srow f64)
    (local.set $vs (f32x4.splat (local.get $s)))
    (local.set $vf (f32x4.splat (local.get $f)))
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
            (local.set $at (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2)))
            (local.set $d (v128.load (i32.add (local.get $m) (local.get $at))))
            (local.set $v (v128.load (i32.add (local.get $inv) (local.get $at))))
            (local.set $r (f32x4.sub (f32x4.mul (local.get $vs) (f32x4.mul (local.get $d) (local.get $v))) (v128.const f32x4 1 1 1 1)))
            (local.set $w (f32x4.mul (f32x4.mul (local.get $vf) (local.get $r)) (local.get $v)))
            (if (local.get $euclid) (then
              (local.set $w (v128.and
                (f32x4.div (local.get $w) (local.get $d))
                (f32x4.gt (local.get $d) (v128.const i32x4 0 0 0 0))))))
            (v128.store (i32.add (local.get $m) (local.get $at)) (local.get $w))
            ;; W_ji for the four lanes: column i of rows j .. j + 3.
            (local.set $lower (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $k)) (local.get $i)) (i32.const 2))))
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
            (local.set $at (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 2)))
            (local.set $sd (f32.load (i32.add (local.get $m) (local.get $at))))
            (local.set $sv (f32.load (i32.add (local.get $inv) (local.get $at))))
            (local.set $sr (f32.sub (f32.mul (local.get $s) (f32.mul (local.get $sd) (local.get $sv))) (f32.const 1)))
            (local.set $sw (f32.mul (f32.mul (local.get $f) (local.get $sr)) (local.get $sv)))
            (if (local.get $euclid) (then
              (local.set $sw (select (f32.div (local.get $sw) (local.get $sd)) (f32.const 0) (f32.gt (local.get $sd) (f32.const 0))))))
            (f32.store (i32.add (local.get $m) (local.get $at)) (local.get $sw))
            (f32.store (i32.add (local.get $m) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $k)) (local.get $i)) (i32.const 2)))
              (local.get $sw))
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
    ;; The diagonal.
    (local.set $i (i32.const 0))
    (block $ddone (loop $diag
      (br_if $ddone (i32.ge_u (local.get $i) (local.get $k)))
      (f32.store (i32.add (local.get $m) (i32.shl (i32.mul (local.get $i) (i32.add (local.get $k) (i32.const 1))) (i32.const 2))) (f32.const 0))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $diag))))

  ;; For the n pairs of rows (a_t, b_t) of P [K, dim] (row indices as i32 at $a and $b): the squared distance
  ;; |p_a - p_b|^2 into the f64 at $out + 8t, the differences in f32, their squares summed in f64.
  (func (export "rowPairSquaredDistances")
    (param $p i32) (param $dim i32) (param $a i32) (param $b i32) (param $n i32) (param $out i32)
    (local $t i32) (local $x i32) (local $y i32) (local $m i32) (local $bytes i32) (local $s f64) (local $e f64)
    (local $diff v128) (local $lo v128) (local $hi v128) (local $acc v128)
    (local.set $bytes (i32.shl (local.get $dim) (i32.const 2)))
    (block $done (loop $pairs
      (br_if $done (i32.ge_u (local.get $t) (local.get $n)))
      (local.set $x (i32.add (local.get $p) (i32.mul (i32.load (i32.add (local.get $a) (i32.shl (local.get $t) (i32.const 2)))) (local.get $bytes))))
      (local.set $y (i32.add (local.get $p) (i32.mul (i32.load (i32.add (local.get $b) (i32.shl (local.get $t) (i32.const 2)))) (local.get $bytes))))
      (local.set $acc (v128.const i32x4 0 0 0 0))
      (local.set $m (i32.const 0))
      (block $vdone (loop $vec
        (br_if $vdone (i32.gt_u (i32.add (local.get $m) (i32.const 16)) (local.get $bytes)))
        (local.set $diff (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $m))) (v128.load (i32.add (local.get $y) (local.get $m)))))
        (local.set $lo (f64x2.promote_low_f32x4 (local.get $diff)))
        (local.set $hi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $diff) (local.get $diff))))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.add (f64x2.mul (local.get $lo) (local.get $lo)) (f64x2.mul (local.get $hi) (local.get $hi)))))
        (local.set $m (i32.add (local.get $m) (i32.const 16)))
        (br $vec)))
      (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
      (block $tdone (loop $tail
        (br_if $tdone (i32.ge_u (local.get $m) (local.get $bytes)))
        (local.set $e (f64.promote_f32 (f32.sub (f32.load (i32.add (local.get $x) (local.get $m))) (f32.load (i32.add (local.get $y) (local.get $m))))))
        (local.set $s (f64.add (local.get $s) (f64.mul (local.get $e) (local.get $e))))
        (local.set $m (i32.add (local.get $m) (i32.const 4)))
        (br $tail)))
      (f64.store (i32.add (local.get $out) (i32.shl (local.get $t) (i32.const 3))) (local.get $s))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $pairs))))

  ;; For the n pairs of rows (a_t, b_t), a_t != b_t, with coefficients c_t (f64 at $c): g_a += c_t (p_a - p_b) and
  ;; g_b -= c_t (p_a - p_b), in f32, for P and its gradient G [K, dim] at $p and $g. Pairs with c_t = 0 are skipped.
  (func (export "addRowPairGradients")
    (param $p i32) (param $g i32) (param $dim i32) (param $a i32) (param $b i32) (param $c i32) (param $n i32)
    (local $t i32) (local $x i32) (local $y i32) (local $m i32) (local $bytes i32) (local $ra i32) (local $rb i32)
    (local $coef f32) (local $e f32) (local $vc v128) (local $step v128)
    (local.set $bytes (i32.shl (local.get $dim) (i32.const 2)))
    (block $done (loop $pairs
      (br_if $done (i32.ge_u (local.get $t) (local.get $n)))
      (local.set $coef (f32.demote_f64 (f64.load (i32.add (local.get $c) (i32.shl (local.get $t) (i32.const 3))))))
      (if (f32.ne (local.get $coef) (f32.const 0)) (then
        (local.set $ra (i32.mul (i32.load (i32.add (local.get $a) (i32.shl (local.get $t) (i32.const 2)))) (local.get $bytes)))
        (local.set $rb (i32.mul (i32.load (i32.add (local.get $b) (i32.shl (local.get $t) (i32.const 2)))) (local.get $bytes)))
        (local.set $vc (f32x4.splat (local.get $coef)))
        (local.set $m (i32.const 0))
        (block $vdone (loop $vec
          (br_if $vdone (i32.gt_u (i32.add (local.get $m) (i32.const 16)) (local.get $bytes)))
          (local.set $x (i32.add (local.get $ra) (local.get $m)))
          (local.set $y (i32.add (local.get $rb) (local.get $m)))
          (local.set $step (f32x4.mul (local.get $vc)
            (f32x4.sub (v128.load (i32.add (local.get $p) (local.get $x))) (v128.load (i32.add (local.get $p) (local.get $y))))))
          (v128.store (i32.add (local.get $g) (local.get $x)) (f32x4.add (v128.load (i32.add (local.get $g) (local.get $x))) (local.get $step)))
          (v128.store (i32.add (local.get $g) (local.get $y)) (f32x4.sub (v128.load (i32.add (local.get $g) (local.get $y))) (local.get $step)))
          (local.set $m (i32.add (local.get $m) (i32.const 16)))
          (br $vec)))
        (block $tdone (loop $tail
          (br_if $tdone (i32.ge_u (local.get $m) (local.get $bytes)))
          (local.set $x (i32.add (local.get $ra) (local.get $m)))
          (local.set $y (i32.add (local.get $rb) (local.get $m)))
          (local.set $e (f32.mul (local.get $coef)
            (f32.sub (f32.load (i32.add (local.get $p) (local.get $x))) (f32.load (i32.add (local.get $p) (local.get $y))))))
          (f32.store (i32.add (local.get $g) (local.get $x)) (f32.add (f32.load (i32.add (local.get $g) (local.get $x))) (local.get $e)))
          (f32.store (i32.add (local.get $g) (local.get $y)) (f32.sub (f32.load (i32.add (local.get $g) (local.get $y))) (local.get $e)))
          (local.set $m (i32.add (local.get $m) (i32.const 4)))
          (br $tail)))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $pairs))))

  ;; The state of the mulberry32 generator of ../random/rng.ts while drawTriplets runs.
  (global $rng (mut i32) (i32.const 0))

  ;; One draw of ../random/rng.ts's nextInt(n): the state steps by 0x6d2b79f5, its mix u is an unsigned 32-bit
  ;; integer, and the draw is floor(u / 2^32 * n) in f64, the same operations as the JavaScript, so the same number
  ;; (u * 2^-32 is u / 2^32 exactly, and saves a division).
  (func $nextInt (param $n i32) (result i32)
    (local $x i32)
    (global.set $rng (i32.add (global.get $rng) (i32.const 0x6d2b79f5)))
    (local.set $x (global.get $rng))
    (local.set $x (i32.mul (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 15))) (i32.or (local.get $x) (i32.const 1))))
    (local.set $x (i32.xor (local.get $x)
      (i32.add (local.get $x) (i32.mul (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 7))) (i32.or (local.get $x) (i32.const 61))))))
    (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 14))))
    (i32.trunc_f64_u (f64.floor (f64.mul
      (f64.mul (f64.convert_i32_u (local.get $x)) (f64.const 0x1p-32))
      (f64.convert_i32_u (local.get $n))))))

  ;; $nextInt's mix of four states at once (the states given, not stepped).
  (func $mix4 (param $s v128) (result v128)
    (local $x v128)
    (local.set $x (i32x4.mul (v128.xor (local.get $s) (i32x4.shr_u (local.get $s) (i32.const 15))) (v128.or (local.get $s) (v128.const i32x4 1 1 1 1))))
    (local.set $x (v128.xor (local.get $x)
      (i32x4.add (local.get $x) (i32x4.mul (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 7))) (v128.or (local.get $x) (v128.const i32x4 61 61 61 61))))))
    (v128.xor (local.get $x) (i32x4.shr_u (local.get $x) (i32.const 14))))

  ;; floor(u / 2^32 * n) of four unsigned 32-bit u, in f64 as $nextInt, two lanes at a time.
  (func $scale4 (param $u v128) (param $n i32) (result v128)
    (local $vn v128)
    (local.set $vn (f64x2.splat (f64.convert_i32_u (local.get $n))))
    (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
      (i32x4.trunc_sat_f64x2_u_zero (f64x2.floor (f64x2.mul
        (f64x2.mul (f64x2.convert_low_i32x4_u (local.get $u)) (v128.const f64x2 0x1p-32 0x1p-32)) (local.get $vn))))
      (i32x4.trunc_sat_f64x2_u_zero (f64x2.floor (f64x2.mul
        (f64x2.mul (f64x2.convert_low_i32x4_u (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $u) (local.get $u)))
          (v128.const f64x2 0x1p-32 0x1p-32))
        (local.get $vn))))))

  ;; n triplets of three distinct positions in [0, m), as ../random/sample.ts's sampleTriplets: each draw skips the
  ;; positions already drawn, smaller first. Writes them as i32 at $a, $b, $c; starts the generator at $state and
  ;; returns its state after the last draw. The generator's state only steps by a constant, so four triplets' twelve
  ;; draws are mixed at once from their states (the k-th draw after state s mixes s + k * 0x6d2b79f5): the same
  ;; numbers, in the same order, as one draw at a time.
  (func (export "drawTriplets") (param $state i32) (param $m i32) (param $n i32) (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local $t i32) (local $x i32) (local $y i32) (local $z i32) (local $at i32)
    (local $base v128) (local $x4 v128) (local $y4 v128) (local $z4 v128)
    (block $qdone (loop $quads
      (br_if $qdone (i32.gt_u (i32.add (local.get $t) (i32.const 4)) (local.get $n)))
      (local.set $base (i32x4.splat (local.get $state)))
      ;; Triplet t + q draws x, y, z with the states s + (3q + 1, 2, 3) * 0x6d2b79f5.
      (local.set $x4 (call $scale4 (call $mix4 (i32x4.add (local.get $base) (v128.const i32x4 1831565813 -1263671340 -63941197 1135788946))) (local.get $m)))
      (local.set $y4 (call $scale4 (call $mix4 (i32x4.add (local.get $base) (v128.const i32x4 -631835670 567894473 1767624616 -1327612537)))
        (i32.sub (local.get $m) (i32.const 1))))
      (local.set $z4 (call $scale4 (call $mix4 (i32x4.add (local.get $base) (v128.const i32x4 1199730143 -1895507010 -695776867 503953276)))
        (i32.sub (local.get $m) (i32.const 2))))
      (local.set $y4 (i32x4.add (local.get $y4)
        (i32x4.shr_u (i32x4.sub (i32x4.sub (local.get $x4) (local.get $y4)) (v128.const i32x4 1 1 1 1)) (i32.const 31))))
      (local.set $z4 (i32x4.add (local.get $z4)
        (i32x4.shr_u (i32x4.sub (i32x4.sub (i32x4.min_s (local.get $x4) (local.get $y4)) (local.get $z4)) (v128.const i32x4 1 1 1 1)) (i32.const 31))))
      (local.set $z4 (i32x4.add (local.get $z4)
        (i32x4.shr_u (i32x4.sub (i32x4.sub (i32x4.max_s (local.get $x4) (local.get $y4)) (local.get $z4)) (v128.const i32x4 1 1 1 1)) (i32.const 31))))
      (local.set $at (i32.shl (local.get $t) (i32.const 2)))
      (v128.store (i32.add (local.get $a) (local.get $at)) (local.get $x4))
      (v128.store (i32.add (local.get $b) (local.get $at)) (local.get $y4))
      (v128.store (i32.add (local.get $c) (local.get $at)) (local.get $z4))
      (local.set $state (i32.add (local.get $state) (i32.const 503953276)))
      (local.set $t (i32.add (local.get $t) (i32.const 4)))
      (br $quads)))
    ;; The last n mod 4 triplets one draw at a time.
    (global.set $rng (local.get $state))
    (block $done (loop $draws
      (br_if $done (i32.ge_u (local.get $t) (local.get $n)))
      (local.set $x (call $nextInt (local.get $m)))
      (local.set $y (call $nextInt (i32.sub (local.get $m) (i32.const 1))))
      (local.set $y (i32.add (local.get $y) (i32.shr_u (i32.sub (i32.sub (local.get $x) (local.get $y)) (i32.const 1)) (i32.const 31))))
      (local.set $z (call $nextInt (i32.sub (local.get $m) (i32.const 2))))
      (local.set $z (i32.add (local.get $z) (i32.shr_u (i32.sub (i32.sub
        (select (local.get $x) (local.get $y) (i32.lt_s (local.get $x) (local.get $y))) (local.get $z)) (i32.const 1)) (i32.const 31))))
      (local.set $z (i32.add (local.get $z) (i32.shr_u (i32.sub (i32.sub
        (select (local.get $x) (local.get $y) (i32.gt_s (local.get $x) (local.get $y))) (local.get $z)) (i32.const 1)) (i32.const 31))))
      (local.set $at (i32.shl (local.get $t) (i32.const 2)))
      (i32.store (i32.add (local.get $a) (local.get $at)) (local.get $x))
      (i32.store (i32.add (local.get $b) (local.get $at)) (local.get $y))
      (i32.store (i32.add (local.get $c) (local.get $at)) (local.get $z))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $draws)))
    (global.get $rng))
)
