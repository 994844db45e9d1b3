import Foundation
import EOSCore

extension DLNEOSClaims {
    /// The descent lemma of the introduction.
    static let equationDescent = Claim(
        id: "DLN-EOS.Eq-Descent",
        title: "Descent lemma: L(Θ(t+1)) ≤ L(Θ(t)) − η(2 − ηβ)/2·‖∇L‖² for β-smooth L; monotone decrease for η < 2/β",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Equation (introduction): descent lemma", lines: 23...31),
        statement: """
        The "descent lemma" from classical optimization theory says that for a β-smooth loss L(Θ) parameterized by Θ, GD iterates satisfy L(Θ(t+1)) ≤ L(Θ(t)) − (η(2 − ηβ)/2)‖∇L(Θ(t))‖₂², and so if the learning rate is such that η < 2/β, then the loss monotonically decreases.
        """,
        parameters: [ParameterSpec("etaTimesBeta", .real, .open(0, 10), meaning: "η·β"),
                     ParameterSpec("dimension", .integer, .closed(1, 50), meaning: "n of the test losses")],
        method: """
        Two β-smooth test losses with known β: a quadratic ½xᵀAx (seeded SPD A, β = λ_max(A) by Jacobi), and \
        the smooth non-quadratic Σ_i log cosh(a_iᵀx) + ½μ‖x‖² (β ≤ ‖A‖₂² + μ). For 200 seeded points the \
        one-step inequality must hold (1e-12 relative slack for rounding) and 100 GD steps must decrease the \
        loss monotonically. Negative control: η·β = 2.2 > 2, where the quadratic's loss grows along its top \
        eigenvector (the monotone decrease fails; the inequality's right side is then above L(Θ(t))).
        """,
        expected: .confirmed
    ) { c in
        let eb = try c.number("etaTimesBeta"), n = try c.integer("dimension")
        var gen = SeededGenerator(seed: 123)
        let g = gen.gaussianMatrix(rows: n, columns: n)
        let a = Matrix.product(g, transposeA: true, g) + 0.1 * Matrix.identity(n)
        let beta = DLN.symmetricEigenvalues(a).first!
        let m = gen.gaussianMatrix(rows: n, columns: n)
        let mu = 0.1
        let sv = DLN.singularValues(m).first!
        let betaLC = sv * sv + mu
        typealias F = (value: ([Double]) -> Double, grad: ([Double]) -> [Double], beta: Double)
        let quad: F = ({ x in 0.5 * x.dot(a * x) }, { x in a * x }, beta)
        let lc: F = ({ x in (m * x).reduce(0) { $0 + log(cosh($1)) } + 0.5 * mu * x.dot(x) },
                     { x in
                        let t = (m * x).map { tanh($0) }
                        var gr = [Double](repeating: 0, count: n)
                        for i in 0..<n { for k in 0..<n { gr[i] += m[k, i] * t[k] } ; gr[i] += mu * x[i] }
                        return gr }, betaLC)
        var worst = -Double.infinity, monotone = true
        for f in [quad, lc] {
            let eta = eb / f.beta
            for _ in 0..<200 {
                let x = gen.gaussianVector(n)
                let gr = f.grad(x)
                let next = zip(x, gr).map { $0 - eta * $1 }
                let lhs = f.value(next), rhs = f.value(x) - eta * (2 - eta * f.beta) / 2 * gr.dot(gr)
                worst = max(worst, (lhs - rhs) / max(1, abs(f.value(x))))
            }
            var x = gen.gaussianVector(n), prev = f.value(x)
            for _ in 0..<100 {
                let gr = f.grad(x)
                x = zip(x, gr).map { $0 - eta * $1 }
                let v = f.value(x)
                if v > prev * (1 + 1e-14) + 1e-300 { monotone = false }
                prev = v
            }
        }
        return CaseOutcome([
            .judge("max (L(t+1) − bound) / max(1, L(t)) over 400 steps", worst, predicted: "≤ 1e-12 (rounding)", holds: worst <= 1e-12),
            .judge("loss monotonically decreasing over 100 GD steps (both losses)", measured: monotone ? "yes" : "no", predicted: "yes (η < 2/β)", holds: monotone),
            .context("β of the quadratic", beta), .context("β bound of the log-cosh loss", betaLC),
        ])
    }
}
