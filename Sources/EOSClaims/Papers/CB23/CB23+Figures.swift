#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

extension CB23Claims {
    /// Number of distinct values in `values` (clustered with relative tolerance `tol`).
    static func distinctCount(_ values: [Double], tolerance tol: Double) -> Int {
        var kept: [Double] = []
        for v in values where !kept.contains(where: { abs($0 - v) <= tol * max(abs(v), 1e-300) }) { kept.append(v) }
        return kept.count
    }

    // MARK: Figure 1: divergence grids.

    static let figure1 = Claim(
        id: "CB23.Fig1",
        title: "Figure 1: ησ₁² × ησ₂² grid of MF GD divergence; no divergence inside η(σ₁² + σ₂²) < 2 (generic) or (9) (quasi-symmetric)",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 1 and caption", lines: 252...258),
        statement: "Figure 1. Matrix Factorization: grid search of ησ₁² v.s. ησ₂² on whether GD diverges or not. (a) Generic initialization: it verifies the condition η(σ₁² + σ₂²) < 2. (b-c) Quasi-symmetric initialization: it verifies the predicted bound η·(σ₁²/α² + σ₂²α²) < 2 in Eq.(9) as a sufficient condition.",
        uses: ["CB23.Obs1", "CB23.Obs2", "CB23.Tightness-claim"],
        parameters: [
            ParameterSpec("alpha", .real, .positive, meaning: "α of the start (αC^{1/2}, C^{1/2}/α) + 0.05G; 1 = generic (panel a)"),
            ParameterSpec("grid", .integer, .closed(2, 200), meaning: "grid points per axis"),
            ParameterSpec("steps", .integer, .closed(100, 1_000_000), meaning: "GD steps per cell"),
            ParameterSpec("offset", .real, .all, required: false, meaning: "test the bound B < 2 + offset (default 0; the negative control shifts it)"),
        ],
        method: """
        MF with C = diag(1, σ₂²) (d = 2; C, d, the start and the number of steps are not stated in the paper), \
        ησ₁² = K1 ∈ [0.8, 1.3], ησ₂² = K2 ∈ [0.05, 1.25] (cells with K2 ≥ K1 skipped: σ₂ < σ₁), start \
        (αC^{1/2} + 0.05G, C^{1/2}/α + 0.05G), a cell diverges when |entries| pass 1e6 within `steps` steps. \
        The bound is B = K1 + K2 (α = 1) or Eq. (9)'s max{K1/α² + K2α², K2/α² + K1α²}. The figure's statement, \
        checked: no cell with K1 ∈ (1, 1.121] and B < 2 diverges (the bound is sufficient). The agreement \
        'diverges ⇔ B ≥ 2' over all cells is reported (the divergence boundary lies above the line, see \
        CB23.Tightness-claim). Series: diverged and bounded cells as points, the curve B = 2. Negative control: \
        the bound shifted to B < 2.3, inside which cells do diverge.
        """,
        expected: .confirmed
    ) { c in
        let alpha = try c.number("alpha"), n = try c.integer("grid"), steps = try c.integer("steps")
        let offset = try c.number("offset", default: 0)
        func bound(_ k1: Double, _ k2: Double) -> Double {
            alpha == 1 ? k1 + k2 : max(k1 / (alpha * alpha) + k2 * alpha * alpha, k2 / (alpha * alpha) + k1 * alpha * alpha)
        }
        var divX: [Double] = [], divY: [Double] = [], okX: [Double] = [], okY: [Double] = []
        var violations = 0, inside = 0, agree = 0, cells = 0
        for i in 0..<n {
            for j in 0..<n {
                let k1 = 0.8 + 0.5 * Double(i) / Double(n - 1), k2 = 0.05 + 1.2 * Double(j) / Double(n - 1)
                guard k2 < k1 else { continue }
                let diverged = mfDiverges(k1: k1, k2: k2, alpha: alpha, steps: steps)
                cells += 1
                if diverged { divX.append(k1); divY.append(k2) } else { okX.append(k1); okY.append(k2) }
                let b = bound(k1, k2)
                if diverged == (b >= 2) { agree += 1 }
                if k1 > 1, k1 <= 1.121, b < 2 + offset {
                    inside += 1
                    if diverged { violations += 1 }
                }
            }
        }
        let fig = alpha == 1 ? "Fig. 1(a): MF divergence grid, generic initialisation"
                             : "Fig. 1(b–c): MF divergence grid, quasi-symmetric α = \(formatNumber(alpha))"
        let curveX = (0...50).map { 0.8 + 0.5 * Double($0) / 50 }
        let curveY: [Double] = curveX.map { k1 -> Double in
            if alpha == 1 { return 2 - k1 }
            let a2 = alpha * alpha
            return min((2 - k1 / a2) / a2, (2 - k1 * a2) * a2)
        }
        let series = [
            DataSeries(name: "diverged", x: divX, y: divY, figure: fig, xLabel: "ησ₁²", yLabel: "ησ₂²", style: .points),
            DataSeries(name: "bounded", x: okX, y: okY, figure: fig, xLabel: "ησ₁²", yLabel: "ησ₂²", style: .points),
            DataSeries(name: alpha == 1 ? "η(σ₁² + σ₂²) = 2" : "bound (9) = 2", x: curveX, y: curveY, figure: fig, xLabel: "ησ₁²", yLabel: "ησ₂²"),
        ]
        return CaseOutcome([
            .judge("diverged cells with ησ₁² ∈ (1, 1.121] inside the bound (B < \(formatNumber(2 + offset)))", Double(violations),
                   predicted: "0 of \(inside)", holds: violations == 0 && inside > 0),
            .context("cells where 'diverges ⇔ B ≥ 2' holds", Double(agree)), .context("cells", Double(cells)),
        ], series: series)
    }

