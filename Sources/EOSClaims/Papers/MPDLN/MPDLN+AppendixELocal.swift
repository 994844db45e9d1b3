import Foundation
import EOSCore

/// The GF leaf chart of Appendix E.3 for homogeneous depth L: z = a^{2−L} for L ≥ 3 and, as its
/// L → 2 limit (z/(2−L) → −log a up to a constant), z = log a for L = 2. Used by Prop. E.4.
enum MPDLNLeafChart {
    static func z(_ a: Double, depth: Int) -> Double { depth == 2 ? log(a) : pow(a, 2 - Double(depth)) }
    static func a(_ z: Double, depth: Int) -> Double { depth == 2 ? exp(z) : pow(z, -1 / (Double(depth) - 2)) }

    /// The zero-loss point on the leaf ζ (Σζ = 0): z = ζ + c1 with c fixed by Σ_k a_k^L = s (Brent on
    /// c; a is monotone in c, so the root is unique).
    static func zeroLossPoint(zeta: [Double], s: Double, depth: Int) throws -> [Double] {
        let l = Double(depth)
        func total(_ c: Double) -> Double { zeta.reduce(0) { $0 + pow(a($1 + c, depth: depth), l) } - s }
        if depth == 2 {
            let c = (log(s) - log(zeta.reduce(0) { $0 + exp(l * $1) })) / l
            return zeta.map { a($0 + c, depth: depth) }
        }
        // a decreases in c; bracket c in (−min ζ, ∞): at lo the smallest z is 1e-12, so that pathway's
        // a^L = 10^{12L/(L−2)} ≫ s and total(lo) > 0; hi is doubled until total(hi) < 0.
        let lo = -zeta.min()! + 1e-12
        var hi = lo + 1
        while total(hi) > 0 { hi = lo + 2 * (hi - lo); if hi > 1e12 { throw ClaimError.computation("no zero-loss point on the leaf") } }
        let c = try RootFinding.brent(in: lo, hi, tolerance: 1e-15) { total($0) }
        return zeta.map { a($0 + c, depth: depth) }
    }
}

extension MPDLNClaims {
    /// Lemma E.2 (Depth-wise balance within each pathway is preserved), l.378–381.
    static let lemmaE2 = Claim(
        id: "MPDLN.LemE.2",
        title: "with homogeneous depth, equal layer values within every pathway and mode at t stay equal at t + 1 [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Lemma E.2", lines: 378...381),
        statement: """
        Assume homogeneous depth L and s_{k,1,i}(t) = … = s_{k,L,i}(t) for every k, i at some iterate t. Then the same \
        equalities hold at t + 1. Proof: by Lemma E.1 the dynamics reduce to diagonal singular values … the factor \
        Π_{m≠l}s_{k,m,i} is independent of l, so every layer in pathway k receives the identical mode-i update. [The \
        equalities are lost and RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.LemE.1"],
        parameters: fullGDParameters,
        method: """
        The same full-matrix GD as MPDLN.PropB.4 (d × d layers, random SVS frames), here with homogeneous depth and \
        the lemma's one-step form applied at every step of a run: the spread max_l − min_l of the layer values read \
        in the chart for each (pathway, mode) must stay ≤ 1e-10·max|θ| (rounding). Negative control: an unbalanced \
        start (layer 1 ×2, layer 2 ×½), where the hypothesis is false and the spread is O(1).
        """,
        expected: .confirmed
    ) { c in
        let depths = try c.vector("depths")
        guard Set(depths).count == 1 else { throw ClaimError.computation("Lemma E.2 assumes homogeneous depth") }
        let run = try fullGD(c)
        return CaseOutcome([
            .judge("max over steps of the layer-value spread within (pathway, mode), relative to max|θ|", run.maxImbalance,
                   predicted: "≤ 1e-10 (balance preserved; rounding)", holds: run.maxImbalance <= 1e-10),
            .context("initial spread", run.initialImbalance), .context("final loss", run.finalLoss),
        ])
    }

    /// Eqs. (53)–(54), l.382–391: the exact scalar recursion.
    static let equationsE53to54 = Claim(
        id: "MPDLN.EqE53-54",
        title: "on the depth-balanced SVS manifold full GD is exactly a_{k,i} ← a_{k,i} − η r_i a_{k,i}^{L−1}, r_i = Σ_k a_{k,i}^L − s_i [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Eqs. (53)–(54)", lines: 382...391),
        statement: """
        By Lemma E.2, for each mode i and pathway k we can write s_{k,l,i}(t) = a_{k,i}(t) for all l, so the end-to-end \
        pathway singular value is σ_{k,i} = a_{k,i}^L. Let r_i(t) = Σ_k a_{k,i}(t)^L − s_i (53). Then GD on Θ obeys the exact \
        recursion a_{k,i}(t+1) = a_{k,i}(t) − ηr_i(t)a_{k,i}(t)^{L−1} (54). … The discrete dynamics (54) has a gradient-flow \
        limit ȧ_k = −ra_k^{L−1}. [(53), (54) and the GF limit are lost and RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.LemE.2"],
        parameters: fullGDParameters,
        method: """
        Full-matrix GD (d × d, random SVS frames) from a depth-balanced start with per-pathway scales, alongside the \
        ONE-scalar-per-(pathway, mode) recursion (54) started from the geometric mean of the initial layer values: \
        every layer value read in the chart must equal a_{k,i}(t) to 1e-8·max|θ| at every step (rounding amplified by \
        the oscillating EoS runs). Negative control: an unbalanced start (layer 1 ×2, layer 2 ×½) with the same \
        end-to-end values, which (54) with one scalar per pathway cannot describe.
        """,
        expected: .confirmed
    ) { c in
        let run = try fullGD(c)
        return CaseOutcome([
            .judge("max over steps of |chart value − a_{k,i}(t) of (54)|, relative to max|θ|", run.maxBalancedRecursionGap,
                   predicted: "≤ 1e-8 (exact recursion; rounding amplified along the run)", holds: run.maxBalancedRecursionGap <= 1e-8),
            .context("final loss", run.finalLoss),
        ])
    }

