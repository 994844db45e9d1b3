import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// Figure 11 (l.936–942; App. B.1 l.901–935): the depth-4 toy (x⁴ − 0.8)² + (y⁴ − 1)².
    static let fig11 = Claim(
        id: "DLN-EOS.Fig11",
        title: "depth-4 toy (x⁴ − 0.8)² + (y⁴ − 1)²: for 2/λ_1 < η < 2/λ_2 only y oscillates (period 2), for η > 2/λ_2 both oscillate",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 11 (with App. B.1, DLN and Holder Table Function Plots)", lines: 901...942),
        statement: """
        z = L(x, y) = (x⁴ − 0.8)² + (y⁴ − 1)² (7), which corresponds to a 4-layer network. […] We calculate the \
        eigenvalues λ1 and λ2 at the minimum (0.8^{0.25}, 1) and plot the dynamics of the iterates for step size range \
        2/λ2 > η > 2/λ1 and η > 2/λ2. When 2/λ2 > η > 2/λ1 the x-coordinate stays fixed at the minima 0.8^{0.25} and the \
        y-coordinate oscillates around its minimum at y = 1. […] when η > 2/λ2, oscillations occur in both the x and y \
        direction. Figure 11: […] X, Y axes are the eigenvectors of the Hessian with eigenvalues λ1 and λ2 respectively. \
        Top: when η > 2/λ1, the X component remains fixed, while the Y component oscillates with a periodicity of 2. \
        Bottom: for η > 2/λ2, the iterates oscillation in both directions.
        """,
        uses: ["DLN-EOS.Eq7"],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 1), meaning: "learning rate (the figure's values are not printed)"),
            ParameterSpec("x0", .real, .positive, meaning: "x(0) (not printed)"),
            ParameterSpec("y0", .real, .positive, meaning: "y(0) (not printed)"),
            ParameterSpec("steps", .integer, .closed(600, 1_000_000), meaning: "GD steps"),
            ParameterSpec("panel", .choice(["yOnly", "both"]), meaning: "top (only y oscillates) or bottom (both) of Fig. 11"),
        ],
        method: """
        The Hessian at (0.8^{1/4}, 1) is diag(32·0.8^{3/2}, 32) = diag(22.90, 32) (closed form 2(4x³)²), so λ1 = 32 \
        belongs to y and λ2 = 22.90 to x (the caption's "X, Y … λ1 and λ2 respectively" swaps them; the text's \
        conditions are used). GD on (7) (exact gradient 8(x⁴ − a)x³ per coordinate); the tails of x and y are classified \
        separately. Top: x converged to 0.8^{1/4}, y period 2; bottom: both not converged. Negative control: η = 0.06 < \
        2/λ1 judged as top (y converges). The sharpness max(f_xx, f_yy) along the run is the figure's middle panel.
        """,
        expected: .confirmed
    ) { c in
        let eta = try c.number("eta"), steps = try c.integer("steps"), panel = try c.text("panel")
        var x = try c.number("x0"), y = try c.number("y0")
        let ax = 0.8, ay = 1.0
        let lambdaX = 32 * pow(ax, 1.5), lambdaY = 32 * pow(ay, 1.5)
        var xs: [Double] = [x], ys: [Double] = [y], sharp: [Double] = []
        func curvature(_ v: Double, _ a: Double) -> Double { 32 * pow(v, 6) + 24 * v * v * (pow(v, 4) - a) }
        for t in 0..<steps {
            sharp.append(max(curvature(x, ax), curvature(y, ay)))
            x -= eta * 8 * (pow(x, 4) - ax) * pow(x, 3)
            y -= eta * 8 * (pow(y, 4) - ay) * pow(y, 3)
            guard x.isFinite, y.isFinite, abs(x) < 1e6, abs(y) < 1e6 else {
                throw ClaimError.diverged(step: t + 1, what: "toy (7) at η = \(formatNumber(eta))")
            }
            xs.append(x); ys.append(y)
        }
        let px = TrajectoryClassification.classify(scalars: xs, options: DLNFig.orbitOptions).period
        let py = TrajectoryClassification.classify(scalars: ys, options: DLNFig.orbitOptions).period
        let word: (Int?) -> String = { p in p.map { $0 == 1 ? "converged" : "period \($0)" } ?? "aperiodic" }
        var q: [Quantity] = [.context("2/λ1 (y)", 2 / lambdaY), .context("2/λ2 (x)", 2 / lambdaX), .context("η", eta)]
        if panel == "yOnly" {
            q += [.judge("x", measured: word(px), predicted: "converged at 0.8^{1/4}",
                         holds: px == 1 && abs(xs.last! - pow(ax, 0.25)) <= 1e-9),
                  .judge("y", measured: word(py), predicted: "period 2 about 1", holds: py == 2)]
        } else {
            q += [.judge("x", measured: word(px), predicted: "oscillating", holds: px != 1),
                  .judge("y", measured: word(py), predicted: "oscillating", holds: py != 1)]
        }
        let k = max(1, xs.count / 1000)
        let idx = Array(stride(from: 0, to: xs.count, by: k))
        let sd = DLNFig.downsample(sharp)
        return CaseOutcome(q, series: [
            DataSeries(name: "GD iterates (x, y)", x: idx.map { xs[$0] }, y: idx.map { ys[$0] },
                       figure: "Fig. 11: iterates on (x⁴ − 0.8)² + (y⁴ − 1)², η = \(formatNumber(eta))",
                       xLabel: "x", yLabel: "y", style: .points),
            DataSeries(name: "sharpness max(f_xx, f_yy)", x: sd.x, y: sd.y,
                       figure: "Fig. 11: sharpness, η = \(formatNumber(eta))", xLabel: "GD step t", yLabel: "sharpness"),
            DataSeries(name: "2/η", x: [0, Double(steps)], y: [2 / eta, 2 / eta],
                       figure: "Fig. 11: sharpness, η = \(formatNumber(eta))", xLabel: "GD step t", yLabel: "sharpness"),
        ])
    }
}
