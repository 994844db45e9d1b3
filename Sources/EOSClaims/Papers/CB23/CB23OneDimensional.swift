import EOSCore

/// A smooth 1-D loss given as a Taylor-mode function, with the GD map and the two-step map of
/// Chen & Bruna (Eq. 3, Definition 2): F_η(x) = x − η f′(x), F_η²(x) = F_η(F_η(x)).
struct CB23Loss1D: Sendable {
    /// f applied to a Taylor series (Double coefficients).
    let jet: @Sendable (Jet<Double>) -> Jet<Double>

    /// f(x₀), f′(x₀), …, f^{(n)}(x₀).
    func derivatives(at x: Double, order: Int) -> [Double] {
        jet(.variable(x, order: order)).derivatives
    }

    /// f′(x), from a first-order jet.
    func gradient(_ x: Double) -> Double { jet(.variable(x, order: 1)).derivative(1) }

    /// One GD step x − η f′(x).
    func step(_ x: Double, eta: Double) -> Double { x - eta * gradient(x) }

    /// F_η²(x₀) − x₀: zero exactly when x₀ is a fixed point of the two-step map.
    func twoStepResidual(_ x0: Double, eta: Double) -> Double {
        step(step(x0, eta: eta), eta: eta) - x0
    }

    /// Runs GD for `steps` steps from x₀ and classifies the tail.
    func run(from x0: Double, eta: Double, steps: Int) -> TrajectoryBehaviour {
        TrajectoryClassification.classifyMap({ x in x - eta * self.gradient(x) }, from: x0, steps: steps)
    }

    /// The learning rates η in the open interval (lo, hi) where F_η²(x₀) = x₀, by a sign-change
    /// scan of the residual on `grid` points refined by Brent's method (the core's `allRoots`).
    func twoCycleRates(x0: Double, in lo: Double, _ hi: Double, grid: Int = 201) throws -> [Double] {
        let scan = try RootFinding.allRoots(in: lo, hi, gridPoints: grid) { eta in
            self.twoStepResidual(x0, eta: eta)
        }
        return scan.roots.filter { $0 > lo && $0 < hi }
    }
}

/// The outcome of running GD near a minimum x̄: whether it ends on a period-2 orbit that
/// straddles x̄ within `radius`, and that orbit.
struct CB23OrbitNearMinimum: Sendable {
    var behaviour: TrajectoryBehaviour
    var low = Double.nan, high = Double.nan
    var straddles = false

    init(loss: CB23Loss1D, minimum xbar: Double, eta: Double, start: Double, steps: Int, radius: Double) {
        behaviour = loss.run(from: start, eta: eta, steps: steps)
        if case .periodic(2, let orbit, _) = behaviour {
            let p = orbit.map { $0[0] }.sorted()
            (low, high) = (p[0], p[1])
            straddles = low < xbar && xbar < high && xbar - low <= radius && high - xbar <= radius
        }
    }

    /// Half the distance between the orbit points.
    var halfWidth: Double { (high - low) / 2 }

    var summary: String {
        straddles ? "period 2 {\(formatNumber(low)), \(formatNumber(high))}" : "\(behaviour)"
    }
}

enum CB23Support {
    /// The amplitude of the period-2 orbit born at η_c = 2/f″(x̄), to leading order in
    /// κ = η/η_c − 1 (normal form of the flip bifurcation, from Eq. 25 of the paper):
    /// (x₂ − x₀)/η = (2f″ − ηf″²)ε + (3f‴² − f″f⁗)/(3f″)·ε³ + … = 0 gives
    /// ε² = 6 f″² κ / (3f‴² − f″f⁗). NaN when the denominator is not positive (no such orbit).
    static func flipAmplitude(f2: Double, f3: Double, f4: Double, kappa: Double) -> Double {
        let d = 3 * f3 * f3 - f2 * f4
        guard d > 0, kappa > 0 else { return .nan }
        return (6 * f2 * f2 * kappa / d).squareRoot()
    }

    /// The lowest order k ≥ 3 whose derivative is non-zero (|f^{(k)}| > `zero`), or nil.
    static func lowestNonzeroOrder(_ d: [Double], zero: Double) -> Int? {
        guard d.count > 3 else { return nil }
        return (3..<d.count).first { abs(d[$0]) > zero }
    }
}