    /// Eqs. (56)–(57), l.403–410: leaf variance V vs the pathway balancing gap.
    static let equationsE56to57 = Claim(
        id: "MPDLN.EqE56-57",
        title: "near balance the leaf variance V = Var(a^{2−L}) equals the pathway balancing gap up to a positive factor [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Eqs. (56)–(57)", lines: 403...410),
        statement: """
        The quantity naturally controlled by the GF foliation is the variance of the centered leaf coordinate, V (56). \
        The quantity used in the main text to measure pathway imbalance is [lost]. Near the balanced point these two \
        quantities are locally equivalent. Indeed, if a_k = a⋆ + δ_k with small δ, then Taylor expansion of z = a^{2−L} \
        around a⋆ gives … Consequently, (57). Thus contraction of the leaf-coordinate variance is equivalent, locally, \
        to contraction of the pathway balancing gap up to a positive multiplicative factor. [(56), (57) and the gap are \
        lost and RECONSTRUCTED (INDEX [R]); V = (1/K)Σ(ζ_k)² and the gap G = (1/K)Σ(a_k − ā)² are our choices of \
        normalisation.]
        """,
        uses: ["MPDLN.PropE.3"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 20), meaning: "depth"),
            ParameterSpec("K", .integer, .closed(2, 10), meaning: "pathways"),
            ParameterSpec("s", .real, .positive, meaning: "target"),
            ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "seed of the perturbation direction (default 1)"),
        ],
        method: """
        a_k = a⋆(1 + εδ_k), a⋆ = (s/K)^{1/L}, δ a seeded mean-zero unit direction, ε = 0.1·2^{−j} (j = 0…8). The \
        ratio V/G is compared with the first-order factor (L−2)² a⋆^{2−2L} (from dz/da = (2−L)a^{1−L}): the relative \
        deviation must vanish at least linearly in ε (fitted slope of log deviation vs log ε ≥ 0.8; it is 2 when the \
        direction makes the first-order term cancel, e.g. K = 2) and be ≤ 1e-2 at the smallest ε; the factor must be positive. Negative control: L = 2, where z = a⁰ = 1 carries no information and \
        the factor is 0.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), kCount = try c.integer("K"), s = try c.number("s")
        var g = SeededGenerator(seed: UInt64(try c.integer("seed", default: 1)))
        let l = Double(depth)
        let aStar = pow(s / Double(kCount), 1 / l)
        var delta = g.gaussianVector(kCount)
        let mean = delta.reduce(0, +) / Double(kCount)
        delta = delta.map { $0 - mean }
        let norm = delta.euclideanNorm
        delta = delta.map { $0 / norm }
        let factor = pow(l - 2, 2) * pow(aStar, 2 - 2 * l)
        var points: [(Double, Double)] = []
        var lastDeviation = Double.infinity, lastRatio = 0.0
        for j in 0...8 {
            let eps = 0.1 * pow(2, -Double(j))
            let a = delta.map { aStar * (1 + eps * $0) }
            let v = MPDLNLeafCoordinates.variance(a, depth: depth)
            let abar = a.reduce(0, +) / Double(kCount)
            let gap = a.reduce(0) { $0 + ($1 - abar) * ($1 - abar) } / Double(kCount)
            lastRatio = v / gap
            lastDeviation = abs(lastRatio / factor - 1)
            points.append((log(eps), log(lastDeviation)))
        }
        let tail = points.suffix(4)
        let slope = (tail.last!.1 - tail.first!.1) / (tail.last!.0 - tail.first!.0)
        return CaseOutcome([
            .judge("first-order factor (L−2)² a⋆^{2−2L}", factor, predicted: "> 0 (positive multiplicative factor)", holds: factor > 0),
            .judge("|V/G ÷ factor − 1| at ε = 0.1·2⁻⁸", lastDeviation, predicted: "≤ 1e-2 (locally equivalent)",
                   holds: lastDeviation <= 1e-2),
            .judge("order of the deviation in ε (fitted slope)", slope, predicted: "≥ 0.8 (Taylor remainder: at least first order)",
                   holds: slope >= 0.8),
            .context("V/G at the smallest ε", lastRatio),
        ])
    }

    /// Proposition E.4 (Local sharpness expansion across GF leaves), l.411–419, Eqs. (58)–(59).
    static let propositionE4 = Claim(
        id: "MPDLN.PropE.4",
        title: "terminal sharpness on the GF leaf ζ: S(ζ) = S(0) + positive quadratic form + O(‖ζ‖³); the balanced leaf is the unique local minimiser [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Proposition E.4", lines: 411...419),
        statement: """
        Let a(ζ) be the zero-loss point on the GF leaf indexed by ζ, and define the restricted-Hessian sharpness S(ζ). \
        Then ζ = 0 corresponds to the balanced minimum with S(0) = λ_min, and S(ζ) = S(0) + [positive quadratic form in \
        ζ] + O(‖ζ‖³) (58). Equivalently, with P the orthogonal projection onto 1^⊥, (59). Hence the balanced leaf is the \
        unique local minimizer of the terminal sharpness among nearby GF leaves. Proof sketch: … The first-order term \
        in ζ vanishes by the Jensen argument of Theorem 4.2. [(58), (59) and S are lost and RECONSTRUCTED (INDEX [R]); \
        the constant of the quadratic form is lost.]
        """,
        uses: ["MPDLN.PropE.3", "MPDLN.Thm4.2"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 12), meaning: "depth (L = 2 uses the leaf coordinate log a, the L → 2 limit)"),
            ParameterSpec("K", .integer, .closed(2, 8), meaning: "pathways"),
            ParameterSpec("s", .real, .positive, meaning: "target"),
            ParameterSpec("directions", .integer, .closed(1, 200), required: false, meaning: "random leaf directions (default 20)"),
            ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "seed (default 1)"),
        ],
        method: """
        For seeded mean-zero unit directions ζ̂ and ε = 0.05·2^{−j} (j = 0…6): the zero-loss point on the leaf εζ̂ (z = \
        εζ̂ + c1, c by Brent on Σa^L = s), S = LΣ_k a_k^{2L−2} (the zero-loss mode sharpness of Prop. 4.1, checked \
        against the dense Hessian there). Measured: S(0) vs λ_min = LK(s/K)^{2−2/L} (rel. 1e-12); for every \
        direction ΔS(ε) = S − S(0) > 0, the fitted order of ΔS in ε is 2 (±0.05: no first-order term), and the \
        quadratic coefficient ΔS/ε² converges (the change between the last two ε is O(ε), ≤ 5% of it). Negative \
        control: L = 2, where S = 2s on the whole zero-loss set, so ΔS = 0 (no quadratic growth).
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), kCount = try c.integer("K"), s = try c.number("s")
        let n = try c.integer("directions", default: 20)
        var g = SeededGenerator(seed: UInt64(try c.integer("seed", default: 1)))
        let l = Double(depth)
        func sharp(_ a: [Double]) -> Double { l * a.reduce(0) { $0 + pow($1, 2 * l - 2) } }
        let s0 = sharp(try MPDLNLeafChart.zeroLossPoint(zeta: [Double](repeating: 0, count: kCount), s: s, depth: depth))
        let lambdaMin = l * Double(kCount) * pow(s / Double(kCount), 2 - 2 / l)
        var minDelta = Double.infinity, worstSlope = 0.0, worstConvergence = 0.0, minCoefficient = Double.infinity
        for _ in 0..<n {
            var d = g.gaussianVector(kCount)
            let m = d.reduce(0, +) / Double(kCount)
            d = d.map { $0 - m }
            let norm = d.euclideanNorm
            d = d.map { $0 / norm }
            var logs: [(Double, Double)] = [], coefficients: [Double] = []
            for j in 0...6 {
                let eps = 0.05 * pow(2, -Double(j))
                // Leaf scale: ζ in units of the balanced z⋆ so ε is a relative size.
                let zStar = MPDLNLeafChart.z(pow(s / Double(kCount), 1 / l), depth: depth)
                let scale = depth == 2 ? 1 : zStar
                let a = try MPDLNLeafChart.zeroLossPoint(zeta: d.map { eps * scale * $0 }, s: s, depth: depth)
                let delta = sharp(a) - s0
                minDelta = min(minDelta, delta / s0)
                logs.append((log(eps), log(abs(delta))))
                coefficients.append(delta / (eps * eps))
            }
            let tail = logs.suffix(4)
            let slope = (tail.last!.1 - tail.first!.1) / (tail.last!.0 - tail.first!.0)
            worstSlope = max(worstSlope, abs(slope - 2))
            let last = coefficients.last!, previous = coefficients[coefficients.count - 2]
            worstConvergence = max(worstConvergence, abs(last - previous) / abs(last))
            minCoefficient = min(minCoefficient, last / s0)
        }
        return CaseOutcome([
            .compare("S(0) vs λ_min = LK(s/K)^{2−2/L}", measured: s0, predicted: lambdaMin, .relative(1e-12, "root of Σa^L = s to 1e-15")),
            .judge("min over directions and ε of (S(εζ̂) − S(0))/S(0)", minDelta,
                   predicted: "> 0 (balanced leaf is the unique local minimiser)", holds: minDelta > 0),
            .judge("max over directions of |order of ΔS in ε − 2|", worstSlope,
                   predicted: "≤ 0.05 (quadratic: no first-order term, cubic remainder)", holds: worstSlope <= 0.05),
            .judge("max relative change of ΔS/ε² between the two smallest ε", worstConvergence,
                   predicted: "≤ 0.05 (converges: O(ε) correction from the cubic term)", holds: worstConvergence <= 0.05),
            .context("min quadratic coefficient (ΔS/ε²)/S(0), ζ in units of z⋆", minCoefficient),
        ])
    }

    /// Lemma E.5 (One-dimensional reduction), l.420–428, Eq. (61).
    static let lemmaE5 = Claim(
        id: "MPDLN.LemE.5",
        title: "with z = a^{2−L} and τ = ηr_t, GD is z_{k,t+1} = φ_τ(z_{k,t}), φ_τ(z) = z(1 − τ/z)^{2−L}, the same map for every k [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Lemma E.5", lines: 420...428),
        statement: """
        Set z = a^{2−L} and τ = ηr_t. Then for every k, z_{k,t+1} = φ_τ(z_{k,t}) with φ_τ(z) = z(1 − τ/z)^{2−L} (61), \
        provided 1 − ηr_ta_{k,t}^{L−2} > 0. … The crucial point is that φ_τ does not depend on k. [z, τ, (61) and the \
        proviso are lost and RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.EqE53-54"],
        parameters: [
            ParameterSpec("depths", .vector(minCount: 2, distinct: false, descending: false), .closed(2, 12),
                          meaning: "pathway depths (equal = the lemma's setting; unequal = negative control)"),
            ParameterSpec("samples", .integer, .closed(1, 100_000), meaning: "random states"),
            ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "seed (default 1)"),
        ],
        method: """
        Random states a_k ∈ [0.3, 1.5], η ∈ [0.05, 1], r ∈ [−1, 1] satisfying the proviso for every k. One exact GD step \
        (54) per pathway (with that pathway's depth L_k), then z_{k,t+1} = a_{k,t+1}^{2−L} compared with ONE map φ_τ \
        built from L = L_1 applied to z_{k,t} = a_{k,t}^{2−L}: max relative error ≤ 1e-12 (rounding of pow). Negative \
        control: heterogeneous depths, where the common φ_τ does not describe the deeper pathway.
        """,
        expected: .confirmed
    ) { c in
        let depths = try c.vector("depths").map { Int($0) }
        let n = try c.integer("samples")
        var g = SeededGenerator(seed: UInt64(try c.integer("seed", default: 1)))
        let l = Double(depths[0])
        var tested = 0, worst = 0.0
        while tested < n {
            let a = depths.map { _ in 0.3 + 1.2 * g.nextUniform() }
            let eta = 0.05 + 0.95 * g.nextUniform(), r = 2 * g.nextUniform() - 1
            guard zip(a, depths).allSatisfy({ 1 - eta * r * pow($0, Double($1) - 2) > 0 }) else { continue }
            tested += 1
            let tau = eta * r
            for (k, ak) in a.enumerated() {
                let next = ak - eta * r * pow(ak, Double(depths[k]) - 1)
                let zNext = pow(next, 2 - l), z = pow(ak, 2 - l)
                let phi = z * pow(1 - tau / z, 2 - l)
                worst = max(worst, abs(zNext - phi) / abs(zNext))
            }
        }
        return CaseOutcome([
            .judge("max relative |z_{k,t+1} − φ_τ(z_{k,t})| over samples and pathways", worst,
                   predicted: "≤ 1e-12 (exact identity; rounding of pow ≈ 1e-15)", holds: worst <= 1e-12),
        ])
    }

    /// Lemma E.6 (Monotonicity and non-expansion of φ), l.429–434, Eq. (62).
    static let lemmaE6 = Claim(
        id: "MPDLN.LemE.6",
        title: "if τ ≤ 0, or τ > 0 with z > (L−1)τ, then 0 < φ_τ′(z) ≤ 1, strictly < 1 when τ ≠ 0 [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Lemma E.6", lines: 429...434),
        statement: """
        Let L ≥ 3 and suppose either (i) τ ≤ 0, or (ii) τ > 0 with z > (L−1)τ. Then on that range, 0 < φ_τ′(z) ≤ 1 (62), \
        with strict inequality whenever τ ≠ 0. Proof: φ_τ′(z) = (1 − τ/z)^{1−L}(1 − (L−1)τ/z) … In terms of a, \
        z > (L−1)τ rewrites as (L−1)ηr_ta^{L−2} < 1, hypothesis (ii). [The hypotheses, (62) and the derivative are \
        lost and RECONSTRUCTED (INDEX [R]); "L ≥ 3" is our reading of the lost assumption — at L = 2, φ_τ is the \
        identity and the strict inequality cannot hold.]
        """,
        uses: ["MPDLN.LemE.5"],
        parameters: [
            ParameterSpec("L", .integer, .closed(3, 20), meaning: "depth"),
            ParameterSpec("region", .choice(["i", "ii", "violating"]),
                          meaning: "i: τ ∈ [−1, −0.01]; ii: τ ∈ [0.01, 1], z > (L−1)τ; violating: τ > 0, τ < z < (L−1)τ (negative control)"),
            ParameterSpec("samples", .integer, .closed(1, 100_000), meaning: "random (τ, z)"),
            ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "seed (default 1)"),
        ],
        method: """
        φ_τ′(z) by central differences of φ_τ(z) = z(1 − τ/z)^{2−L} (step 1e-6·z, error ≈ 1e-10; the closed-form \
        derivative is not used) at seeded (τ, z) in the region, z up to (L−1)|τ| + 5. Predicted: every sample has \
        0 < φ′ < 1 (strict since τ ≠ 0; the smallest 1 − φ′ in the sampled range is ≫ 1e-9, the tested margin). \
        Negative control: τ > 0 with τ < z < (L−1)τ, outside both hypotheses, where φ′ < 0.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), region = try c.text("region"), n = try c.integer("samples")
        var g = SeededGenerator(seed: UInt64(try c.integer("seed", default: 1)))
        let l = Double(depth)
        func phi(_ z: Double, _ tau: Double) -> Double { z * pow(1 - tau / z, 2 - l) }
        var minD = Double.infinity, maxD = -Double.infinity
        for _ in 0..<n {
            var tau: Double, z: Double
            switch region {
            case "i": tau = -(0.01 + 0.99 * g.nextUniform()); z = 0.05 + 5 * g.nextUniform()
            case "ii": tau = 0.01 + 0.99 * g.nextUniform(); z = (l - 1) * tau * (1 + 1e-3) + 5 * g.nextUniform()
            default: tau = 0.01 + 0.99 * g.nextUniform(); z = tau * (1.01 + (l - 2.02) * g.nextUniform())
            }
            let h = 1e-6 * z
            let d = (phi(z + h, tau) - phi(z - h, tau)) / (2 * h)
            minD = min(minD, d); maxD = max(maxD, d)
        }
        return CaseOutcome([
            .judge("min φ′ over samples", minD, predicted: "> 0 (monotone)", holds: minD > 0),
            .judge("max φ′ over samples", maxD, predicted: "< 1 − 1e-9 (strict non-expansion; FD error ≈ 1e-10)", holds: maxD < 1 - 1e-9),
        ])
    }

    /// Definition E.7 (Strong-safety condition), l.435–437, with its scope (l.444).
    static let definitionE7 = Claim(
        id: "MPDLN.DefE.7",
        title: "strong safety (L−1)η|r_t| max_k a_{k,t}^{L−2} < 1: stricter than linear stability, violated by large EoS oscillations, automatic near the minimum [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Definition E.7 and the scope of Theorem E.8 (l.444)", lines: 435...444),
        statement: """
        Definition E.7 (Strong-safety condition). At iterate t, (L−1)η|r_t| max_k a_{k,t}^{L−2} < 1. … The strong-safety \
        condition is strictly more restrictive than the linear stability bound characterizing the basin of the balanced \
        minimum. In particular, large-amplitude EoS oscillations generally violate it. Theorem E.8 therefore guarantees \
        step-wise monotonicity only inside an inner neighborhood of the balanced minimum, where the strong-safety \
        condition is automatically satisfied (since r → 0 implies …). [The condition is lost and RECONSTRUCTED \
        (INDEX [R]).]
        """,
        uses: ["MPDLN.LemE.6"],
        parameters: modeDynamicsParameters.filter { $0.name != "recordEvery" } + [
            ParameterSpec("etaLarge", .real, .positive, meaning: "step of the large-amplitude run (above 2/λ_min: oscillations persist)"),
        ],
        method: """
        Exact mode recursion (54), homogeneous depth. (a) Stricter than linear stability: at the case's η < 2/λ_min \
        (balanced minimum linearly stable), a state that violates strong safety but lies in the basin — all a_k = \
        c·a⋆(1 + 0.01δ_k), c scanned over 1.05…3 — from which GD converges (|r| ≤ 1e-8 within 20000 steps, no sign \
        flip) must exist. (b) Large-amplitude oscillations: along a run at etaLarge, strong safety fails at some \
        step. (c) Automatic near the minimum: along the run at η from the α_k, no step of the last 10% violates it, \
        and at every strongly safe step every pathway meets hypothesis (i) or (ii) of Lemma E.6. Negative control: \
        etaLarge inside the window, where the EoS oscillation stays small and (b) fails.
        """,
        expected: .confirmed
    ) { c in
        let depths = try c.vector("depths").map { Int($0) }, alphas = try c.vector("alphas")
        guard Set(depths).count == 1, depths[0] >= 3, alphas.count == depths.count else {
            throw ClaimError.computation("needs homogeneous depth L ≥ 3 and one α per pathway")
        }
        let depth = depths[0], l = Double(depth), kCount = alphas.count
        let s = try c.number("s"), eta = try c.number("eta"), etaLarge = try c.number("etaLarge"), steps = try c.integer("steps")
        let lambdaMin = l * Double(kCount) * pow(s / Double(kCount), 2 - 2 / l)
        func safety(_ a: [Double], _ r: Double, _ eta: Double) -> Double {  // Def. E.7's left-hand side
            (l - 1) * eta * abs(r) * a.map { pow(abs($0), l - 2) }.max()!
        }
        // (a) a violating state in the basin.
        let aStar = pow(s / Double(kCount), 1 / l)
        var found: Double? = nil
        for j in 0..<40 where found == nil {
            let scale = 1.05 + 0.05 * Double(j)
            var a = (0..<kCount).map { aStar * scale * (1 + 0.01 * Double($0) / Double(kCount)) }
            let r0 = a.reduce(0) { $0 + pow($1, l) } - s
            guard safety(a, r0, eta) >= 1 else { continue }
            var converged = false, flipped = false
            for _ in 0..<20000 {
                let r = a.reduce(0) { $0 + pow($1, l) } - s
                if abs(r) <= 1e-8 { converged = true; break }
                a = a.map { $0 - eta * r * pow($0, l - 1) }
                if a.contains(where: { !$0.isFinite || $0 <= 0 || $0 > 1e6 }) { flipped = true; break }
            }
            if converged && !flipped { found = scale }
        }
        // (b) large-amplitude run.
        let large = try MPDLNEoSTrace(depth: depth, s: s, alphas: alphas, eta: etaLarge, steps: steps)
        // (c) the run at η.
        let run = try MPDLNEoSTrace(depth: depth, s: s, alphas: alphas, eta: eta, steps: steps)
        func violations(_ tr: MPDLNEoSTrace, from t0: Int) -> Int {
            (t0..<tr.residuals.count).filter { tr.safety[$0] >= 1 }.count
        }
        let tail = violations(run, from: run.residuals.count * 9 / 10)
        let largeViolations = violations(large, from: 0)
        var hypothesisFailures = 0
        for t in run.residuals.indices where run.safety[t] < 1 && run.residuals[t] > 0 {
            let tau = eta * run.residuals[t]
            if !(run.minZ[t] > (l - 1) * tau) { hypothesisFailures += 1 }
        }
        return CaseOutcome([
            .judge("η·λ_min", eta * lambdaMin, predicted: "< 2 (balanced minimum linearly stable at η)", holds: eta * lambdaMin < 2),
            .judge("scale c of a strong-safety-violating start from which GD converges", found ?? -1,
                   predicted: "exists (stricter than linear stability)", holds: found != nil),
            .judge("steps violating strong safety in the run at etaLarge", Double(largeViolations),
                   predicted: "> 0 (large-amplitude EoS oscillations violate it)", holds: largeViolations > 0),
            .judge("violations in the last 10% of the run at η", Double(tail), predicted: "0 (automatic near the minimum)", holds: tail == 0),
            .judge("strongly safe steps (τ > 0) where a pathway misses Lemma E.6 (ii)", Double(hypothesisFailures),
                   predicted: "0 (strong safety is what E.6 needs)", holds: hypothesisFailures == 0),
            .context("2/λ_min", 2 / lambdaMin), .context("etaLarge", etaLarge),
        ])
    }
}
