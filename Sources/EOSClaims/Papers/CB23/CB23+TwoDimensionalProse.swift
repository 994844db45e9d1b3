#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

extension CB23Claims {
    /// Runs GD on ½(xy − 1)² at η = K from an n×n grid of starts on [lo, hi]² and counts the runs that stay
    /// bounded and the bounded runs whose last 64 states keep |x − y| > 1e-3 (an imbalanced limit set).
    static func imbalancedLimits(k: Double, grid n: Int, lo: Double, hi: Double, steps: Int) -> (bounded: Int, imbalanced: Int, example: (Double, Double)?) {
        let gd = CB23ScalarFactorization(mu: 1, eta: k)
        var bounded = 0, imbalanced = 0
        var example: (Double, Double)? = nil
        for i in 0..<n {
            for j in 0..<n {
                var (x, y) = (lo + (hi - lo) * Double(i) / Double(n - 1), lo + (hi - lo) * Double(j) / Double(n - 1))
                var ok = true, worst = 0.0
                for t in 0..<steps {
                    (x, y) = gd.step(x, y)
                    if !(x.isFinite && y.isFinite && abs(x) < 1e6 && abs(y) < 1e6) { ok = false; break }
                    if t >= steps - 64 { worst = max(worst, abs(x - y)) }
                }
                guard ok else { continue }
                bounded += 1
                if worst > 1e-3 {
                    imbalanced += 1
                    if example == nil { example = (x, y) }
                }
            }
        }
        return (bounded, imbalanced, example)
    }

    // MARK: Remark after Theorem 3 (App. A.1): imbalanced orbits for K ≥ 1.5.

    /// GD on ½(xy − 1)² at η = K: F(x, y) = (x − η(xy − 1)y, y − η(xy − 1)x), with the exact Jacobian
    /// DF = [[1 − ηy², −η(2xy − 1)], [−η(2xy − 1), 1 − ηx²]].
    static func xyStep(_ p: [Double], eta: Double) -> [Double] {
        let r = p[0] * p[1] - 1
        return [p[0] - eta * r * p[1], p[1] - eta * r * p[0]]
    }
    static func xyJacobian(_ p: [Double], eta: Double) -> Matrix {
        let off = -eta * (2 * p[0] * p[1] - 1)
        return Matrix(rows: 2, columns: 2, storage: [1 - eta * p[1] * p[1], off, off, 1 - eta * p[0] * p[0]])
    }

