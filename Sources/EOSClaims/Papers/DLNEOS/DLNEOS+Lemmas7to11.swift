import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// The 1-D restriction φ(x) = f(θ + x v) of a polynomial loss of degree ≤ `degree` in x:
    /// φ^{(k)}(0), k = 0…4, from `degree` + 1 exact evaluations at Chebyshev points of [−h, h]
    /// and a Vandermonde solve (exact for a polynomial up to rounding ~ ε·cond).
    static func restrictedDerivatives(_ f: ([Double]) -> Double, at θ: [Double], along v: [Double],
                                      degree n: Int, radius h: Double) -> [Double] {
        let xs = (0...n).map { h * cos(Double.pi * (Double($0) + 0.5) / Double(n + 1)) }
        var a = xs.map { x in (0...n).map { pow(x / h, Double($0)) } }
        var y = xs.map { x in f(zip(θ, v).map { $0 + x * $1 }) }
        // Gaussian elimination with partial pivoting on the (n+1)×(n+1) system.
        let m = n + 1
        for col in 0..<m {
            let p = (col..<m).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            a.swapAt(col, p); y.swapAt(col, p)
            for r in (col + 1)..<max(m, col + 1) {
                let k = a[r][col] / a[col][col]
                for j in col..<m { a[r][j] -= k * a[col][j] }
                y[r] -= k * y[col]
            }
        }
        var c = [Double](repeating: 0, count: m)
        for r in stride(from: m - 1, through: 0, by: -1) {
            var s = y[r]
            for j in (r + 1)..<max(m, r + 1) { s -= a[r][j] * c[j] }
            c[r] = s / a[r][r]
        }
        var fact = 1.0
        return (0...min(4, n)).map { k in
            if k > 0 { fact *= Double(k) }
            return c[k] * fact / pow(h, Double(k))
        }
    }

    /// Lemma 7: stable subspace oscillations along Δ_{S_p}.
    static let lemma7 = Claim(
        id: "DLN-EOS.Lem7",
        title: "2-period orbit in the direction of the Hessian eigenvector Δ_{S_p}; 3f‴² − f″f⁗ > 0 along every eigenvector",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 7 (Stable Subspace Oscillations)", lines: 4252...4276),
        statement: """
        With S_p := Lσ⋆,p^{2−2/L} and K′_p := max{S_{p+1}, S_p/(2√2)}: if GD is run on loss (1) with η = 2/K and K′_p < K < S_p, then a 2-period orbit oscillation occurs in the direction of Δ_{S_p}, the eigenvector of the Hessian at the balanced minimum for the eigenvalue S_p. (Proof: 3[f‴]² − f″f⁗ = 48λ_i²(2β_i² − λ_iδ_i) > 0 "for any depth L > 2, for all the eigenvector directions corresponding to the non-zero eigenvalues", l.4870–5132.)
        """,
        uses: ["DLN-EOS.Lem11", "DLN-EOS.Prop3", "DLN-EOS.Lem1"],
        parameters: [DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
                     ParameterSpec("etaTimesS", .real, .open(0, 10), meaning: "η·S_1 (p = 1)"), DLNSimulation.stepsSpec(1e6)],
        method: """
        p = 1. Full-matrix GD from init (4) (random U⋆ ≠ V⋆, d = 4, L = 3) at η = (η·S_1)/S_1 with K above \
        the cross eigenvalues (so the orbit stays in the SVS set, see Thm 1); the orbit displacement \
        θ(T) − θ(T−1) must be aligned with the top eigenvector of the dense Hessian at the balanced minimum \
        (|cos| ≥ 1 − 1e-6). Along every eigenvector of a non-zero eigenvalue (Jacobi), the 1-D restriction \
        φ(x) = f(θ⋆ + xv) is a polynomial of degree 2L, recovered exactly from 2L + 1 evaluations; the \
        proof's claim 3φ‴² − φ″φ⁗ > 0 is evaluated on every one of them and reported (a proof step, not the \
        statement): at σ⋆ = (10, 6, 3), d = 4, L = 3 it is negative along 9 of the 16 directions (φ‴ = 0 in \
        13), positive along Δ_{S_1}. The window is checked as for Thm 1: η·S_1 = 2.7 lies in (2, 2√2) but \
        the orbit there has period 4. The orbit must also have period 2 (‖θ(T) − θ(T−2)‖ ≤ 1e-8). Negative \
        control: η·S_1 = 1.9, no orbit.
        """,
        expected: .discrepancy,
        correctedVariant: "2 < η·S_p ≲ 2.47–2.49 (depths 2–4; the 2-period orbit period-doubles beyond), as for Theorem 1"
    ) { c in
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), etaS = try c.number("etaTimesS"), steps = try c.integer("steps")
        let t = DLN.target(d: d, singularValues: σ, seed: 1)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let eta = etaS / DLN.stabilityLimit(σ[0], depth: L)
        let orbit = try DLNOrbitChecks.simulate(loss, t, init: "unbalanced", alpha: alpha, eta: eta, steps: steps, seed: 1)
        let star = DLN.balancedMinimum(loss, t, alpha: alpha)
        let eig = MPDLNLinearAlgebra.symmetricEigen(DenseHessian(of: loss, at: star).matrix)
        let top = eig.vectors.last!
        let a = orbit.tail[orbit.tail.count - 1], b = orbit.tail[orbit.tail.count - 2]
        let delta = zip(a, b).map { $0 - $1 }
        let norm = delta.euclideanNorm
        let cosine = norm > 1e-10 ? abs(delta.dot(top)) / norm : 0
        let lmax = eig.values.last!
        var minQ = Double.infinity, flat = 0, negative = 0, zero = 0, count = 0
        for (lam, v) in zip(eig.values, eig.vectors) where lam > 1e-10 * lmax {
            let dv = restrictedDerivatives({ loss.value($0) }, at: star, along: v, degree: 2 * L, radius: 0.1)
            let q = 3 * dv[3] * dv[3] - dv[2] * dv[4]
            count += 1
            // φ‴ below 1e-8·λ_max counts as zero (the Vandermonde fit is exact to ~1e-10 here);
            // |q| ≤ 1e-8·λ² counts as zero too.
            if abs(dv[3]) <= 1e-8 * lmax { flat += 1 }
            if q < -1e-8 * lam * lam { negative += 1 } else if q <= 1e-8 * lam * lam { zero += 1 }
            minQ = min(minQ, q / (lam * lam))
        }
        let c2 = orbit.tail[orbit.tail.count - 3]
        let back2 = zip(a, c2).map { abs($0 - $1) }.max()!
        return CaseOutcome([
            .judge("period 2: ‖θ(T) − θ(T−2)‖∞ with ‖θ(T) − θ(T−1)‖ > 1e-6", back2, predicted: "≤ 1e-8 (2-period orbit)", holds: back2 <= 1e-8 && norm > 1e-6),
            .judge("|cos(θ(T) − θ(T−1), Δ_{S_1})|", cosine, predicted: "≥ 1 − 1e-6 (orbit along Δ_{S_1})", holds: cosine >= 1 - 1e-6),
            .context("‖θ(T) − θ(T−1)‖", norm),
            .context("proof step (l.4870–5132): eigen-directions with 3φ‴² − φ″φ⁗ < 0, of \(count)", Double(negative)),
            .context("… with 3φ‴² − φ″φ⁗ = 0 (quadratic directions)", Double(zero)),
            .context("directions with φ‴ = 0", Double(flat)),
            .context("min (3φ‴² − φ″φ⁗)/λ²", minQ),
        ], note: "d = \(d), L = \(L), η·S_1 = \(formatNumber(etaS))")
    }

    /// Lemma 8: block similarity.
    static let lemma8 = Claim(
        id: "DLN-EOS.Lem8",
        title: "H = [H_ij] and H̃ = [R_{L+1−i} H_ij R_{L+1−j}ᵀ] have the same eigenvalues",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 8", lines: 6211...6265),
        statement: """
        For orthogonal R_1, …, R_L ∈ ℝ^{n×n} and diagonal H_{i,j} ∈ ℝ^{n²×n²}, the block matrix H = [H_{i,j}] and H̃ with blocks R_{L+1−i}H_{i,j}R_{L+1−j}ᵀ are similar, in the sense that they have the same eigenvalues.
        """,
        parameters: [ParameterSpec("blockSize", .integer, .closed(1, 30), meaning: "size m of each block (the printed n² — R must be m × m for the products to exist)"),
                     DLNSimulation.depthSpec,
                     ParameterSpec("orthogonal", .choice(["yes", "no"]), meaning: "yes: R_ℓ orthogonal; no: R_ℓ = Q_ℓ + 0.3·Gaussian")],
        method: """
        Seeded random orthogonal R_ℓ (m × m; the printed R ∈ ℝ^{n×n} with H_ij ∈ ℝ^{n²×n²} only typechecks \
        for m × m blocks, so R is taken of the block size) and random diagonal H_ij = H_ji; both spectra by \
        Jacobi, compared sorted (1e-10 relative). H̃ = D H Dᵀ with D = blockdiag(R_L, …, R_1) orthogonal, so \
        this is an orthogonal similarity. Negative control: non-orthogonal R_ℓ.
        """,
        expected: .confirmed
    ) { c in
        let m = try c.integer("blockSize"), L = try c.integer("depth"), orth = try c.text("orthogonal") == "yes"
        var gen = SeededGenerator(seed: 88)
        let rs = (0..<L).map { _ -> Matrix in
            let q = MPDLNLinearAlgebra.randomOrthogonal(m, using: &gen)
            return orth ? q : q + 0.3 * gen.gaussianMatrix(rows: m, columns: m)
        }
        var blocks = [[Matrix]](repeating: [Matrix](repeating: Matrix(rows: m, columns: m), count: L), count: L)
        for i in 0..<L { for j in i..<L {
            let dgl = Matrix.diagonal(gen.gaussianVector(m))
            blocks[i][j] = dgl; blocks[j][i] = dgl
        } }
        var h = Matrix(rows: m * L, columns: m * L), ht = Matrix(rows: m * L, columns: m * L)
        for i in 0..<L { for j in 0..<L {
            let tb = Matrix.product(rs[L - 1 - i] * blocks[i][j], rs[L - 1 - j], transposeB: true)
            for a in 0..<m { for b in 0..<m { h[i * m + a, j * m + b] = blocks[i][j][a, b]; ht[i * m + a, j * m + b] = tb[a, b] } }
        } }
        let e1 = DLN.symmetricEigenvalues(h), e2 = DLN.symmetricEigenvalues(ht)
        let scale = max(abs(e1.first!), abs(e1.last!))
        let err = zip(e1, e2).map { abs($0 - $1) }.max()! / scale
        return CaseOutcome([.judge("max |λ_k(H) − λ_k(H̃)| / ‖H‖₂", err, predicted: "≤ 1e-10 (Jacobi)", holds: err <= 1e-10)],
                           note: orth ? "orthogonal R_ℓ" : "non-orthogonal R_ℓ")
    }

    /// Lemma 9: Kronecker products of orthogonal matrices are orthogonal.
    static let lemma9 = Claim(
        id: "DLN-EOS.Lem9",
        title: "(A⊗B)ᵀ(A⊗B) = (A⊗B)(A⊗B)ᵀ = I_{d²} for orthogonal A, B",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 9", lines: 6424...6428),
        statement: "If A, B ∈ ℝ^{d×d} are orthogonal, then (A⊗B)ᵀ(A⊗B) = (A⊗B)(A⊗B)ᵀ = I_{d²}.",
        parameters: [DLNSimulation.widthSpec, ParameterSpec("orthogonal", .choice(["yes", "no"]), meaning: "no: A scaled by 1.1")],
        method: "Seeded random orthogonal A, B; the Kronecker product formed entrywise; max entry of |(A⊗B)ᵀ(A⊗B) − I| and |(A⊗B)(A⊗B)ᵀ − I| ≤ 1e-13. Negative control: A replaced by 1.1A.",
        expected: .confirmed
    ) { c in
        let d = try c.integer("d"), orth = try c.text("orthogonal") == "yes"
        var gen = SeededGenerator(seed: 99)
        let a = (orth ? 1.0 : 1.1) * MPDLNLinearAlgebra.randomOrthogonal(d, using: &gen)
        let b = MPDLNLinearAlgebra.randomOrthogonal(d, using: &gen)
        var k = Matrix(rows: d * d, columns: d * d)
        for i in 0..<d { for j in 0..<d { for p in 0..<d { for q in 0..<d { k[i * d + p, j * d + q] = a[i, j] * b[p, q] } } } }
        let e1 = (Matrix.product(k, transposeA: true, k) - Matrix.identity(d * d)).maxAbs
        let e2 = (Matrix.product(k, k, transposeB: true) - Matrix.identity(d * d)).maxAbs
        return CaseOutcome([.judge("max |(A⊗B)ᵀ(A⊗B) − I|, |(A⊗B)(A⊗B)ᵀ − I|", max(e1, e2), predicted: "≤ 1e-13", holds: max(e1, e2) <= 1e-13)])
    }

    /// Lemma 10: geometric decay.
    static let lemma10 = Claim(
        id: "DLN-EOS.Lem10",
        title: "a(t+1) < c·a(t) with c ∈ (0, 1) ⇒ a(t) → 0",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 10", lines: 6440...6441),
        statement: "Let {a(t)}_{t=1}^N with a(t) ≥ 0. If there exists c ∈ (0, 1) with a(t+1) < c·a(t) for all t, then lim_{t→∞} a(t) = 0.",
        parameters: [ParameterSpec("c", .real, .open(0, 1.5), meaning: "the contraction constant"),
                     DLNSimulation.stepsSpec(1e6)],
        method: """
        Sequences a(t+1) = c·u_t·a(t) with seeded u_t ∈ (0.5, 1) (so a(t+1) < c·a(t) strictly); holds when \
        a(N) ≤ c^N·a(1) and a(N) ≤ 1e-12·a(1) (the limit 0 to within N steps). Negative control: c = 1, where \
        the hypothesis a(t+1) < a(t) is met by a(t) = 1 + 1/t, which tends to 1, not 0 (the strict c < 1 is needed).
        """,
        expected: .confirmed
    ) { c in
        let cc = try c.number("c"), n = try c.integer("steps")
        var gen = SeededGenerator(seed: 10)
        var a = 1.0
        for t in 1..<n { a = cc < 1 ? cc * (0.5 + 0.5 * gen.nextUniform()) * a : 1 + 1 / Double(t + 1) }
        return CaseOutcome([.judge("a(N)/a(1)", a, predicted: "≤ 1e-12 (→ 0)", holds: a <= 1e-12)], note: "c = \(formatNumber(cc)), N = \(n)")
    }

    /// Lemma 11 (Chen & Bruna's Theorem 1, cited) applied to the balanced DLN direction.
    static let lemma11 = Claim(
        id: "DLN-EOS.Lem11",
        title: "Two-step fixed point near a minimum when f‴ ≠ 0 and 3f‴² − f″f⁗ > 0 (on the balanced DLN map)",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 11 (Chen & Bruna, 2023)", lines: 6460...6474),
        statement: """
        Consider any 1-D differentiable function f(x) around a local minima x̄, satisfying (i) f⁽³⁾(x̄) ≠ 0, and (ii) 3[f⁽³⁾]² − f″f⁽⁴⁾ > 0 at x̄. Then, there exists ε with sufficiently small |ε| and ε·f⁽³⁾ > 0 such that: for any point x₀ between x̄ and x̄ − ε, there exists a learning rate η such that F_η²(x₀) = x₀, and 2/f″(x̄) < η < 2/(f″(x̄) − ε·f⁽³⁾(x̄)).
        """,
        parameters: [DLNScalarChecks.sigmaStarSpec,
                     ParameterSpec("depth", .integer, .closed(1, 12), meaning: "L (L = 1: F is quadratic, f‴ = 0)"),
                     ParameterSpec("epsilon", .real, .open(0, 1), meaning: "|ε| relative to x̄")],
        method: """
        The lemma is the paper's route to Thm 1; it is checked on the function the balanced DLN actually \
        follows: per-layer GD under balancing is GD on F(ρ) = (ρ^L − σ⋆)²/(2L) (F′ = (ρ^L − σ⋆)ρ^{L−1}), at \
        x̄ = σ⋆^{1/L}. F″, F‴, F⁗ from the exact polynomial; for 16 points x₀ ∈ (x̄ − ε, x̄) (εF‴ > 0), the \
        two-step residual F_η²(x₀) − x₀ is scanned over the open interval (2/F″, 2/(F″ − εF‴)) and a sign \
        change refined by Brent must exist. (CB23.Thm1 checks the lemma on Chen & Bruna's own functions.) \
        Negative control: L = 1, F quadratic, hypothesis (i) fails and no two-step fixed point exists.
        """,
        expected: .confirmed
    ) { c in try twoCycleNearBalancedMinimum(c) }

    /// CB23's two-step fixed-point test on F(ρ) = (ρ^L − σ⋆)²/(2L), the function balanced per-layer GD
    /// follows (shared by DLN-EOS Lemma 11 and BOMIS Theorem 2).
    static func twoCycleNearBalancedMinimum(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.number("sigmaStar"), L = try c.integer("depth"), epsRel = try c.number("epsilon")
        let xbar = pow(σ, 1 / Double(L))
        // F(x) = (x^{2L} − 2σx^L + σ²)/(2L): k-th derivative from the monomials.
        func dmono(_ n: Int, _ k: Int, _ x: Double) -> Double {
            if k > n { return 0 }
            var c = 1.0
            for j in 0..<k { c *= Double(n - j) }
            return c * pow(x, Double(n - k))
        }
        func F(_ k: Int, _ x: Double) -> Double { (dmono(2 * L, k, x) - 2 * σ * dmono(L, k, x)) / (2 * Double(L)) }
        let f2 = F(2, xbar), f3 = F(3, xbar), f4 = F(4, xbar)
        let eps = (f3 < 0 ? -1.0 : 1.0) * epsRel * xbar
        // When F″ − εF‴ ≤ 0 the printed upper end 2/(F″ − εF‴) is negative or infinite: the
        // printed interval (2/F″, 2/(F″ − εF‴)) is empty and no η can lie in it.
        let lo = 2 / f2, hi = f2 - eps * f3 > 0 ? 2 / (f2 - eps * f3) : -Double.infinity
        var found = 0
        if hi > lo {
            for k in 1...16 {
                let x0 = xbar - eps * Double(k) / 16
                let scan = try RootFinding.allRoots(in: lo, hi, gridPoints: 201) { eta in
                    let x1 = x0 - eta * F(1, x0)
                    return x1 - eta * F(1, x1) - x0
                }
                if scan.roots.contains(where: { $0 > lo && $0 < hi }) { found += 1 }
            }
        }
        return CaseOutcome([
            .judge("x₀ with a two-step fixed point η in (2/F″, 2/(F″ − εF‴))", Double(found), predicted: "all 16", holds: found == 16),
            .context("F″(x̄) = Lσ⋆^{2−2/L}", f2), .context("F‴(x̄)", f3),
            .context("3F‴² − F″F⁗", 3 * f3 * f3 - f2 * f4),
            .context("F″ − εF‴ (the printed interval is empty when ≤ 0)", f2 - eps * f3),
        ], note: "L = \(L)")
    }
}
