import EOSCore

/// One run of Appendix B.3.1: `epochs` full-batch GD steps at η from the initialisation (22), then
/// `decayEpochs` at η = 0.5; the ratios ‖wᵢ‖/vᵢ and the loss after every epoch.
struct CB23TeacherStudentRun {
    var ratios: [[Double]] = []
    var losses: [Double] = []
    var v: [Double]
    var w: [Double]
    let k: [Double]

    init(model: CB23TeacherStudent, eta: Double, epochs: Int, decayEpochs: Int, seed: UInt64) throws {
        let start = model.initialisation(seed: seed)
        v = start.v
        w = start.w
        k = start.k
        ratios.append(model.ratios(v: v, w: w))
        for t in 0..<(epochs + decayEpochs) {
            let rate = t < epochs ? eta : 0.5
            let g = model.lossAndGradient(v: v, w: w)
            guard g.loss.isFinite, g.loss < 1e6 else { throw ClaimError.computation("teacher–student GD diverged at epoch \(t)") }
            losses.append(g.loss)
            for i in v.indices { v[i] -= rate * g.gv[i] }
            for i in w.indices { w[i] -= rate * g.gw[i] }
            ratios.append(model.ratios(v: v, w: w))
        }
    }
}

extension CB23Claims {
    /// Sharpness of the minima (21) with all kᵢ = k on a grid of k, and the k² of the flattest one (parabola
    /// through the grid minimum and its neighbours).
    static func flattestTeacherStudentMinimum(_ model: CB23TeacherStudent, grid n: Int) -> (k2: Double, sharpness: Double, ks: [Double], values: [Double]) {
        let ks = (0..<n).map { 0.9 + 0.4 * Double($0) / Double(n - 1) }
        let values = ks.map { k -> Double in let p = model.minimum(k: k); return model.gaussNewtonSharpness(v: p.v, w: p.w) }
        let i = min(max(values.indices.min { values[$0] < values[$1] }!, 1), n - 2)
        let (a, b, c) = (values[i - 1], values[i], values[i + 1]), h = ks[1] - ks[0]
        let denominator = a - 2 * b + c
        let shift = denominator > 0 ? 0.5 * h * (a - c) / denominator : 0
        let kStar = ks[i] + shift
        let best = b - 0.25 * (a - c) * shift / h
        return (kStar * kStar, best, ks, values)
    }

    // MARK: Appendix B.3.1: the 16-neuron teacher–student experiment.