    /// Thm3-Remark's corrected variant: Newton's method on G(p) = F⁴(p) − p (Jacobian DF⁴ − I, DF⁴ the
    /// product of the exact Jacobians along the four points) from (x0, y0); the case holds when Newton
    /// converges (‖G‖ ≤ 1e-12), the orbit is imbalanced (|x − y| > 1e-3 at every point), its least period
    /// is 4 (‖F²(p) − p‖ > 1e-6) and its multiplier (spectral radius of DF⁴) exceeds 1 (unstable).
    static func imbalancedPeriodFourOrbit(_ c: ClaimCase) throws -> CaseOutcome {
        let eta = try c.number("K")
        var p = [try c.number("x0", default: 1.433), try c.number("y0", default: 1.292)]
        func orbit(_ p: [Double]) -> [[Double]] {
            var o = [p]
            for _ in 0..<3 { o.append(xyStep(o.last!, eta: eta)) }
            return o
        }
        var residual = Double.infinity
        for _ in 0..<50 {
            let o = orbit(p)
            let g = zip(xyStep(o[3], eta: eta), p).map { $0 - $1 }
            residual = g.euclideanNorm
            if !(residual > 1e-13) { break }
            let j = OrbitMultiplier.jacobianProduct(orbit: o) { xyJacobian($0, eta: eta) }
            // Solve (DF⁴ − I) δ = −g by Cramer's rule (2 × 2).
            let a = j[0, 0] - 1, b = j[0, 1], cc = j[1, 0], d = j[1, 1] - 1
            let det = a * d - b * cc
            guard det.isFinite, det != 0 else { throw ClaimError.computation("Newton: singular DF⁴ − I at \(p)") }
            p = [p[0] - (d * g[0] - b * g[1]) / det, p[1] - (a * g[1] - cc * g[0]) / det]
            guard p.allSatisfy(\.isFinite), p.euclideanNorm < 1e6 else { throw ClaimError.computation("Newton diverged") }
        }
        let o = orbit(p)
        let imbalance = o.map { abs($0[0] - $0[1]) }.min()!
        let period2Gap = zip(o[2], p).map { $0 - $1 }.euclideanNorm
        let radius = OrbitMultiplier.spectralRadius(orbit: o) { xyJacobian($0, eta: eta) }
        return CaseOutcome([
            .judge("‖F⁴(p) − p‖ after Newton", residual, predicted: "≤ 1e-12 (an orbit; Newton converges quadratically to rounding)",
                   holds: residual <= 1e-12),
            .judge("min over the orbit of |x − y|", imbalance, predicted: "> 1e-3 (imbalanced)", holds: imbalance > 1e-3),
            .judge("‖F²(p) − p‖ (least period 4, not 1 or 2)", period2Gap, predicted: "> 1e-6", holds: period2Gap > 1e-6),
            .judge("multiplier of the orbit (spectral radius of DF⁴)", radius, predicted: "> 1 (unstable: GD does not converge to it)",
                   holds: radius > 1),
            .context("orbit point x", p[0]), .context("orbit point y", p[1]),
        ])
    }