    // MARK: Figure 2: σmax(Y), σmax(Z) against η.

    static let figure2 = Claim(
        id: "CB23.Fig2",
        title: "Figure 2: σmax(Y), σmax(Z) over the last 10 iterations against ησ₁² (bifurcation diagram of MF GD)",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 2 and caption", lines: 254...264),
        statement: "Figure 2. Matrix Factorization: σ_max(Y), σ_max(Z) for different η's. For each η, the last 10 iterations are sampled for report, due to periodic and chaotic phenomenon. Observations: (1) when ησ₁² ∈ (1, 1.38), all cases have σ_max(Y) = σ_max(Z); (2) when ησ₁² ∈ (1, 1.23), it converges to a period-2 orbit; (3) when ησ₁² ∈ (1.23, 1.28), it converges to a period-4 orbit; (4) when ησ₁² > 1.28, it is rather chaotic; (5) when ησ₁² < 1, there is no oscillation.",
        uses: ["CB23.Fig2-claim"],
        parameters: [
            ParameterSpec("Ks", .vector(minCount: 1, distinct: true, descending: false), .positive, required: false, meaning: "values of ησ₁² (default: a grid)"),
            ParameterSpec("grid", .integer, .closed(2, 2000), required: false, meaning: "grid points on [0.9, 1.45] when Ks is absent (default 111)"),
            ParameterSpec("sigmas", .vector(minCount: 2, distinct: true, descending: true), .positive, required: false,
                          meaning: "eigenvalues of C (default [1, 0.1, 0.05]; Figure 2's C is not stated)"),
            ParameterSpec("steps", .integer, .closed(100, 1_000_000), required: false, meaning: "GD steps (default 20000)"),
        ],
        method: """
        MF (d = 3, C = diag σ²), start C^{1/2} + 0.05G (seeded), GD at η = K/σ₁²; the last 10 iterates' σmax(Y), \
        σmax(Z) are plotted against K (points). Per K the number of distinct values (relative 1e-6) is compared \
        with the caption: 1 for K < 1, 2 on (1, 1.225), 4 on (1.24, 1.275), more than 4 for most K > 1.305 (≥ 80% \
        of those cells, periodic windows aside), and σmax(Y) = σmax(Z) (relative 1e-6) for K ∈ (1, 1.38). Cells \
        within reading distance of the printed thresholds 1.23 and 1.28 are not judged here: where the \
        transitions really are (1.2361, 1.2880, cascade to ≈ 1.302) is CB23.Fig2-claim's subject (a \
        discrepancy). Negative control: σ² = (1, 0.3, 0.1) at K = 1.35, where the chaotic top component dips below \
        σ₂ and the σmax balance fails.
        """,
        expected: .confirmed
    ) { c in
        let sig2 = c.parameters["sigmas"] == nil ? [1.0, 0.1, 0.05] : try c.vector("sigmas")
        let steps = try c.integer("steps", default: 20_000)
        let ks: [Double]
        if c.parameters["Ks"] != nil { ks = try c.vector("Ks") } else {
            let n = try c.integer("grid", default: 111)
            ks = (0..<n).map { 0.9 + 0.55 * Double($0) / Double(n - 1) }
        }
        let t = CB23MatrixFactorizationRun.target(sigmaSquared: sig2, rotate: false, seed: 89)
        var px: [Double] = [], py: [Double] = [], pz: [Double] = []
        var wrong: [String] = [], chaoticCells = 0, chaoticHits = 0, unbalanced = 0
        for k in ks {
            let run = CB23MatrixFactorizationRun(target: t.c, eta: k / sig2[0])
            var rng = SeededGenerator(seed: 97)
            let d = sig2.count
            let y = t.root + 0.05 * rng.gaussianMatrix(rows: d, columns: d), z = t.root + 0.05 * rng.gaussianMatrix(rows: d, columns: d)
            let r = run.run(from: y.storage + z.storage, steps: steps, tail: 10)
            guard r.divergedAt == nil else { wrong.append("K = \(formatNumber(k)): diverged"); continue }
            var sy: [Double] = [], sz: [Double] = []
            for s in r.tail { let (a, b) = run.topSingularValues(s); sy.append(a); sz.append(b) }
            px += [Double](repeating: k, count: sy.count); py += sy; pz += sz
            let distinct = distinctCount(sy, tolerance: 1e-6)
            if k > 1, k < 1.38, zip(sy, sz).contains(where: { abs($0 - $1) > 1e-6 * $0 }) { unbalanced += 1 }
            if k < 1, distinct != 1 { wrong.append("K = \(formatNumber(k)): \(distinct) values, expected 1") }
            if k > 1, k < 1.225, distinct != 2 { wrong.append("K = \(formatNumber(k)): \(distinct) values, expected 2") }
            if k > 1.24, k < 1.275, distinct != 4 { wrong.append("K = \(formatNumber(k)): \(distinct) values, expected 4") }
            if k > 1.305 { chaoticCells += 1; if distinct > 4 { chaoticHits += 1 } }
        }
        let fig = "Fig. 2: MF, σmax over the last 10 iterations"
        let series = [
            DataSeries(name: "σmax(Y)", x: px, y: py, figure: fig, xLabel: "ησ₁²", yLabel: "σmax", style: .points),
            DataSeries(name: "σmax(Z)", x: px, y: pz, figure: fig, xLabel: "ησ₁²", yLabel: "σmax", style: .points),
        ]
        var q: [Quantity] = [
            .judge("cells whose number of distinct σmax(Y) values contradicts (2), (3), (5)", Double(wrong.count),
                   predicted: "0", holds: wrong.isEmpty),
            .judge("cells with K ∈ (1, 1.38) where σmax(Y) ≠ σmax(Z) (relative 1e-6)", Double(unbalanced), predicted: "0 (observation (1))", holds: unbalanced == 0),
        ]
        if chaoticCells > 0 {
            q.append(.judge("cells with K > 1.305 showing more than 4 values (chaotic)", Double(chaoticHits),
                            predicted: "≥ 80% of \(chaoticCells)", holds: Double(chaoticHits) >= 0.8 * Double(chaoticCells)))
        }
        return CaseOutcome(q, note: wrong.prefix(4).joined(separator: "; "), series: series)
    }

