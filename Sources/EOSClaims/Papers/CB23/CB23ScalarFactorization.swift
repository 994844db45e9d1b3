import EOSCore

/// GD on the asymmetric scalar factorisation f(x, y) = ½(xy − µ)² (Eq. 13 of the paper):
/// x ← x − η(xy − µ)y, y ← y − η(xy − µ)x.
struct CB23ScalarFactorization: Sendable {
    let mu: Double
    let eta: Double

    func step(_ x: Double, _ y: Double) -> (Double, Double) {
        let r = x * y - mu
        return (x - eta * r * y, y - eta * r * x)
    }

    /// A run from (x₀, y₀): whether x, y stayed positive, and |x − y| at the points with xy > µ
    /// (the set P of Theorem 3), in time order.
    struct Run {
        var stayedPositive = true
        var gapsInP: [Double] = []
        var last: (Double, Double) = (0, 0)
    }

    func run(from x0: Double, _ y0: Double, steps: Int) -> Run {
        var r = Run()
        var (x, y) = (x0, y0)
        for _ in 0...steps {
            if !(x > 0 && y > 0 && x.isFinite && y.isFinite) { r.stayedPositive = false; break }
            if x * y > mu { r.gapsInP.append(abs(x - y)) }
            (x, y) = step(x, y)
        }
        r.last = (x, y)
        return r
    }

    /// The solutions δ₁ ∈ (0, √µ), δ₂ ∈ (√µ, 2√µ/√3) of Eq. (4), η = 1/(δ²(√(µ/δ² − 3/4) + 1/2)), by Brent's
    /// method (η(δ) increases from 1/µ at … ; both brackets are checked by the solver).
    static func equation4Roots(mu: Double, eta: Double) throws -> (Double, Double) {
        let root = mu.squareRoot(), top = 2 * root / 3.0.squareRoot()
        func residual(_ d: Double) -> Double {
            let inner = max(mu / (d * d) - 0.75, 0)
            return 1 / (d * d * (inner.squareRoot() + 0.5)) - eta
        }
        // The brackets stop one part in 10⁹ short of √µ, where the residual is η·µ − 1 ≠ 0 but tiny.
        let d1 = try RootFinding.brent(in: 1e-3 * root, root * (1 - 1e-9), residual)
        let d2 = try RootFinding.brent(in: root * (1 + 1e-9), top, residual)
        return (d1, d2)
    }
}