    static let theorem3Remark = Claim(
        id: "CB23.Thm3-Remark",
        title: "For K ≥ 1.5, GD on ½(xy − 1)² can converge to an imbalanced orbit (e.g. K = 1.9)",
        source: ClaimSource(seed: Seed.cb23, statement: "Remark after Theorem 5 (= Theorem 3)", lines: 424...424),
        statement: "Actually, for a larger K ≥ 1.5, it is possible for GD to converge to an imbalanced orbit. For instance, Figure 15 in (Wang et al., 2021) shows imbalanced orbits for f(x) = 1/2(xy − 1)² with K = 1.9.",
        uses: ["CB23.Thm3"],
        parameters: [
            ParameterSpec("K", .real, .open(0, 2.5), meaning: "ηµ (µ = 1)"),
            ParameterSpec("grid", .integer, .closed(2, 1000), required: false, meaning: "starts per axis (default 40)"),
            ParameterSpec("lo", .real, .all, required: false, meaning: "lower end of the start square (default 0.05)"),
            ParameterSpec("hi", .real, .all, required: false, meaning: "upper end of the start square (default 3)"),
            ParameterSpec("steps", .integer, .closed(100, 1_000_000), required: false, meaning: "GD steps (default 5000)"),
            ParameterSpec("part", .choice(["search", "unstableOrbit"]), required: false,
                          meaning: "search: GD from a grid of starts (default); unstableOrbit: Newton for an imbalanced period-4 orbit"),
            ParameterSpec("x0", .real, .all, required: false, meaning: "unstableOrbit: Newton start x (default 1.433)"),
            ParameterSpec("y0", .real, .all, required: false, meaning: "unstableOrbit: Newton start y (default 1.292)"),
        ],
        method: """
        A search, not a proof: GD on ½(xy − 1)² at η = K from a grid of starts (default 40×40 on [0.05, 3]², the \
        positive quadrant of Theorem 3; the full tier uses 200×200 on [−4, 4]² and 20000 steps). A run counts as \
        converging to an imbalanced orbit when it stays bounded and |x − y| > 1e-3 over its last 64 states. The \
        statement predicts at least one such run at K = 1.9. The detector is validated on every case: at K = 0.9 \
        (below EoS, GD stops at unbalanced minima) the same grid must show imbalanced limits, otherwise the case \
        is inconclusive. Measured: none at K = 1.9 (every bounded run balances, x = y, and wanders chaotically on \
        the diagonal, where the 1-D map at K = 1.9 is chaotic); also none at K = 1.5…1.95 in a wider search \
        (not recorded as a case). A finite search cannot refute "it is possible", so the claim is recorded as a \
        discrepancy, not a refutation: the corrected variant (part unstableOrbit) finds, by Newton's method on \
        F⁴(p) = p with the exact GD Jacobians, an imbalanced period-4 orbit at K = 1.9 (|x − y| > 1e-3, residual \
        ≤ 1e-12, not of period 1 or 2) and its multiplier (core spectral radius of the Jacobian product) > 1: \
        imbalanced orbits exist but repel, so GD reaches one only from a measure-zero set of starts. \
        Negative control: K = 1.2 (Theorem 3's range), predicted imbalanced as well.
        """,
        expected: .discrepancy,
        correctedVariant: "at K = 1.6–1.9 no attracting imbalanced orbit is reached from the searched starts; an imbalanced period-4 orbit exists at K = 1.9 but is unstable (multiplier > 1)"
    ) { c in
        if try c.text("part", default: "search") == "unstableOrbit" { return try imbalancedPeriodFourOrbit(c) }
        let k = try c.number("K"), n = try c.integer("grid", default: 40)
        let lo = try c.number("lo", default: 0.05), hi = try c.number("hi", default: 3)
        let steps = try c.integer("steps", default: 5000)
        let sanity = imbalancedLimits(k: 0.9, grid: min(n, 20), lo: lo, hi: hi, steps: 2000)
        guard sanity.imbalanced > 0 else {
            throw ClaimError.computation("the detector found no imbalanced limit even at K = 0.9")
        }
        let r = imbalancedLimits(k: k, grid: n, lo: lo, hi: hi, steps: steps)
        var q: [Quantity] = [
            .judge("bounded runs ending imbalanced (|x − y| > 1e-3 on the tail) at K = \(formatNumber(k))", Double(r.imbalanced),
                   predicted: "≥ 1 (an imbalanced orbit exists)", holds: r.imbalanced > 0),
            .context("bounded runs (of \(n * n))", Double(r.bounded)),
            .context("detector check: imbalanced limits at K = 0.9 (unbalanced minima)", Double(sanity.imbalanced)),
        ]
        if let e = r.example { q.append(.context("an imbalanced final state, x", e.0)); q.append(.context("its y", e.1)) }
        return CaseOutcome(q)
    }

    // MARK: Appendix A.1 facts about ½(xy − µ)².

