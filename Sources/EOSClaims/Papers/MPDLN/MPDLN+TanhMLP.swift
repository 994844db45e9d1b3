import Foundation
import EOSCore

extension MPDLNClaims {
    static let tanhParameters: [ParameterSpec] = [
        ParameterSpec("s", .vector(minCount: 1, distinct: true, descending: true), .positive,
                      meaning: "target singular values; Y = diag(s) (canonical basis, so U = V = I)"),
        ParameterSpec("K", .integer, .closed(2, 4), meaning: "pathways"),
        ParameterSpec("L", .integer, .closed(2, 5), meaning: "depth (tanh after every layer but the last)"),
        ParameterSpec("alphas", .vector(minCount: 2, distinct: false, descending: false), .positive,
                      meaning: "initial scales: W_{k,l}(0) = α_k I + noise·G"),
        ParameterSpec("noise", .real, .nonNegative, meaning: "size of the seeded Gaussian part of the initialisation"),
        ParameterSpec("steps", .integer, .closed(1, 200_000), meaning: "GD steps per run"),
        ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "initialisation seed (default 1)"),
    ]

    static func tanhRun(_ c: ClaimCase, eta: Double, recordEvery: Int) throws -> TanhMLPRun {
        let s = try c.vector("s"), alphas = try c.vector("alphas")
        let k = try c.integer("K")
        guard alphas.count == k else { throw ClaimError.computation("need one α per pathway") }
        let mlp = MultiPathwayTanhMLP(target: Matrix.diagonal(s), pathways: k, depth: try c.integer("L"))
        return try TanhMLPRun(mlp, alphas: alphas, noise: try c.number("noise"), seed: UInt64(try c.integer("seed", default: 1)),
                              eta: eta, steps: try c.integer("steps"), recordEvery: recordEvery)
    }

    static func tanhSeries(_ run: TanhMLPRun, figure: String) -> [DataSeries] {
        let t = run.recordedSteps.map(Double.init)
        var out: [DataSeries] = []
        for k in run.sigmas[0].indices {
            for i in run.sigmas[0][k].indices {
                out.append(DataSeries(name: "σ_{\(k + 1),\(i + 1)}(t)", x: t, y: run.sigmas.map { $0[k][i] },
                                      figure: figure, xLabel: "GD step t", yLabel: "projection u_iᵀ f_k(I) v_i"))
            }
        }
        return out
    }

    /// The two runs of the §5.1 nonlinear check and their judged quantities.
    static func tanhComparison(_ c: ClaimCase) throws -> (quantities: [Quantity], stable: TanhMLPRun, large: TanhMLPRun) {
        let etaStable = try c.number("etaStable"), etaLarge = try c.number("etaLarge")
        let every = max(try c.integer("steps") / 500, 1)
        let stable = try tanhRun(c, eta: etaStable, recordEvery: every)
        let large = try tanhRun(c, eta: etaLarge, recordEvery: every)
        let minStable = stable.finalShares.min()!, maxLarge = large.finalShares.max()!
        return ([
            .judge("stable η: both runs reach a global minimum (final losses, max)", max(stable.finalLoss, large.finalLoss),
                   predicted: "≤ 1e-10 (converged)", holds: max(stable.finalLoss, large.finalLoss) <= 1e-10),
            .judge("stable η: min over modes of the dominant share", minStable, predicted: "≥ 0.95 (winner-takes-all)", holds: minStable >= 0.95),
            .judge("large η: max over modes of the dominant share", maxLarge, predicted: "≤ 0.9 (balanced)", holds: maxLarge <= 0.9),
            .judge("sharpness at the large-η minimum ÷ at the stable-η minimum", large.finalSharpness / stable.finalSharpness,
                   predicted: "< 0.9 (flatter)", holds: large.finalSharpness < 0.9 * stable.finalSharpness),
            .context("sharpness (stable η)", stable.finalSharpness), .context("sharpness (large η)", large.finalSharpness),
            .context("2/η (large)", 2 / etaLarge),
        ], stable, large)
    }

    /// Section 5.1, nonlinear setting (l.97).
    static let section5_1Claim3 = Claim(
        id: "MPDLN.Sec5.1-claim3",
        title: "multi-pathway Tanh MLPs: winner-takes-all at stable η, a flatter balanced minimum at large η [settings lost]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Section 5.1, Nonlinear Setting", lines: 97...97),
        statement: """
        While our theory assumes linearity, we observe the same transition in multi-pathway MLPs with Tanh activation \
        (Figure 3). Following Shi et al. (2022), we use the canonical basis for inputs and initialize the weights from \
        [lost]. We monitor learning dynamics via the projection [lost]. In the stable regime ([lost]), we recover the \
        "winner-takes-all" symmetry breaking of linear networks. A large learning rate ([lost]) instead drives the \
        system toward a flatter, balanced minimum ([lost]), suggesting that the re-balancing mechanism extends to \
        nonlinear architectures. … MLPs typically need slightly higher rates than linear networks to fully balance. \
        [The initialisation, projection and learning rates are lost.]
        """,
        uses: ["MPDLN.Sec5.1-claim1", "MPDLN.Sec5.1-claim2"],
        parameters: tanhParameters + [
            ParameterSpec("etaStable", .real, .positive, meaning: "stable-regime step"),
            ParameterSpec("etaLarge", .real, .positive, meaning: "large step"),
        ],
        method: """
        Our settings (the paper's are lost): K = 2 pathways of depth 3, tanh after layers 1–2, inputs the canonical \
        basis of ℝ², Y = diag(1, 0.5), W_{k,l}(0) = α_k I + 0.001·G with α = (0.03, 0.036), projection σ_{k,i} = \
        u_iᵀf_k(I)v_i (here e_iᵀf_k(I)e_i). GD with back-propagated gradients; the final sharpness is the top \
        eigenvalue of the dense Hessian built from central-difference HVPs. Judged: both runs converge (loss ≤ 1e-10); \
        at the stable step every mode's dominant share is ≥ 0.95; at the large step every share is ≤ 0.9 and the \
        minimum is flatter (sharpness < 0.9× the stable one). The thresholds 0.95/0.9 are our reading of \
        "winner-takes-all"/"balanced". Negative control: the "large" step equal to the stable one.
        """,
        expected: .confirmed
    ) { c in
        CaseOutcome(try tanhComparison(c).quantities)
    }

    /// Figure 3 (l.97): Tanh multi-pathway MLPs, stable vs large η.
    static let figure3 = Claim(
        id: "MPDLN.Fig3",
        title: "Fig. 3: Tanh multi-pathway MLP projections, stable η (winner-takes-all) vs large η (balanced) [settings lost]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Figure 3 (caption lost; described at l.97)", lines: 97...97),
        statement: """
        We observe the same transition in multi-pathway MLPs with Tanh activation (Figure 3). … In the stable regime, \
        we recover the "winner-takes-all" symmetry breaking of linear networks. A large learning rate instead drives the \
        system toward a flatter, balanced minimum. [Caption and settings lost.]
        """,
        uses: ["MPDLN.Sec5.1-claim3"],
        parameters: section5_1Claim3.parameters,
        method: """
        The check of MPDLN.Sec5.1-claim3 at our settings, with the projections σ_{k,i}(t) of both runs attached as the \
        figure's two panels. Negative control: the "large" step equal to the stable one.
        """,
        expected: .confirmed
    ) { c in
        let (q, stable, large) = try tanhComparison(c)
        return CaseOutcome(q, series: tanhSeries(stable, figure: "Fig. 3: Tanh MLP, stable η = \(formatNumber(stable.eta))")
                            + tanhSeries(large, figure: "Fig. 3: Tanh MLP, large η = \(formatNumber(large.eta))"))
    }

    /// Figure 7 (Appendix G; l.97): MLPs at additional learning rates.
    static let figure7 = Claim(
        id: "MPDLN.Fig7",
        title: "Fig. 7: Tanh MLPs across learning rates balance progressively and need higher rates than the linear network to fully balance [settings lost]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Figure 7 (Appendix G; referenced at l.97)", lines: 97...97),
        statement: """
        Figure 7 in Appendix G shows results at additional learning rates; MLPs typically need slightly higher rates than \
        linear networks to fully balance. [Appendix G is empty cells; the rates are lost.]
        """,
        uses: ["MPDLN.Sec5.1-claim3"],
        parameters: tanhParameters + [
            ParameterSpec("etas", .vector(minCount: 2, distinct: true, descending: false), .positive, meaning: "learning rates (ascending)"),
        ],
        method: """
        At each η of the grid: the Tanh MLP (settings of MPDLN.Sec5.1-claim3) and the LINEAR network with the same K, L, \
        s_1 and α (exact mode recursion, Eq. 54) are trained; the mode-1 dominant share is recorded. The linear network \
        balances fully only at exactly 2/λ_min (above it the balanced minimum is unstable), so "needs higher rates to \
        fully balance" is tested as: at every grid rate inside the linear window (2/λ_single, 2/λ_min) where both \
        runs settle (MLP loss ≤ 1e-10, linear |r| ≤ 1e-6 s), the MLP is LESS balanced than the linear network (at least \
        one such rate is required). Also judged: the MLP share at the largest η is below that at the smallest by ≥ 0.2 \
        (progressive balancing). Drawn: both shares against η. Negative control: a grid of small rates only, where nothing balances.
        """,
        expected: .confirmed
    ) { c in
        let etas = try c.vector("etas"), s = try c.vector("s"), alphas = try c.vector("alphas")
        let depth = try c.integer("L"), steps = try c.integer("steps")
        let l = Double(depth), k = Double(alphas.count)
        let linSingle = 2 / (l * pow(s[0], 2 - 2 / l)), linMin = 2 / (l * k * pow(s[0] / k, 2 - 2 / l))
        var mlpShares: [Double] = [], linShares: [Double] = []
        var compared = 0, mlpLessBalanced = 0
        for eta in etas {
            let run = try? tanhRun(c, eta: eta, recordEvery: steps)
            let share = run?.finalShares[0] ?? .nan
            mlpShares.append(share)
            let lin = try? PathwayModeRun(depths: [Int](repeating: depth, count: alphas.count), s: s[0], alphas: alphas,
                                          eta: eta, steps: steps, recordEvery: steps)
            let ls = lin.map { $0.finalSigma.max()! / $0.finalSigma.reduce(0, +) } ?? .nan
            linShares.append(ls)
            // Compare where the linear network re-balances and settles (inside its window) and the MLP converged.
            if let r = lin, let m = run, eta > linSingle, eta < linMin, abs(r.residuals.last!) <= 1e-6 * s[0], m.finalLoss <= 1e-10 {
                compared += 1
                if share > ls { mlpLessBalanced += 1 }
            }
        }
        let progress = mlpShares.first! - mlpShares.last!
        let figure = "Fig. 7: mode-1 dominant share against η (Tanh MLP vs linear)"
        return CaseOutcome([
            .judge("MLP share at the smallest η − at the largest", progress, predicted: "≥ 0.2 (balances progressively)", holds: progress >= 0.2),
            .judge("grid rates inside the linear window (2/λ_single, 2/λ_min) where both settle", Double(compared),
                   predicted: "≥ 1", holds: compared >= 1),
            .judge("of those, rates where the MLP is less balanced than the linear network", Double(mlpLessBalanced),
                   predicted: "all (MLPs need higher rates to balance as much)", holds: compared >= 1 && mlpLessBalanced == compared),
            .context("linear 2/λ_single", linSingle), .context("linear 2/λ_min", linMin),
        ], series: [
            DataSeries(name: "Tanh MLP", x: etas, y: mlpShares, figure: figure, xLabel: "η", yLabel: "max_k σ_{k,1} / Σ_k σ_{k,1}", style: .points),
            DataSeries(name: "linear", x: etas, y: linShares, figure: figure, xLabel: "η", yLabel: "max_k σ_{k,1} / Σ_k σ_{k,1}", style: .points),
        ])
    }
}