    // MARK: Figure 4: 1-D stable oscillations.

    static let figure4 = Claim(
        id: "CB23.Fig4",
        title: "Figure 4: ¼(x² − 1)² and 2 sin x at η = 1.01 > 2/f″(x̄) = 1 oscillate stably around the minimum",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 4 and Appendix B.1 prose", lines: 466...471),
        statement: "Figure 4. Running GD around the local minima of f(x) = 1/4(x² − 1)² (left two) and f(x) = 2 sin(x) (right two) with learning rate η = 1.01 > 2/f″(x̄) = 1. Stars denote the start points. It turns out both functions allow stable oscillation around the local minima.",
        uses: ["CB23.Thm1", "CB23.Lem1"],
        parameters: [
            ParameterSpec("function", .choice(["quartic", "sine"]), meaning: "¼(x² − 1)² (x̄ = 1) or 2 sin x (x̄ = −π/2)"),
            ParameterSpec("eta", .real, .open(0, 3), meaning: "η"),
            ParameterSpec("x0", .real, .all, meaning: "start (not stated in the paper)"),
        ],
        method: """
        GD from x0 for 40000 steps; the case holds when the tail is a period-2 orbit straddling x̄ (core \
        classification) with multiplier |F′(x₁)F′(x₂)| < 1 (closed-form F′ = 1 − ηf″). 2/f″(x̄) = 1 is \
        recomputed for both (printed). Series: the first 300 iterates against t, and the points (x_t, f(x_t)) \
        of the last 20 steps with the curve f. Negative control: η = 0.99 < 2/f″(x̄), where GD converges to x̄.
        """,
        expected: .confirmed
    ) { c in
        let quartic = try c.text("function") == "quartic", eta = try c.number("eta"), x0 = try c.number("x0")
        let f: (Double) -> (f: Double, d1: Double, d2: Double) = { x in quartic ? CB23ClosedForm1D.quartic(x) : CB23ClosedForm1D.sine(x, c: 2) }
        let xbar = quartic ? 1.0 : -Double.pi / 2
        let map: (Double) -> Double = { x in x - eta * f(x).d1 }
        let (states, behaviour) = TrajectoryClassification.iterate(map, from: x0, steps: 40_000)
        var ok = false, multiplier = Double.nan
        if case .periodic(2, let orbit, _) = behaviour {
            let p = orbit.map { $0[0] }.sorted()
            multiplier = OrbitMultiplier.multiplier(orbit: p) { 1 - eta * f($0).d2 }
            ok = p[0] < xbar && xbar < p[1] && abs(multiplier) < 1
        }
        let name = quartic ? "¼(x² − 1)²" : "2 sin x"
        let fig = "Fig. 4: \(name), η = \(formatNumber(eta))"
        let early = Array(states.prefix(300))
        let late = Array(states.suffix(20))
        let curve = (0...100).map { xbar - 0.5 + Double($0) / 100 }
        let series = [
            DataSeries(name: "x_t", x: early.indices.map(Double.init), y: early, figure: fig + " (iterates)", xLabel: "step t", yLabel: "x"),
            DataSeries(name: "f", x: curve, y: curve.map { f($0).f }, figure: fig + " (landscape)", xLabel: "x", yLabel: "f(x)"),
            DataSeries(name: "last 20 iterates", x: late, y: late.map { f($0).f }, figure: fig + " (landscape)", xLabel: "x", yLabel: "f(x)", style: .points),
        ]
        return CaseOutcome([
            .printed("2/f″(x̄)", printed: 1, computed: 2 / f(xbar).d2, .relative(1e-12, "closed form"), at: "line 471"),
            .judge("GD at η = \(formatNumber(eta)) from \(formatNumber(x0))", measured: "\(behaviour)".prefix(100).description,
                   predicted: "stable period-2 orbit straddling x̄", holds: ok),
            .context("orbit multiplier", multiplier),
        ], series: series)
    }