    static let sectionA1Claim1 = Claim(
        id: "CB23.SecA1-claim1",
        title: "½(xy − µ)²: update (13), Hessian (14), spectrum {x² + y², 0} = {(x − y)² + 2µ, 0} on xy = µ, product update (16)",
        source: ClaimSource(seed: Seed.cb23, statement: "Section 4 prose and Appendix A.1 (Eqs. 13, 14, 16)", lines: 402...438),
        statement: """
        x⁺ = x − η(xy − µ)y, y⁺ = y − η(xy − µ)x (13). H = [[y², 2xy − µ], [2xy − µ, x²]] (14). When xy = µ, the eigenvalues of H are λ₁ = x² + y², λ₂ = 0. Note that λ₁ = (x − y)² + 2µ … the smallest curvature appears to be λ₁ = 2µ when x = y = √µ. In other words, if the learning rate η > 2/2µ, all points in the manifold would be too sharp for GD to converge. x⁺y⁺ = xy(1 − η(xy − µ))² − η(xy − µ)(x − y)² (16). [Also l.146.]
        """,
        uses: [],
        parameters: [
            ParameterSpec("mu", .real, .positive, meaning: "µ"),
            ParameterSpec("x", .real, .positive, meaning: "the point's x"),
            ParameterSpec("y", .real, .positive, meaning: "the point's y (on the manifold when xy = µ)"),
            ParameterSpec("eta", .real, .positive, required: false, meaning: "η for (13) and (16) (default 1.1/µ)"),
        ],
        method: """
        At (x, y): the Hessian (14) against central differences of the gradient of (13) (relative 1e-7); the \
        spectrum of (14) (closed-form 2×2) against {x² + y², 0} and x² + y² against (x − y)² + 2µ (relative \
        1e-12); (16) against one step of (13) at 100 seeded points (relative 1e-12); over 2001 manifold points \
        (x, µ/x), x ∈ [0.1√µ, 10√µ], the smallest λ₁ against 2µ at x = √µ, and λ₁ > 2/η for every one of them \
        when η > 1/µ. Negative control: a point off the manifold (xy ≠ µ), where the spectrum is not {x² + y², 0}.
        """,
        expected: .confirmed
    ) { c in
        let mu = try c.number("mu"), x = try c.number("x"), y = try c.number("y")
        let eta = try c.number("eta", default: 1.1 / mu)
        func grad(_ p: [Double]) -> [Double] { let r = p[0] * p[1] - mu; return [r * p[1], r * p[0]] }
        let h = Matrix([[y * y, 2 * x * y - mu], [2 * x * y - mu, x * x]])
        let step = 1e-6 * max(1, abs(x), abs(y))
        var fd = Matrix(rows: 2, columns: 2, repeating: 0)
        for j in 0..<2 {
            var p = [x, y], m = [x, y]; p[j] += step; m[j] -= step
            fd.setColumn(j, zip(grad(p), grad(m)).map { ($0 - $1) / (2 * step) })
        }
        let fdGap = (fd - h).frobeniusNorm / h.frobeniusNorm
        let mean = (h[0, 0] + h[1, 1]) / 2, rad = (((h[0, 0] - h[1, 1]) / 2) * ((h[0, 0] - h[1, 1]) / 2) + h[0, 1] * h[0, 1]).squareRoot()
        let l1 = mean + rad, l2 = mean - rad
        let scale = x * x + y * y
        let spectrumGap = max(abs(l1 - (x * x + y * y)), abs(l2)) / scale
        var rng = SeededGenerator(seed: 43)
        var worst16 = 0.0
        let gd = CB23ScalarFactorization(mu: mu, eta: eta)
        for _ in 0..<100 {
            let a = 0.1 + 3 * rng.nextUniform(), b = 0.1 + 3 * rng.nextUniform()
            let (an, bn) = gd.step(a, b)
            let r = a * b - mu
            let formula = a * b * (1 - eta * r) * (1 - eta * r) - eta * r * (a - b) * (a - b)
            worst16 = max(worst16, abs(an * bn - formula) / max(abs(an * bn), mu))
        }
        var minL1 = Double.infinity, argmin = 0.0, tooSharp = true
        let root = mu.squareRoot()
        for i in 0...2000 {
            let xi = root * pow(10, -1 + 2 * Double(i) / 2000), yi = mu / xi
            let lam = xi * xi + yi * yi
            if lam < minL1 { minL1 = lam; argmin = xi }
            if !(lam > 2 / eta) { tooSharp = false }
        }
        var q: [Quantity] = [
            .judge("‖(14) − finite differences‖/‖H‖", fdGap, predicted: "≤ 1e-7 (central differences, step 1e-6)", holds: fdGap <= 1e-7),
            .judge("max |spectrum − {x² + y², 0}|/(x² + y²)", spectrumGap, predicted: "≤ 1e-12 (closed-form 2×2 spectrum)", holds: spectrumGap <= 1e-12),
            .compare("x² + y² vs (x − y)² + 2µ", measured: x * x + y * y, predicted: (x - y) * (x - y) + 2 * mu,
                     .relative(1e-12, "an identity on xy = µ; rounding")),
            .judge("max relative error of (16) over 100 points", worst16, predicted: "≤ 1e-12 (an identity; rounding)", holds: worst16 <= 1e-12),
            .compare("min λ₁ over the manifold vs 2µ", measured: minL1, predicted: 2 * mu, .relative(1e-5, "a 2001-point log grid around x = √µ (spacing 0.2%: error ≈ spacing²)")),
            .compare("its location vs √µ", measured: argmin, predicted: root, .relative(3e-3, "the grid spacing (0.23%)")),
        ]
        if eta * mu > 1 {
            q.append(.judge("every manifold point has λ₁ > 2/η (η > 1/µ)", measured: tooSharp ? "yes" : "no", predicted: "yes", holds: tooSharp))
        }
        q.append(.context("xy − µ at the point", x * y - mu))
        return CaseOutcome(q)
    }