    static let appendixB3Claim2 = Claim(
        id: "CB23.AppB3-claim2",
        title: "16 ReLU neurons: EoS threshold ≈ 2.5; lr 0.5 keeps the ratios kᵢ², lr 2.6 drives all to k² ≈ 1.21, the flattest minimum",
        source: ClaimSource(seed: Seed.cb23, statement: "Appendix B.3.1 (Eqs. 18–22)", lines: 518...538),
        statement: "M = {(v_i, w_i) : w_i = k_i·e_i, v_i = 1/k_i, k_i > 0} (21) … the EoS threshold of learning rate is around 2.5 … All neurons with lr=0.5 stay at the original ratio k_i². But those with lr=2.6 all converge to the same ratio around k² = ‖w‖/v = 1.21 … Actually, k² = 1.21 is the best choice of {k_i} such that the minima is the flattest. Therefore … GD beyond the edge of stability drives to the flattest minima.",
        uses: [],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 3), meaning: "learning rate of the first phase"),
            ParameterSpec("expect", .choice(["flattest", "stay"]), meaning: "flattest: ratios converge to the flattest k²; stay: ratios stay at kᵢ²"),
            ParameterSpec("samples", .integer, .closed(100, 100_000), required: false, meaning: "data points on S¹⁵ (paper: 10000; default 2000)"),
            ParameterSpec("epochs", .integer, .closed(1, 10_000), required: false, meaning: "epochs at η (default 100)"),
        ],
        method: """
        Eqs. (18)–(22) with d = 16, m points uniform on S¹⁵ (seeded; the paper uses 10000, the CI cases 2000). \
        The sharpness of the minima (21) with equal kᵢ = k is the top eigenvalue of the Gauss–Newton matrix \
        (2/m)JᵀJ (the Hessian at zero loss; power iteration) on 7 values of k ∈ [0.9, 1.3]; a parabola through the \
        smallest gives the flattest k² (printed 1.21) and 2/sharpness the EoS threshold (printed 'around 2.5'; 40 power iterations). \
        GD from (22) for 100 epochs at η, then 20 at 0.5. 'flattest': the ratios ‖wᵢ‖/vᵢ after the first phase have \
        a spread (max − min)/mean ≤ 0.1 ('the same ratio'; GD is still oscillating) and a mean within 5% of the \
        flattest k² ('around'), and, after the decay, the Gauss–Newton sharpness is within 1% of \
        the flattest minimum's; 'stay': every ratio is within 5% of kᵢ². Negative control: η = 0.5 predicted \
        to reach the flattest ratio.
        """,
        expected: .confirmed
    ) { c in
        let eta = try c.number("eta"), flattest = try c.text("expect") == "flattest"
        let model = CB23TeacherStudent(dimension: 16, width: 16, samples: try c.integer("samples", default: 2000), seed: 79)
        let best = flattestTeacherStudentMinimum(model, grid: 7)
        let run = try CB23TeacherStudentRun(model: model, eta: eta, epochs: try c.integer("epochs", default: 100), decayEpochs: flattest ? 20 : 0, seed: 83)
        let epochs = run.losses.count - (flattest ? 20 : 0)
        let afterFirst = run.ratios[epochs]
        var q: [Quantity] = [
            .printed("flattest k² over the minima (21)", printed: 1.21, computed: best.k2,
                     .absolute(0.03, "read off Figure 8(e–f); m sampled points and a 7-point k grid with a parabola"), at: "line 536"),
            .printed("EoS threshold 2/sharpness of the flattest minimum", printed: 2.5, computed: 2 / best.sharpness,
                     .absolute(0.1, "printed as 'around 2.5'"), at: "line 528"),
        ]
        if flattest {
            let mean = afterFirst.reduce(0, +) / Double(afterFirst.count)
            let spread = (afterFirst.max()! - afterFirst.min()!) / mean
            let final = model.gaussNewtonSharpness(v: run.v, w: run.w)
            q.append(.judge("spread (max − min)/mean of ‖wᵢ‖/vᵢ after \(epochs) epochs at η = \(formatNumber(eta))", spread,
                            predicted: "≤ 0.1 ('all converge to the same ratio'; the start spreads over 1 … 3.75)", holds: spread <= 0.1))
            q.append(.judge("|mean ratio − k*²|/k*²", abs(mean - best.k2) / best.k2, predicted: "≤ 0.05 ('around')",
                            holds: abs(mean - best.k2) / best.k2 <= 0.05))
            q.append(.judge("sharpness after the decay / flattest", final / best.sharpness, predicted: "≤ 1.01", holds: final / best.sharpness <= 1.01))
        } else {
            let worst = zip(afterFirst, run.k).map { abs($0 - $1 * $1) / ($1 * $1) }.max()!
            q.append(.judge("max |‖wᵢ‖/vᵢ − kᵢ²|/kᵢ² after \(epochs) epochs at η = \(formatNumber(eta))", worst,
                            predicted: "≤ 0.05 (stays at the original ratio)", holds: worst <= 0.05))
        }
        q.append(.context("mean ratio after the first phase", afterFirst.reduce(0, +) / Double(afterFirst.count)))
        q.append(.context("loss at the end", run.losses.last ?? .nan))
        return CaseOutcome(q)
    }

    static let appendixB3Claim3 = Claim(
        notCheckableOffline: "CB23.AppB3-claim3",
        title: "3-, 4-, 5-layer ReLU MLPs on MNIST: gradient aligns with the top Hessian eigenvector; 3f‴² − f″f⁗ > 0 at line-search minima",
        source: ClaimSource(seed: Seed.cb23, statement: "Appendix B.3.2", lines: 542...565),
        statement: "our finding in the low-dimension setting in Theorem 1 is possible to generalize to high-dimensional setting … 1. the oscillation direction (gradient) aligns with the top eigenvector of Hessian. 2. the 1D function at the cross-section of oscillation direction and high-dim loss landscape satisfies the conditions in Theorem 1. … GD is beyond EoS during epochs 10-14 and 21-60 … cosine similarity between the top Hessian eigenvector v₁ and the gradient is pretty close to 1 … most points have 3[f⁽³⁾]² − f⁽²⁾f⁽⁴⁾ > 0 except a few points, all of which are not in the EoS regime.",
        dataset: "MNIST")

    // MARK: Figure 8.

    static let figure8 = Claim(
        id: "CB23.Fig8",
        title: "Figure 8: 16-neuron teacher–student; lr 0.5 stays at kᵢ², lr 2.6 converges to the flattest ratio ≈ 1.21",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 8 (panels a–f)", lines: 569...590),
        statement: "Figure 8. Result of 2-layer 16-neuron teacher-student experiment. (a) Training loss (b) Sharpness (c) ratio of ‖w_i‖ and v_i during training (d) final ratio of ‖w_i‖ and v_i when lr=2.6 (e) sharpness for different ratio √(‖w_i‖/v_i) (f) sharpness for different ratio √(‖w_i‖/v_i) (zoom-in).",
        uses: ["CB23.AppB3-claim2"],
        parameters: [
            ParameterSpec("small", .real, .open(0, 3), meaning: "the small learning rate (paper 0.5)"),
            ParameterSpec("large", .real, .open(0, 3), meaning: "the large learning rate (paper 2.6)"),
            ParameterSpec("samples", .integer, .closed(100, 100_000), required: false, meaning: "data points (paper 10000; default 2000)"),
        ],
        method: """
        Both runs of CB23.AppB3-claim2 (100 epochs, then 20 at 0.5 for the large rate) and the sharpness curve \
        of the minima (21). Series: (a) loss per epoch (log), (c) ‖wᵢ‖/vᵢ per epoch for the 16 neurons of each \
        run (every second epoch), (d) the final ratios, (e) sharpness against k. The figure's statement holds \
        when the small-rate ratios stay within 5% of kᵢ² and the large-rate ratios end on one ratio around the \
        flattest k² (half their spread over the mean and the mean's distance to k*² both ≤ 5%). Negative control: 'large' = 0.6, below the EoS threshold.
        """,
        expected: .confirmed
    ) { c in
        let small = try c.number("small"), large = try c.number("large")
        let model = CB23TeacherStudent(dimension: 16, width: 16, samples: try c.integer("samples", default: 2000), seed: 79)
        let best = flattestTeacherStudentMinimum(model, grid: 7)
        let a = try CB23TeacherStudentRun(model: model, eta: small, epochs: 100, decayEpochs: 0, seed: 83)
        let b = try CB23TeacherStudentRun(model: model, eta: large, epochs: 100, decayEpochs: 20, seed: 83)
        let stay = zip(a.ratios[100], a.k).map { abs($0 - $1 * $1) / ($1 * $1) }.max()!
        let finalRatios = b.ratios[100]
        let mean = finalRatios.reduce(0, +) / Double(finalRatios.count)
        let drive = max((finalRatios.max()! - finalRatios.min()!) / mean / 2, abs(mean - best.k2) / best.k2)
        var series: [DataSeries] = [
            DataSeries(name: "lr = \(formatNumber(small))", x: a.losses.indices.map(Double.init), y: a.losses,
                       figure: "Fig. 8(a): training loss", xLabel: "epoch", yLabel: "loss", yScale: .log),
            DataSeries(name: "lr = \(formatNumber(large)) (then 0.5)", x: b.losses.indices.map(Double.init), y: b.losses,
                       figure: "Fig. 8(a): training loss", xLabel: "epoch", yLabel: "loss", yScale: .log),
            DataSeries(name: "final ratios, lr = \(formatNumber(large))", x: (1...16).map(Double.init), y: b.ratios[100],
                       figure: "Fig. 8(d): final ‖wᵢ‖/vᵢ", xLabel: "neuron i", yLabel: "‖wᵢ‖/vᵢ", style: .points),
            DataSeries(name: "sharpness of (21) with kᵢ = k", x: best.ks, y: best.values,
                       figure: "Fig. 8(e): sharpness of the minima", xLabel: "k = √(‖w‖/v)", yLabel: "sharpness", style: .points),
        ]
        for (run, rate) in [(a, small), (b, large)] {
            for i in stride(from: 0, to: 16, by: 3) {
                let epochs = stride(from: 0, to: run.ratios.count, by: 2).map { $0 }
                series.append(DataSeries(name: "lr = \(formatNumber(rate)), neuron \(i + 1)", x: epochs.map(Double.init),
                                         y: epochs.map { run.ratios[$0][i] }, figure: "Fig. 8(c): ‖wᵢ‖/vᵢ during training",
                                         xLabel: "epoch", yLabel: "‖wᵢ‖/vᵢ"))
            }
        }
        return CaseOutcome([
            .judge("lr = \(formatNumber(small)): max |‖wᵢ‖/vᵢ − kᵢ²|/kᵢ² after 100 epochs", stay, predicted: "≤ 0.05", holds: stay <= 0.05),
            .judge("lr = \(formatNumber(large)): max(half-spread/mean of ‖wᵢ‖/vᵢ, |mean − k*²|/k*²) after 100 epochs", drive,
                   predicted: "≤ 0.05 (one common ratio around the flattest k²)", holds: drive <= 0.05),
            .context("flattest k*²", best.k2),
        ], series: series)
    }

    static let figure9 = Claim(notCheckableOffline: "CB23.Fig9", title: "Figure 9: 3-layer ReLU MLP on MNIST (loss, sharpness, gradient–eigenvector cosine, 3f‴² − f″f⁗)",
                               source: ClaimSource(seed: Seed.cb23, statement: "Figure 9", lines: 594...609),
                               statement: "Figure 9. Result of 3-layer ReLU MLPs on MNIST. Both (c) and (d) are for learning rate as 0.5. (a) Training loss (b) Sharpness (c) similarity of gradient and top eig-vector v₁ (d) 3[f⁽³⁾]² − f⁽²⁾f⁽⁴⁾ at line search minima",
                               dataset: "MNIST")
    static let figure10 = Claim(notCheckableOffline: "CB23.Fig10", title: "Figure 10: 4-layer ReLU MLP on MNIST",
                                source: ClaimSource(seed: Seed.cb23, statement: "Figure 10", lines: 615...629),
                                statement: "Figure 10. Result of 4-layer ReLU MLPs on MNIST. (a) Training loss (b) Sharpness (c) similarity of gradient and top eig-vector v₁ (d) 3[f⁽³⁾]² − f⁽²⁾f⁽⁴⁾ at line search minima",
                                dataset: "MNIST")
    static let figure11 = Claim(notCheckableOffline: "CB23.Fig11", title: "Figure 11: 5-layer ReLU MLP on MNIST",
                                source: ClaimSource(seed: Seed.cb23, statement: "Figure 11", lines: 632...632),
                                statement: "Figure 11. Result of 5-layer ReLU MLPs on MNIST.", dataset: "MNIST")
}