    // MARK: Figure 5: the single neuron on 1000 points of S¹.

    static let figure5 = Claim(
        id: "CB23.Fig5",
        title: "Figure 5: single ReLU neuron, empirical loss on 1000 points of S¹, η = 2.2 = 1.1d: w_y decays first, then |v − w_x|; period-2 orbit",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 5 and Appendix B.1 prose", lines: 473...480),
        statement: "We train such a model in empirical loss on 1000 data points uniformly sampled from a sphere S¹ … In the end of training, w_y decays to a small value before the imbalance |v − w_x| decays sharply … v and w_x converge to a period-2 orbit. Note that the small residuals of |v − w_x| and w_y are due to the difference between population loss and empirical loss. Figure 5. … η = 2.2 = 1.1d … w̃ = [1, 0] … w⁽⁰⁾ = [0, 0.1] with v⁽⁰⁾ = 0.1.",
        uses: ["CB23.Thm4", "CB23.Prop4"],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 4), meaning: "η (d = 2)"),
            ParameterSpec("samples", .integer, .closed(10, 100_000), required: false, meaning: "points on S¹ (default 1000)"),
        ],
        method: """
        Empirical loss (1/m)Σ(vσ(wᵀx) − σ(w̃ᵀx))² on m seeded points of S¹, exact (sub)gradient, GD from \
        w = [0, 0.1], v = 0.1 for 600 steps. Checked: the first step with |w_y| < 0.02 precedes the first step \
        with |v − w_x| < 0.005 (each: the step from which on it stays below); the tail is a period-2 orbit \
        (core classification) with v₁ < 1 < v₂, and its (v, w_x) are within 20% of the population orbit δ₁, δ₂ of \
        Eq. (6) at K = η/d: the empirical second moments of 1000 points differ from the population's by \
        ≈ 4.5% (one standard deviation) and δ₁ moves 1.4× faster than K near K = 1.1, so 20% is ≈ 3σ; the final |w_y| and |v − w_x| are \
        ≤ 0.02 ('small residuals'). Series: v, w_x, w_y, |v − w_x| against t. Negative control: η = 1.8 \
        (K = 0.9 < 1): no period-2 orbit.
        """,
        expected: .confirmed
    ) { c in
        let eta = try c.number("eta"), m = try c.integer("samples", default: 1000)
        var rng = SeededGenerator(seed: 101)
        let angles = (0..<m).map { _ in 2 * Double.pi * rng.nextUniform() }
        let xs = angles.map { [cos($0), sin($0)] }
        let labels = xs.map { max($0[0], 0) }
        var v = 0.1, w = [0.0, 0.1]
        var hist: [[Double]] = [[v, w[0], w[1]]]
        for _ in 0..<600 {
            var gv = 0.0, gw = [0.0, 0.0]
            for n in 0..<m {
                let z = w[0] * xs[n][0] + w[1] * xs[n][1]
                let a = max(z, 0), r = v * a - labels[n]
                gv += 2 * r * a / Double(m)
                if z > 0 { gw[0] += 2 * r * v * xs[n][0] / Double(m); gw[1] += 2 * r * v * xs[n][1] / Double(m) }
            }
            v -= eta * gv; w[0] -= eta * gw[0]; w[1] -= eta * gw[1]
            guard v.isFinite, abs(v) < 1e6 else { throw ClaimError.computation("diverged") }
            hist.append([v, w[0], w[1]])
        }
        // The first step from which on |w_y| (|v − w_x|) stays below its threshold.
        func settles(_ below: ([Double]) -> Bool) -> Int {
            guard let last = hist.lastIndex(where: { !below($0) }) else { return 0 }
            return last + 1 < hist.count ? last + 1 : Int.max
        }
        let tY = settles { abs($0[2]) < 0.02 }
        let tB = settles { abs($0[0] - $0[1]) < 0.005 }
        let behaviour = TrajectoryClassification.classify(Array(hist.suffix(64)))
        var orbitOK = false
        if case .periodic(2, let orbit, _) = behaviour, let roots = try? CB23ScalarFactorization.equation4Roots(mu: 1, eta: eta / 2) {
            let vs: [Double] = orbit.map { $0[0] }.sorted(), wxs: [Double] = orbit.map { $0[1] }.sorted()
            let near: (Double, Double) -> Bool = { a, b in abs(a - b) <= 0.2 * b }
            orbitOK = vs[0] < 1 && 1 < vs[1] && near(vs[0], roots.0) && near(vs[1], roots.1) && near(wxs[0], roots.0) && near(wxs[1], roots.1)
        }
        let last = hist[hist.count - 1]
        let fig = "Fig. 5: single neuron, empirical loss, η = \(formatNumber(eta))"
        let shown = Array(hist.prefix(200))
        let t = shown.indices.map(Double.init)
        let series = [
            DataSeries(name: "v", x: t, y: shown.map { $0[0] }, figure: fig, xLabel: "step t", yLabel: "value"),
            DataSeries(name: "w_x", x: t, y: shown.map { $0[1] }, figure: fig, xLabel: "step t", yLabel: "value"),
            DataSeries(name: "|w_y|", x: t, y: shown.map { abs($0[2]) }, figure: fig + " (deviations)", xLabel: "step t", yLabel: "magnitude", yScale: .log),
            DataSeries(name: "|v − w_x|", x: t, y: shown.map { abs($0[0] - $0[1]) }, figure: fig + " (deviations)", xLabel: "step t", yLabel: "magnitude", yScale: .log),
        ]
        return CaseOutcome([
            .judge("step from which |w_y| < 0.02 vs step from which |v − w_x| < 0.005", Double(tY), predicted: "earlier than \(tB == Int.max ? "never" : String(tB))",
                   holds: tY < tB && tB != Int.max),
            .judge("final behaviour; v straddles 1 and (v, w_x) is within 20% of Eq. (6)'s δ₁, δ₂", measured: "\(behaviour)".prefix(90).description,
                   predicted: "period-2 orbit near (δᵢ, δᵢ)", holds: orbitOK),
            .judge("final |w_y| and |v − w_x|", max(abs(last[2]), abs(last[0] - last[1])), predicted: "≤ 0.02 (small residuals)",
                   holds: max(abs(last[2]), abs(last[0] - last[1])) <= 0.02),
        ], series: series)
    }

    // MARK: Figure 6: symmetric and quasi-symmetric MF reach the same period-2 orbit.

    static let figure6 = Claim(
        id: "CB23.Fig6",
        title: "Figure 6: 8×8 MF at 1.02 × the EoS threshold; symmetric and quasi-symmetric (α = 0.8) starts reach the same period-2 orbit of σmax (≈ 6.1, 5.3)",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 6 and Appendix B.1 prose", lines: 475...485),
        statement: "We train GD on a matrix factorization problem with X₀X₀ᵀ = C ∈ ℝ^{8×8}. The learning rate is 1.02 × EoS threshold … the training starts near (X₀, X₀) and, for quasi-symmetric case, it starts near (αX₀, 1/αX₀) with α = 0.8 … the quasi-symmetric case achieves the same top singular values in Y and Z … Figure 6. … their leading singular values converge to the same period-2 orbit (about 6.1 and 5.3).",
        uses: ["CB23.Obs2", "CB23.Thm3"],
        parameters: [
            ParameterSpec("factor", .real, .positive, meaning: "η as a multiple of the EoS threshold 1/σ₁² (paper 1.02)"),
            ParameterSpec("alpha", .real, .positive, required: false, meaning: "α of the quasi-symmetric start (default 0.8)"),
            ParameterSpec("steps", .integer, .closed(100, 1_000_000), required: false, meaning: "GD steps (default 20000)"),
        ],
        method: """
        X₀ = U diag(6, 4, 3.5, 3, 2.5, 2, 1.5, 1)Vᵀ (U, V seeded rotations; X₀ and ε are not stated), C = X₀X₀ᵀ, \
        η = factor/σ₁² (1/σ₁² = 2/(2σ₁²) is the EoS threshold of the flattest minimum). Two runs, from \
        (X₀, X₀) + 0.01G and (αX₀, X₀/α) + 0.01G. Checked: both tails are period 2; σmax(Y) = σmax(Z) in the \
        quasi-symmetric run; both runs' σmax take the same two values (relative 1e-6), equal to σ₁δ₁, σ₁δ₂ of \
        Eq. (4). The printed values are scale-dependent (σ₁ is not stated): their ratio 6.1/5.3 is compared \
        with δ₂/δ₁ (printed to two digits). Negative control: factor 0.98 (below EoS), where the quasi-symmetric \
        run stays unbalanced at its start.
        """,
        expected: .confirmed
    ) { c in
        let factor = try c.number("factor"), alpha = try c.number("alpha", default: 0.8)
        let steps = try c.integer("steps", default: 20_000)
        let s: [Double] = [6, 4, 3.5, 3, 2.5, 2, 1.5, 1]
        var rng = SeededGenerator(seed: 103)
        let g1 = rng.gaussianMatrix(rows: 8, columns: 8), g2 = rng.gaussianMatrix(rows: 8, columns: 8)
        let u = CB23Support.jacobiEigen(g1 + g1.transposed).vectors, v = CB23Support.jacobiEigen(g2 + g2.transposed).vectors
        let x0 = u * Matrix.diagonal(s) * v.transposed
        let run = CB23MatrixFactorizationRun(target: Matrix.product(x0, x0, transposeB: true), eta: factor / (s[0] * s[0]))
        var results: [(tail: [[Double]], series: [Double], seriesZ: [Double])] = []
        for a in [1.0, alpha] {
            let y = a * x0 + 0.01 * rng.gaussianMatrix(rows: 8, columns: 8), z = (1 / a) * x0 + 0.01 * rng.gaussianMatrix(rows: 8, columns: 8)
            var state = y.storage + z.storage
            var sy: [Double] = [], sz: [Double] = []
            var tail: [[Double]] = []
            for t in 0..<steps {
                state = run.step(state)
                guard state.allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else { throw ClaimError.computation("MF GD diverged at step \(t)") }
                if t % 100 == 0 || t < 200 { let (p, q) = run.topSingularValues(state); sy.append(p); sz.append(q) }
                if t >= steps - 64 { tail.append(state) }
            }
            results.append((tail, sy, sz))
        }
        // Eq. (4) has the two roots only beyond the threshold (factor > 1).
        let roots = factor > 1 ? try CB23ScalarFactorization.equation4Roots(mu: 1, eta: factor) : nil
        var q: [Quantity] = []
        var valueSets: [[Double]] = []
        for (i, r) in results.enumerated() {
            let behaviour = TrajectoryClassification.classify(r.tail)
            let tops = r.tail.suffix(2).map { run.topSingularValues($0) }
            valueSets.append(tops.map { $0.0 }.sorted())
            let balance = tops.map { abs($0.0 - $0.1) / $0.0 }.max()!
            q.append(.judge(i == 0 ? "symmetric start: behaviour" : "quasi-symmetric start: behaviour", measured: "\(behaviour)".prefix(60).description,
                            predicted: "period 2", holds: behaviour.period == 2))
            if i == 1 { q.append(.judge("quasi-symmetric: |σmax(Y) − σmax(Z)|/σmax(Y) on the orbit", balance, predicted: "≤ 1e-6", holds: balance <= 1e-6)) }
        }
        let same = zip(valueSets[0], valueSets[1]).map { abs($0 - $1) / $0 }.max()!
        q.append(.judge("both runs' σmax values agree (relative)", same, predicted: "≤ 1e-6 (the same orbit)", holds: same <= 1e-6))
        guard let r = roots else { return CaseOutcome(q) }
        let (d1, d2) = r
        let onEq4 = max(abs(valueSets[0][0] - s[0] * d1) / (s[0] * d1), abs(valueSets[0][1] - s[0] * d2) / (s[0] * d2))
        q += [
            .judge("σmax values vs σ₁δ₁, σ₁δ₂ of Eq. (4)", onEq4, predicted: "≤ 1e-6 (relative)", holds: onEq4 <= 1e-6),
            .printed("ratio of the orbit's σmax values δ₂/δ₁ (printed 6.1/5.3)", printed: 6.1 / 5.3, computed: d2 / d1,
                     .absolute(0.02, "6.1 and 5.3 are printed to two digits: ±0.05 each gives ±0.02 on the ratio"), at: "line 485",
                     convention: "scale-free; σ₁ of the paper's X₀ is not stated"),
            .context("σ₁ implied by the printed 6.1 (= 6.1/δ₂)", 6.1 / d2), .context("σ₁ implied by the printed 5.3 (= 5.3/δ₁)", 5.3 / d1),
        ]
        let fig = "Fig. 6: 8×8 MF at \(formatNumber(factor)) × EoS"
        // The σmax samples were taken at every step t < 200 and at every 100th step after it.
        func stepAxis(_ n: Int) -> [Double] {
            var axis: [Double] = []
            for i in 0..<n { axis.append(i < 200 ? Double(i) : Double(200 + (i - 200) * 100)) }
            return axis
        }
        let series = [
            DataSeries(name: "σmax(Y), symmetric", x: stepAxis(results[0].series.count), y: results[0].series, figure: fig + " (symmetric)", xLabel: "step", yLabel: "σmax"),
            DataSeries(name: "σmax(Y), quasi-symmetric", x: stepAxis(results[1].series.count), y: results[1].series, figure: fig + " (quasi-symmetric)", xLabel: "step", yLabel: "σmax"),
            DataSeries(name: "σmax(Z), quasi-symmetric", x: stepAxis(results[1].seriesZ.count), y: results[1].seriesZ, figure: fig + " (quasi-symmetric)", xLabel: "step", yLabel: "σmax"),
        ]
        return CaseOutcome(q, series: series)
    }

    // MARK: Figure 7: ½(xy − 1)² at η = 1.05 and 1.25.

    static let figure7 = Claim(
        id: "CB23.Fig7",
        title: "Figure 7: ½(xy − 1)² at η = 1.05 (period 2) and 1.25 (period 4); |x − y| decays",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 7 and Appendix B.2 prose", lines: 487...508),
        statement: "Figure 7. Running GD on f(x, y) = 1/2(xy − 1)² with learning rate η = 1.05 (top) and η = 1.25 (bottom). When η = 1.05, it converges to a period-2 orbit. When η = 1.25, it converges to a period-4 orbit. In both cases, |x − y| decays sharply.",
        uses: ["CB23.Thm3", "CB23.Prop3"],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 1.5), meaning: "η"),
            ParameterSpec("period", .integer, .closed(1, 16), meaning: "the period the figure shows at this η"),
            ParameterSpec("x0", .real, .positive, meaning: "start x (not stated)"),
            ParameterSpec("y0", .real, .positive, meaning: "start y"),
        ],
        method: """
        GD (13) for 20000 steps; the case holds when the last 64 states are periodic with the given period (core \
        classification) and |x − y| ≤ 1e-10 at the end (decayed from |x₀ − y₀|). Series: xy and |x − y| against t \
        (first 300 steps). Negative control: η = 0.95 (period 1 predicted with decay), where GD stops at an \
        unbalanced minimum and |x − y| stays ≈ 0.24.
        """,
        expected: .confirmed
    ) { c in
        let eta = try c.number("eta"), period = try c.integer("period"), x0 = try c.number("x0"), y0 = try c.number("y0")
        let path = productTrajectory(eta: eta, x0: x0, y0: y0, steps: 20_000)
        guard path.count == 20_001 else { throw ClaimError.computation("GD diverged at step \(path.count)") }
        let behaviour = TrajectoryClassification.classify(path.suffix(64).map { [$0.0, $0.1] })
        let last = path[path.count - 1]
        let shown = Array(path.prefix(300))
        let t = shown.indices.map(Double.init)
        let fig = "Fig. 7: ½(xy − 1)², η = \(formatNumber(eta))"
        let series = [
            DataSeries(name: "xy", x: t, y: shown.map { $0.0 * $0.1 }, figure: fig + " (product)", xLabel: "step t", yLabel: "xy"),
            DataSeries(name: "|x − y|", x: t, y: shown.map { abs($0.0 - $0.1) }, figure: fig + " (imbalance)", xLabel: "step t", yLabel: "|x − y|", yScale: .log),
        ]
        return CaseOutcome([
            .judge("final behaviour", measured: "\(behaviour)".prefix(80).description, predicted: "period \(period)", holds: behaviour.period == period),
            .judge("|x − y| at the end", abs(last.0 - last.1), predicted: "≤ 1e-10 (decays from \(formatNumber(abs(x0 - y0))))", holds: abs(last.0 - last.1) <= 1e-10),
        ], series: series)
    }

    // MARK: Figure 12: period 2 at η = 1.05, 1.235 and period 4 at 1.237.

    static let figure12 = Claim(
        id: "CB23.Fig12",
        title: "Figure 12: ¼(x² − 1)² converges to period-2 orbits at η = 1.05, 1.235 and to a period-4 orbit at 1.237",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 12 and Appendix L", lines: 2068...2075),
        statement: "Figure 12. The convergent orbits of GD on f(x) = 1/4(x² − 1)² with learning rate=1.05, 1.235 and 1.237. The first two smaller learning rates drive to period-2 orbits while the last one goes to an period-4 orbit. The significant bound between period-2 and period-4 is predictable by Taylor expansion around the period-2 orbit, as η = √5 − 1 ≈ 1.236.",
        uses: ["CB23.AppL-claim"],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 1.5), meaning: "η"),
            ParameterSpec("period", .integer, .closed(1, 16), meaning: "the period the figure shows"),
            ParameterSpec("x0", .real, .all, required: false, meaning: "start (default 0.5; not stated)"),
        ],
        method: """
        GD x ← x + η(1 − x²)x for 300000 steps (the orbit's multiplier is −1 ± 0.003 near √5 − 1, so convergence \
        is slow); the tail is classified by the core (relative 1e-6). √5 − 1 is compared with the printed 1.236. \
        Series: the last 40 iterates against t. Negative control: η = 1.237 with period 2 predicted.
        """,
        expected: .confirmed
    ) { c in
        let eta = try c.number("eta"), period = try c.integer("period"), x0 = try c.number("x0", default: 0.5)
        let map: (Double) -> Double = { x in x + eta * (1 - x * x) * x }
        let (states, behaviour) = TrajectoryClassification.iterate(map, from: x0, steps: 300_000)
        let tail = Array(states.suffix(40))
        let series = [DataSeries(name: "η = \(formatNumber(eta))", x: (0..<tail.count).map { Double(states.count - tail.count + $0) }, y: tail,
                                 figure: "Fig. 12: ¼(x² − 1)², last 40 iterates", xLabel: "step t", yLabel: "x", style: .points)]
        return CaseOutcome([
            .judge("final behaviour", measured: "\(behaviour)".prefix(80).description, predicted: "period \(period)", holds: behaviour.period == period),
            .printed("period-2 → period-4 boundary √5 − 1", printed: 1.236, computed: 5.0.squareRoot() - 1,
                     .absolute(5e-4, "printed to three decimals"), at: "line 2075"),
        ], series: series)
    }

    // MARK: Figure 13: the roadmap.

    /// The arrows of the roadmap as Appendix M.1 describes them (l.2085–2098): (from, to) meaning "from is used to obtain to".
    static let roadmapArrows: [(String, String)] = [
        ("CB23.Thm1", "CB23.Prop1"), ("CB23.Lem1", "CB23.Prop1"), ("CB23.Prop1", "CB23.Prop2"),
        ("CB23.Thm2", "CB23.Prop3"), ("CB23.Thm3", "CB23.Prop3"),
        ("CB23.Thm4", "CB23.Prop4"), ("CB23.Thm3", "CB23.Prop4"),
        ("CB23.Thm3", "CB23.Obs2"),
    ]

    static let figure13 = Claim(
        id: "CB23.Fig13",
        title: "Figure 13: the roadmap of implications agrees with the dependencies recorded from the proofs",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 13 and Appendix M.1", lines: 2083...2098),
        statement: "Figure 13. Connections between our presented theoretical results. The arrows stand for “implies”. LG stands for Local Geometry. MF stands for Matrix Factorization. [M.1: Theorem 1 and Lemma 1 … generalize … Theorem 2 … (a) Multi-parameter … Theorem 3 … (b) Nonlinear … Theorem 4 … (c) High-dimension … Observation 2 … from Theorem 1 and Lemma 1, we prove a condition for base models … Prop 1 … a composition rule … Prop 2.]",
        uses: [],
        parameters: [
            ParameterSpec("extra", .choice(["none", "fabricated"]), required: false,
                          meaning: "none: the roadmap's arrows; fabricated: add the arrow Prop2 → Thm4, which the paper does not draw"),
        ],
        method: """
        The figure is a diagram without data. Its arrows between formal statements, as Appendix M.1 spells them \
        out, are compared with the `uses` lists of the registered CB23 claims (taken from the proofs): an arrow \
        A → B is supported when A is reachable from B through `uses`. Arrows that M.1 draws only as motivation \
        (Theorem 1/Lemma 1 → Theorem 2, 'local geometry' → global convergence) are not proof dependencies and \
        are not tested. Negative control: a fabricated arrow Prop 2 → Theorem 4.
        """,
        expected: .confirmed
    ) { c in
        var arrows = roadmapArrows
        if try c.text("extra", default: "none") == "fabricated" { arrows.append(("CB23.Prop2", "CB23.Thm4")) }
        let uses = Dictionary(CB23Claims.all.map { ($0.id, $0.uses) }, uniquingKeysWith: { a, _ in a })
        func reachable(_ from: String, _ to: String) -> Bool {
            var seen: Set<String> = [], stack = [to]
            while let n = stack.popLast() {
                if n == from { return true }
                guard seen.insert(n).inserted else { continue }
                stack += uses[n] ?? []
            }
            return false
        }
        let missing = arrows.filter { !reachable($0.0, $0.1) }
        return CaseOutcome([
            .judge("roadmap arrows not supported by the recorded dependencies", Double(missing.count),
                   predicted: "0 of \(arrows.count)", holds: missing.isEmpty),
        ], note: missing.map { "\($0.0) → \($0.1)" }.joined(separator: "; "))
    }
}