    // MARK: Lemma 5 (App. K).

    static let lemma5 = Claim(
        id: "CB23.Lem5",
        title: "a·Δa ≥ b·Δb, a ≥ b, all positive, Δb ≤ a ⇒ a + Δa ≥ b + Δb",
        source: ClaimSource(seed: Seed.cb23, statement: "Lemma 5 (Appendix K)", lines: 2060...2064),
        statement: "Assume a·Δa ≥ b·Δb and a ≥ b. All of a, b, Δa, Δb are positive. If Δb ≤ a, then a + Δa ≥ b + Δb. Proof. (a + Δa) − (b + Δb) ≥ a + bΔb/a − b − Δb = (Δb/a − 1)(b − a) ≥ 0.",
        uses: [],
        parameters: [
            ParameterSpec("samples", .integer, .closed(100, 10_000_000), required: false, meaning: "random tuples (default 200000)"),
            ParameterSpec("hypothesis", .choice(["all", "dropDeltaB"]), required: false,
                          meaning: "all hypotheses (default) or without Δb ≤ a (negative control)"),
        ],
        method: """
        Seeded random tuples with a, b, Δb log-uniform on [1e-3, 1e3] (a ≥ b by ordering), Δb ≤ a (unless \
        dropped), and Δa = (bΔb/a)(1 + u), u = 0 in a quarter of the tuples (the boundary aΔa = bΔb) and \
        uniform on [0, 2) otherwise. Counted: tuples with (a + Δa) − (b + Δb) < −1e-12·(a + Δa) (rounding), and \
        tuples where the proof's chain (a + Δa) − (b + Δb) ≥ (Δb/a − 1)(b − a) ≥ 0 fails. Negative control: \
        the hypothesis Δb ≤ a dropped (Δb up to 1e3·a), where counterexamples exist.
        """,
        expected: .confirmed
    ) { c in
        let samples = try c.integer("samples", default: 200_000)
        let drop = try c.text("hypothesis", default: "all") == "dropDeltaB"
        var rng = SeededGenerator(seed: 47)
        func logUniform() -> Double { pow(10, -3 + 6 * rng.nextUniform()) }
        var counterexamples = 0, chainFailures = 0
        for i in 0..<samples {
            var a = logUniform(), b = logUniform()
            if a < b { swap(&a, &b) }
            let db = drop ? a * pow(10, 3 * rng.nextUniform()) : a * rng.nextUniform()
            let u = i % 4 == 0 ? 0 : 2 * rng.nextUniform()
            let da = b * db / a * (1 + u)
            let gap = (a + da) - (b + db)
            let slack = 1e-12 * (a + da + b + db)
            if gap < -slack { counterexamples += 1 }
            if !(gap >= (db / a - 1) * (b - a) - slack && (db / a - 1) * (b - a) >= -slack) { chainFailures += 1 }
        }
        return CaseOutcome([
            .judge("tuples with a + Δa < b + Δb", Double(counterexamples), predicted: "0 of \(samples)", holds: counterexamples == 0),
            .judge("tuples where the proof's chain fails", Double(chainFailures), predicted: "0", holds: chainFailures == 0),
        ])
    }
}
