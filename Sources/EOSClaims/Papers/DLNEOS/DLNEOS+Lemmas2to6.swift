import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// Lemma 2: conservation of balancedness in gradient flow.
    static let lemma2 = Claim(
        id: "DLN-EOS.Lem2",
        title: "Gradient flow conserves σ_ℓ² − σ_m² on ½(Πσ_ℓ − σ⋆)²",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 2 (Conservation of Balancedness in GF)", lines: 2139...2164),
        statement: """
        Consider the singular value scalar loss L({σ_ℓ}_{ℓ=1}^L) = ½(Π_{ℓ=1}^L σ_ℓ − σ⋆)². Under gradient flow, the balancedness between two singular values defined by σ_ℓ²(t) − σ_m²(t) for all m, ℓ ∈ [L] is constant for all t ≥ 0.
        """,
        parameters: [DLNScalarChecks.sigmaStarSpec, DLNSimulation.depthSpec,
                     ParameterSpec("dynamics", .choice(["flow", "descent"]), meaning: "flow: RK4 with h = 1e-3/S; descent: GD with η = 1.5/S"),
                     ParameterSpec("time", .real, .positive, meaning: "integration time in units of 1/S")],
        method: """
        From a seeded random positive point, the flow σ̇ = −∇L is integrated by RK4 (h = 1e-3/S, error O(h⁴)) \
        for the given time; every σ_ℓ² − σ_m² must stay within 1e-9 (relative to Σσ_ℓ²) of its initial value. \
        Negative control: GD with η = 1.5/S over the same time, which the lemma excludes ("specifically for \
        gradient flow and not descent", l.2166): by Eq. 48 each step multiplies the gap by 1 − η²(…), so it drifts.
        """,
        expected: .confirmed
    ) { c in
        let σ = try c.number("sigmaStar"), L = try c.integer("depth"), flow = try c.text("dynamics") == "flow"
        let S = DLN.stabilityLimit(σ, depth: L), τ = try c.number("time") / S
        let loss = ScalarProductLoss(depth: L, target: σ)
        var gen = SeededGenerator(seed: 21)
        let s0 = (0..<L).map { _ in pow(σ, 1 / Double(L)) * (0.2 + 0.6 * gen.nextUniform()) }
        var s = s0
        if flow { s = DLNScalarChecks.gradientFlow(loss, from: s0, h: 1e-3 / S, time: τ) }
        else { let eta = 1.5 / S; for _ in 0..<Int((τ / eta).rounded()) { let g = loss.gradient(s); for i in 0..<L { s[i] -= eta * g[i] } } }
        let norm = s0.reduce(0) { $0 + $1 * $1 }
        var drift = 0.0
        for l in 0..<L { for m in 0..<L { drift = max(drift, abs((s[l] * s[l] - s[m] * s[m]) - (s0[l] * s0[l] - s0[m] * s0[m])) / norm) } }
        return CaseOutcome([
            .judge("max |Δ(σ_ℓ² − σ_m²)| / Σσ_ℓ²(0)", drift, predicted: "≤ 1e-9 (RK4 error, h⁴)", holds: drift <= 1e-9),
            .context("loss at the end", loss.value(s)),
        ], note: flow ? "gradient flow (RK4)" : "gradient descent η = 1.5/S")
    }

    /// Lemma 3: sharpness at minima.
    static let lemma3 = Claim(
        id: "DLN-EOS.Lem3",
        title: "Sharpness at a global minimum of ½(Πσ_i − σ⋆)² is Σ_i σ⋆²/σ_i²",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 3 (Sharpness at Minima)", lines: 2230...2260),
        statement: """
        Consider the scalar loss L({σ_i}_{i=1}^L) = ½(Π_{i=1}^L σ_i − σ⋆)². The sharpness at the global minima is given as ‖∇²L‖₂ = Σ_{i=1}^L σ⋆²/σ_i².
        """,
        parameters: [DLNScalarChecks.sigmaStarSpec, DLNSimulation.depthSpec,
                     ParameterSpec("residual", .real, .closed(-1, 10), meaning: "π/σ⋆ − 1 at the sampled points (0: global minima)")],
        method: """
        100 seeded random points with σ_i > 0 rescaled so that Π σ_i = (1 + residual)σ⋆; the Hessian is the \
        closed form of ScalarProductLoss (checked against finite differences in its tests), its spectral norm \
        from Jacobi. Holds when every point agrees with Σσ⋆²/σ_i² to 1e-10. Negative control: points off the \
        minimum (π = 1.3σ⋆), where the residual term changes the Hessian.
        """,
        expected: .confirmed
    ) { c in
        let σ = try c.number("sigmaStar"), L = try c.integer("depth"), res = try c.number("residual")
        let loss = ScalarProductLoss(depth: L, target: σ)
        var gen = SeededGenerator(seed: 33)
        var worst = 0.0
        for _ in 0..<100 {
            var s = (0..<L).map { _ in 0.3 + 2 * gen.nextUniform() }
            let k = pow((1 + res) * σ / s.reduce(1, *), 1 / Double(L))
            s = s.map { $0 * k }
            let ev = DLN.symmetricEigenvalues(loss.hessian(s))
            let norm = max(abs(ev.first!), abs(ev.last!))
            let formula = s.reduce(0) { $0 + σ * σ / ($1 * $1) }
            worst = max(worst, abs(norm - formula) / formula)
        }
        return CaseOutcome([.judge("max relative |‖∇²L‖₂ − Σσ⋆²/σ_i²| over 100 points", worst, predicted: "≤ 1e-10 (Jacobi)", holds: worst <= 1e-10)],
                           note: "π/σ⋆ = \(formatNumber(1 + res))")
    }

    /// Lemma 4: the balanced minimum is the flattest.
    static let lemma4 = Claim(
        id: "DLN-EOS.Lem4",
        title: "Among global minima of ½(Πσ_i − σ⋆)², the balanced one is the flattest, sharpness Lσ⋆^{2−2/L}",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 4 (Balanced Minima is the Flattest)", lines: 2329...2358),
        statement: """
        Consider the scalar loss L({σ_i}_{i=1}^L) = ½(Π_{i=1}^L σ_i − σ⋆)². The balanced minimum, i.e. σ_i = σ⋆^{1/L} for all i ∈ [L], has the smallest sharpness among all global minima, with value ‖∇²L‖₂ = Lσ⋆^{2−2/L}.
        """,
        uses: ["DLN-EOS.Lem3"],
        parameters: [DLNScalarChecks.sigmaStarSpec, DLNSimulation.depthSpec,
                     ParameterSpec("candidate", .choice(["balanced", "unbalanced"]), meaning: "the minimum claimed flattest: balanced, or (σ⋆^{1/L}·1.3, σ⋆^{1/L}/1.3, σ⋆^{1/L}, …)")],
        method: """
        The candidate's sharpness (Jacobi on the exact Hessian) is compared with Lσ⋆^{2−2/L} and with 2000 \
        seeded random global minima (log-uniform factors in [1/4, 4], rescaled to Π σ_i = σ⋆, random signs \
        in pairs): holds when the candidate's value is Lσ⋆^{2−2/L} and no sampled minimum is flatter (1e-12 \
        relative). Negative control: an unbalanced minimum as candidate.
        """,
        expected: .confirmed
    ) { c in
        let σ = try c.number("sigmaStar"), L = try c.integer("depth"), balanced = try c.text("candidate") == "balanced"
        let loss = ScalarProductLoss(depth: L, target: σ)
        func sharp(_ s: [Double]) -> Double { DLN.symmetricEigenvalues(loss.hessian(s)).first! }
        var cand = [Double](repeating: pow(σ, 1 / Double(L)), count: L)
        if !balanced { cand[0] *= 1.3; cand[1] /= 1.3 }
        let value = sharp(cand)
        var gen = SeededGenerator(seed: 44)
        var flattest = Double.infinity
        for _ in 0..<2000 {
            var s = (0..<L).map { _ in exp((gen.nextUniform() * 2 - 1) * log(4.0)) }
            let k = pow(σ / s.reduce(1, *), 1 / Double(L))
            s = s.map { $0 * k }
            if L >= 2, gen.nextUniform() < 0.5 { s[0] = -s[0]; s[1] = -s[1] }
            flattest = min(flattest, sharp(s))
        }
        let predicted = Double(L) * pow(σ, 2 - 2 / Double(L))
        return CaseOutcome([
            .compare("candidate's sharpness vs Lσ⋆^{2−2/L}", measured: value, predicted: predicted, .relative(1e-10, "Jacobi on an L×L matrix")),
            .judge("candidate's sharpness − smallest sampled", value - flattest, predicted: "≤ 1e-12·value (no flatter minimum)",
                   holds: value - flattest <= 1e-12 * value),
        ])
    }

    /// Lemma 5: GFS sharpness under the unbalanced scalar init.
    static let lemma5 = Claim(
        id: "DLN-EOS.Lem5",
        title: "GFS sharpness from (α, …, α, 0) is ≤ 2√(1+c)/η, 0 < c < 1, below the printed α bound",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 5", lines: 2499...2560),
        statement: """
        Let s := [σ_1 … σ_L] ∈ ℝ^L and L(s) = ½(Π_{i=1}^L σ_i − σ⋆)² with σ⋆ > 0. Initialize σ_L(0) = 0 and σ_ℓ(0) = α for ℓ ∈ [L−1], where 0 < α < (ln(2√2/(ηLσ⋆^{2−2/L}))·σ⋆^{4/L}/(L²·2^{(2L−3)/L}))^{1/4} and η > 0. Then the GFS sharpness satisfies ψ(s) ≤ 2√(1+c)/η for some 0 < c < 1.
        """,
        uses: ["DLN-EOS.Lem2", "DLN-EOS.Lem3", "DLN-EOS.Def-GFS"],
        parameters: [DLNScalarChecks.sigmaStarSpec, DLNSimulation.depthSpec, DLNScalarChecks.etaSSpec, DLNScalarChecks.alphaFractionSpec],
        method: """
        ψ = σ⋆²(1/x̂² + (L−1)/ŷ²) at the GF solution of (30) (x ŷ^{L−1} = σ⋆, x² − ŷ² = −α², Brent), \
        cross-checked against the Hessian's top eigenvalue there. Holds when ηψ/2 < √2 (then c = (ηψ/2)² − 1 \
        < 1 works; any c works if ψ ≤ 2/η). Reported: α_crit where ηψ/2 = √2, to show how conservative the \
        printed bound is. Negative control: α = 10 × the bound.
        """,
        expected: .confirmed
    ) { c in
        let σ = try c.number("sigmaStar"), L = try c.integer("depth")
        let S = DLN.stabilityLimit(σ, depth: L), eta = try c.number("etaTimesS") / S
        let bound = DLN.prop2AlphaBound(eta: eta, sigma: σ, depth: L)
        let alpha = try c.number("alphaFraction") * bound
        guard alpha.isFinite else { throw ClaimError.computation("the printed bound needs η·S < 2√2") }
        var s0 = [Double](repeating: alpha, count: L); s0[L - 1] = 0
        let limit = try DLNScalarChecks.flowLimit(from: s0, sigmaStar: σ)
        let psi = limit.reduce(0) { $0 + σ * σ / ($1 * $1) }
        let hess = DLN.symmetricEigenvalues(ScalarProductLoss(depth: L, target: σ).hessian(limit)).first!
        let psiAt: (Double) -> Double = { a in
            var s = [Double](repeating: a, count: L); s[L - 1] = 0
            return ((try? DLNScalarChecks.gfsSharpness(from: s, sigmaStar: σ)) ?? .nan) * eta / 2 - 2.0.squareRoot()
        }
        let crit = (try? RootFinding.brent(in: 1e-9, 50 * pow(σ, 1 / Double(L)), psiAt)) ?? .nan
        return CaseOutcome([
            .judge("ηψ/2 = √(1 + c)", eta * psi / 2, predicted: "< √2 (c < 1)", holds: eta * psi / 2 < 2.0.squareRoot()),
            .compare("ψ vs λ_max of the Hessian at the GF limit", measured: hess, predicted: psi, .relative(1e-10, "Jacobi")),
            .context("printed α bound", bound), .context("α", alpha), .context("α_crit (ηψ/2 = √2)", crit),
        ])
    }

    /// Definition (GFS): gradient-flow solution and GFS sharpness.
    static let definitionGFS = Claim(
        id: "DLN-EOS.Def-GFS",
        title: "GF solution S_GF(w) and GFS sharpness ψ(w) = λ_max(∇²L(S_GF(w)))",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Definition (GFS sharpness, after Kreisler et al. 2023)", lines: 2125...2135),
        statement: """
        Gradient flow is ẇ(t) = −∇L(w(t)). S_GF(w) is the limit of the gradient-flow trajectory started at w. The GFS sharpness ψ(w) is the largest eigenvalue of ∇²L(S_GF(w)).
        """,
        parameters: [DLNScalarChecks.sigmaStarSpec, DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
                     ParameterSpec("dynamics", .choice(["flow", "descent"]), meaning: "flow: RK4; descent: GD with η = 1.9/S instead")],
        method: """
        The flow from (α, …, α, 0) is integrated by RK4 (h = 1e-2/S, time 600/S, converged); its limit \
        must equal the conservation-law solution (30) used by the proofs (1e-8), and λ_max at the limit must \
        equal (31). Negative control: the limit of GD at η = 1.9/S (not GF), which lands on a different, more \
        balanced minimum, so the same identities fail.
        """,
        expected: .confirmed
    ) { c in
        let σ = try c.number("sigmaStar"), L = try c.integer("depth"), alpha = try c.number("alpha")
        let flow = try c.text("dynamics") == "flow"
        let S = DLN.stabilityLimit(σ, depth: L)
        let loss = ScalarProductLoss(depth: L, target: σ)
        var s0 = [Double](repeating: alpha, count: L); s0[L - 1] = 0
        var end: [Double]
        if flow { end = DLNScalarChecks.gradientFlow(loss, from: s0, h: 1e-2 / S, time: 600 / S) }
        else { end = try DLNScalarChecks.run(loss, alpha: alpha, eta: 1.9 / S, steps: 20000) { _, _ in } }
        let predicted = try DLNScalarChecks.flowLimit(from: s0, sigmaStar: σ)
        let err = zip(end, predicted).map { abs($0 - $1) }.max()! / pow(σ, 1 / Double(L))
        let lam = DLN.symmetricEigenvalues(loss.hessian(end)).first!
        let psi = predicted.reduce(0) { $0 + σ * σ / ($1 * $1) }
        return CaseOutcome([
            .judge("‖limit − solution of (30)‖∞ / σ⋆^{1/L}", err, predicted: "≤ 1e-8 (RK4 + convergence)", holds: err <= 1e-8),
            .compare("λ_max at the limit vs (31) ψ = σ⋆²(1/x̂² + (L−1)/ŷ²)", measured: lam, predicted: psi, .relative(1e-7, "limit accurate to 1e-8")),
            .context("loss at the limit", loss.value(end)),
        ], note: flow ? "gradient flow" : "gradient descent η = 1.9/S")
    }

    /// Lemma 6: one-step factor bound.
    static let lemma6 = Claim(
        id: "DLN-EOS.Lem6",
        title: "ψ(s) ≤ 2√(1+c)/η ⇒ Σ_{i≤min(2,L−1)} η²(π − σ⋆)²π²/(σ²_{L−i}σ²_L) ≤ 1 + c",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 6", lines: 3707...3727),
        statement: """
        Let π(s) := Π_{ℓ=1}^L σ_ℓ with each σ_ℓ > 0. If the GFS sharpness ψ(s) ≤ 2√(1+c)/η for some c ∈ (0, 1], then Σ_{i=1}^{min{2,L−1}} η²(π(s) − σ⋆)²π²(s)/(σ²_{L−i}σ²_L) ≤ 1 + c.
        """,
        uses: ["DLN-EOS.Lem2", "DLN-EOS.Lem3"],
        parameters: [ParameterSpec("sampling", .choice(["generic", "trajectory"]), meaning:
                        "generic: 3000 random positive points and η per depth L = 2…4; trajectory: the GD iterates of Prop. 2 (window, α = 0.9 × bound)"),
                     ParameterSpec("etaTimesS", .real, .open(0, 20), required: false, meaning: "for trajectory: η·S values are 2.05, 2.3, 2.6, 2.8 unless this is given"),
                     ParameterSpec("alphaFraction", .real, .open(0, 1000), required: false, meaning: "for trajectory: α as a multiple of the printed bound (default 0.9)")],
        method: """
        For each sampled s with all σ_ℓ > 0 the GFS sharpness ψ(s) is computed exactly (conserved gaps + \
        Brent, as Lemma 2 allows), c := (ηψ/2)² − 1 (the smallest c the hypothesis admits); points with \
        c ∈ (0, 1] are kept and the printed sum must be ≤ 1 + c. Measured: the statement as printed (any \
        positive s) fails — e.g. L = 2, σ⋆ = 9.88, s = (6.17, 6.19), η·S = 2.68: ψ is moderate (c = 0.79) \
        but π = 38 ≫ σ⋆ makes the sum 14.7. On the iterates of GD from (α, …, α, 0) under Prop. 2's \
        hypotheses (the only use in the proof) it holds. Negative control: GD iterates at L = 2, η·S = 3.2 \
        (outside the window).
        """,
        expected: .discrepancy,
        correctedVariant: "restricted to the GD iterates from (α, …, α, 0) under the hypotheses of Proposition 2"
    ) { c in
        let sampling = try c.text("sampling")
        var gen = SeededGenerator(seed: 66)
        var kept = 0, violations = 0, worst = -Double.infinity, example = ""
        func test(_ s: [Double], _ σ: Double, _ eta: Double) throws {
            guard s.allSatisfy({ $0 > 0 }) else { return }
            let L = s.count
            let psi = try DLNScalarChecks.gfsSharpness(from: s, sigmaStar: σ)
            let cc = pow(eta * psi / 2, 2) - 1
            guard cc > 0 && cc <= 1 else { return }
            kept += 1
            let pi = s.reduce(1, *)
            let lhs = (1...min(2, L - 1)).reduce(0.0) { acc, i in acc + eta * eta * (pi - σ) * (pi - σ) * pi * pi / (s[L - 1 - i] * s[L - 1 - i] * s[L - 1] * s[L - 1]) }
            if lhs > 1 + cc { violations += 1 }
            if lhs - (1 + cc) > worst {
                worst = lhs - (1 + cc)
                example = "L = \(L), σ⋆ = \(formatNumber(σ, significantDigits: 4)), s = \(s.map { formatNumber($0, significantDigits: 4) }), c = \(formatNumber(cc, significantDigits: 3)), sum = \(formatNumber(lhs, significantDigits: 4))"
            }
        }
        if sampling == "generic" {
            for L in 2...4 {
                for _ in 0..<1000 {
                    let σ = 0.5 + 9.5 * gen.nextUniform()
                    let y = (0.05 + 1.95 * gen.nextUniform()) * pow(σ, 1 / Double(L))
                    let x = 2 * gen.nextUniform() * pow(σ, 1 / Double(L))
                    let s = [Double](repeating: y, count: L - 1) + [x]
                    try test(s, σ, (0.5 + 2.5 * gen.nextUniform()) / DLN.stabilityLimit(σ, depth: L))
                }
            }
        } else {
            let fraction = try c.number("alphaFraction", default: 0.9)
            let list = c.parameters["etaTimesS"] != nil ? [try c.number("etaTimesS")] : [2.05, 2.3, 2.6, 2.8]
            for L in 2...4 {
                let σ = L == 2 ? 5.0 : 10.0
                let loss = ScalarProductLoss(depth: L, target: σ)
                for es in list {
                    let eta = es / DLN.stabilityLimit(σ, depth: L)
                    let bound = DLN.prop2AlphaBound(eta: eta, sigma: σ, depth: L)
                    let alpha = bound.isFinite ? fraction * bound : 0.01
                    var pts = [[Double]]()
                    _ = try? DLNScalarChecks.run(loss, alpha: alpha, eta: eta, steps: 3000) { _, s in pts.append(s) }
                    for s in pts { try test(s, σ, eta) }
                }
            }
        }
        return CaseOutcome([
            .judge("points with c ∈ (0, 1] where the printed sum exceeds 1 + c", Double(violations),
                   predicted: "0 of \(kept)", holds: violations == 0 && kept > 0),
            .context("largest sum − (1 + c)", worst),
            .context("worst point", example),
        ], note: "sampling \(sampling)")
    }

    /// Equations (44)–(48): the balancing-gap recursion of one GD step.
    static let equations44to48 = Claim(
        id: "DLN-EOS.Eq44-48",
        title: "b_{i,j}(t+1) = b_{i,j}(t)(1 − η²(π − σ⋆)²π²/(σ_i²σ_j²))",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Equations (44)–(48), proof of Proposition 2", lines: 3985...4073),
        statement: """
        With b_{i,j}(t) := σ_i(t)² − σ_j(t)² and π(s(t)) := Π_ℓ σ_ℓ(t), for one GD step on ½(Π_ℓ σ_ℓ − σ⋆)²: b_{i,j}(t+1) = b_{i,j}(t)·(1 − η²(π(s(t)) − σ⋆)²·π²(s(t))/(σ_i(t)²σ_j(t)²)) (48).
        """,
        uses: ["DLN-EOS.Eq5"],
        parameters: [DLNScalarChecks.sigmaStarSpec, DLNSimulation.depthSpec, DLNSimulation.scaleSpec],
        method: """
        200 seeded random points and step sizes; one GD step of ScalarProductLoss, and b_{i,j}(t+1) is \
        compared with the printed right-hand side for every pair (relative 1e-9 of max(|b|, σ²), rounding). \
        Negative control: the loss without ½ (c = 1), whose step is twice as long: the printed factor (for ½) \
        then fails (the correct factor is 1 − 4η²(…)).
        """,
        expected: .confirmed
    ) { c in
        let σ = try c.number("sigmaStar"), L = try c.integer("depth"), scale = try c.number("scale", default: 0.5)
        let loss = ScalarProductLoss(depth: L, target: σ, scale: scale)
        var gen = SeededGenerator(seed: 48)
        var worst = 0.0
        for _ in 0..<200 {
            let s = (0..<L).map { _ in (0.2 + 1.6 * gen.nextUniform()) * pow(σ, 1 / Double(L)) }
            let eta = (0.2 + 2.5 * gen.nextUniform()) / DLN.stabilityLimit(σ, depth: L)
            let g = loss.gradient(s)
            let n = zip(s, g).map { $0 - eta * $1 }
            let pi = s.reduce(1, *)
            for i in 0..<L { for j in 0..<L where i != j {
                let b = s[i] * s[i] - s[j] * s[j], bn = n[i] * n[i] - n[j] * n[j]
                let pred = b * (1 - eta * eta * (pi - σ) * (pi - σ) * pi * pi / (s[i] * s[i] * s[j] * s[j]))
                worst = max(worst, abs(bn - pred) / max(abs(b), s.map { $0 * $0 }.max()!))
            } }
        }
        return CaseOutcome([.judge("max relative |b(t+1) − (48)|", worst, predicted: "≤ 1e-9 (rounding)", holds: worst <= 1e-9)],
                           note: "loss scale c = \(formatNumber(scale))")
    }
}
