#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import EOSCore

private let eps = Double.ulpOfOne

/// The logistic map F_r(x) = r x (1 − x) and its derivative F_r′(x) = r (1 − 2x).
private func logistic(_ r: Double) -> @Sendable (Double) -> Double { { x in r * x * (1 - x) } }
private func logisticDerivative(_ r: Double) -> @Sendable (Double) -> Double { { x in r * (1 - 2 * x) } }

/// The 2-cycle of the logistic map (r > 3): ((r + 1) ± √((r − 3)(r + 1)))/(2r), ascending.
private func logisticTwoCycle(_ r: Double) -> [Double] {
    let s = ((r - 3) * (r + 1)).squareRoot()
    return [(r + 1 - s) / (2 * r), (r + 1 + s) / (2 * r)]
}

@Suite("Trajectory classification of discrete dynamical systems")
struct TrajectoryClassificationTests {
    @Test("logistic r = 2.8 converges to the fixed point 1 − 1/r")
    func logisticFixedPoint() throws {
        let r = 2.8
        let behaviour = TrajectoryClassification.classifyMap(logistic(r), from: 0.2, steps: 2000)
        guard case let .converged(point) = behaviour else {
            Issue.record("expected convergence, got \(behaviour)"); return
        }
        // The floating-point iteration settles within the rounding of one step (≈ 3ε·x, x ≈ 0.64)
        // divided by 1 − |F′| = 0.2 of the fixed point: ≈ 2e-15; 1e-14 leaves room for the
        // rounding of the closed form.
        #expect(abs(point[0] - (1 - 1 / r)) <= 1e-14, "point \(point[0])")
        // Its multiplier is F′(1 − 1/r) = 2 − r (closed form), |2 − r| < 1: stable.
        let m = try #require(OrbitMultiplier.multiplier(of: behaviour, derivative: logisticDerivative(r)))
        // F′ = r(1 − 2x) amplifies the point's error by 2r ≈ 5.6: 5.6e-14, plus rounding.
        #expect(abs(m - (2 - r)) <= 6e-14, "multiplier \(m) vs 2 − r")
        #expect(OrbitMultiplier.isLinearlyStable(m))
    }

    @Test("logistic 2-cycle: orbit points and multiplier −r² + 2r + 4 match the closed forms",
          arguments: [3.1, 3.2, 3.4])
    func logisticTwoCycleAgainstClosedForm(r: Double) throws {
        let behaviour = TrajectoryClassification.classifyMap(logistic(r), from: 0.2, steps: 4000)
        guard case let .periodic(period, orbit, amplitude) = behaviour else {
            Issue.record("expected a 2-cycle at r = \(r), got \(behaviour)"); return
        }
        #expect(period == 2)
        let points = orbit.map { $0[0] }.sorted()
        let expected = logisticTwoCycle(r)
        // Multipliers m(3.1) = 0.59, m(3.2) = 0.16, m(3.4) = −0.76: the simulated orbit sits within
        // ≈ 4ε (two steps of rounding) / (1 − |m|) ≤ 4e-15 of the exact cycle; the closed form
        // has a few ulps of its own (√ and divisions). 1e-14 covers both.
        for (x, e) in zip(points, expected) {
            #expect(abs(x - e) <= 1e-14, "orbit point \(x) vs closed form \(e) at r = \(r)")
        }
        // Amplitude is the distance between the two points; same error budget, doubled.
        #expect(abs(amplitude - (expected[1] - expected[0])) <= 2e-14)
        // Multiplier Π F′(xᵢ) at the simulated points vs −r² + 2r + 4 (the classical closed form).
        let m = try #require(OrbitMultiplier.multiplier(of: behaviour, derivative: logisticDerivative(r)))
        // |∂m/∂xᵢ| = 2r |F′(x_j)| ≤ 2·3.4·3.4 ≈ 23 times the 1e-14 point error, per point: ≤ 5e-13.
        #expect(abs(m - (-r * r + 2 * r + 4)) <= 5e-13, "multiplier \(m) at r = \(r)")
        #expect(OrbitMultiplier.isLinearlyStable(m))
    }

    @Test("negative control: at r = 3.5 the 2-cycle exists (closed form) but is unstable, and the run is not period 2")
    func unstableTwoCycle() {
        let r = 3.5
        // Multiplier at the closed-form points: −r² + 2r + 4 = −1.25, |m| > 1.
        let m = OrbitMultiplier.multiplier(orbit: logisticTwoCycle(r), derivative: logisticDerivative(r))
        // The points are 3/7 and 6/7 rounded (½ ulp each); ∂m/∂xᵢ ≤ 2r·r = 24.5, so ≤ 6e-15 plus
        // the rounding of the product.
        #expect(abs(m - (-1.25)) <= 1e-14)
        #expect(!OrbitMultiplier.isLinearlyStable(m))
        let behaviour = TrajectoryClassification.classifyMap(logistic(r), from: 0.2, steps: 4000)
        #expect(behaviour.period == 4, "\(behaviour)")
    }

    /// Independent check of the 4-cycle: its points are the roots of F⁴(x) − x in [0, 1] that
    /// are not roots of F²(x) − x (fixed points and the 2-cycle), found by the all-roots scan.
    @Test("logistic r = 3.5 has period 4; the orbit is the set of roots of F⁴(x) = x that are not roots of F²(x) = x")
    func logisticPeriodFour() throws {
        let r = 3.5
        let f = logistic(r)
        let behaviour = TrajectoryClassification.classifyMap(f, from: 0.2, steps: 4000)
        guard case let .periodic(period, orbit, _) = behaviour else {
            Issue.record("expected a 4-cycle, got \(behaviour)"); return
        }
        #expect(period == 4)
        let simulated = orbit.map { $0[0] }.sorted()

        let four = try RootFinding.allRoots(in: 0, 1) { x in f(f(f(f(x)))) - x }
        let two = try RootFinding.allRoots(in: 0, 1) { x in f(f(x)) - x }
        #expect(two.roots.count == 4, "F²(x) = x: 0, 1 − 1/r and the 2-cycle; got \(two.roots)")
        let primePeriodFour = four.roots.filter { x in !two.roots.contains { abs($0 - x) < 1e-8 } }
        try #require(primePeriodFour.count == 4, "roots of F⁴ − x: \(four.roots)")
        // Both sides carry the rounding of four applications of F (≤ Σ_k ε·|F′|ᵏ ≤ ε(1 + 3.5 +
        // 3.5² + 3.5³) ≈ 60ε) divided by |1 − m₄| ≈ 1.03 for the root and 1 − |m₄| ≈ 0.97 for the
        // attracting simulation (m₄ ≈ −0.03): ≤ 2·62ε ≈ 2.8e-14.
        for (x, e) in zip(simulated, primePeriodFour) {
            #expect(abs(x - e) <= 2.8e-14, "simulated \(x) vs root \(e)")
        }
        let m4 = OrbitMultiplier.multiplier(orbit: simulated, derivative: logisticDerivative(r))
        #expect(OrbitMultiplier.isLinearlyStable(m4), "m₄ = \(m4)")
    }

    @Test("negative controls: a period-4 run is aperiodic when maxPeriod = 3; a 2-cycle when maxPeriod = 1")
    func maxPeriodControl() {
        let options3 = TrajectoryClassification.Options(maxPeriod: 3)
        let b4 = TrajectoryClassification.classifyMap(logistic(3.5), from: 0.2, steps: 4000, options: options3)
        guard case .boundedAperiodic = b4 else { Issue.record("got \(b4)"); return }
        let options1 = TrajectoryClassification.Options(maxPeriod: 1)
        let b2 = TrajectoryClassification.classifyMap(logistic(3.2), from: 0.2, steps: 4000, options: options1)
        guard case let .boundedAperiodic(spread) = b2 else { Issue.record("got \(b2)"); return }
        // The spread of a 2-cycle is the distance between its points (closed form, ulps of error).
        let cycle = logisticTwoCycle(3.2)
        #expect(abs(spread - (cycle[1] - cycle[0])) <= 1e-14)
    }

    @Test("logistic r = 3.9 is bounded and aperiodic, inside the invariant interval [F(r/4), r/4]")
    func logisticChaos() {
        let r = 3.9
        let behaviour = TrajectoryClassification.classifyMap(logistic(r), from: 0.2, steps: 5000)
        guard case let .boundedAperiodic(spread) = behaviour else {
            Issue.record("expected aperiodic, got \(behaviour)"); return
        }
        // The attractor lies in [F(r/4), r/4] = [r²(4 − r)/16, r/4] (closed form): spread ≤ its width.
        let width = r / 4 - r * r * (4 - r) / 16
        #expect(spread > 0 && spread <= width + 4 * eps, "spread \(spread), interval width \(width)")
    }

    @Test("x ↦ 2x + 1 from 0 diverges at the first n with 2ⁿ − 1 > bound (closed form)",
          arguments: [1e12, 1e6, 1e100])
    func linearDivergence(bound: Double) {
        // xₙ = 2ⁿ − 1 exactly (while below 2⁵³); first n with 2ⁿ − 1 > bound.
        let expectedStep = Int(log2(bound + 1).rounded(.up))
        let options = TrajectoryClassification.Options(bound: bound)
        let (states, behaviour) = TrajectoryClassification.iterate({ 2 * $0 + 1 }, from: 0, steps: 1000,
                                                                   options: options)
        #expect(behaviour == .diverged(step: expectedStep))
        #expect(states.count == expectedStep + 1, "the run stops at the diverged state")
        #expect(TrajectoryClassification.classify(scalars: states, options: options) == behaviour)
        #expect(TrajectoryClassification.classifyMap({ 2 * $0 + 1 }, from: 0, steps: 1000, options: options)
                == behaviour)
        // The same on ℝ², via the streaming monitor.
        let vector = TrajectoryClassification.classifyMap({ x in x.map { 2 * $0 + 1 } }, from: [0, 0],
                                                          steps: 1000, options: options)
        #expect(vector == behaviour)
    }

    @Test("a NaN state is divergence at its step; DivergenceGuard stops a loop there")
    func nanDivergenceAndGuard() {
        // x ↦ √(x − 1) from 5: 2, 1, 0, then √(−1) = NaN at step 4.
        let map: (Double) -> Double = { ($0 - 1).squareRoot() }
        #expect(TrajectoryClassification.classifyMap(map, from: 5, steps: 100) == .diverged(step: 4))
        var guardian = DivergenceGuard()
        var x = 5.0, lastStep = 0
        for t in 1...100 {
            x = map(x)
            lastStep = t
            guard guardian.check(step: t, value: x) else { break }
        }
        #expect(lastStep == 4 && guardian.divergedAt == 4)
        let healthyAfter = guardian.check(step: 5, state: [0])
        #expect(!healthyAfter, "stays diverged, keeps the first step")
        #expect(guardian.divergedAt == 4)
    }

    @Test("convergence to 0 is recognised through the absolute tolerance: x ↦ x/2")
    func convergenceToZero() {
        // After 200 steps the 64-state tail is 2⁻¹³⁷…2⁻²⁰⁰: every step moves < 10⁻¹² (absolute part).
        let behaviour = TrajectoryClassification.classifyMap({ $0 / 2 }, from: 1, steps: 200)
        #expect(behaviour == .converged(point: [0x1p-200]))  // exact: halving is exact in binary
        // Negative control: after 100 steps the tail starts at 2⁻³⁷ and its first step,
        // 2⁻³⁸ ≈ 3.6e-12, exceeds 10⁻⁶·2⁻³⁷ + 10⁻¹² ≈ 1.0e-12: not yet converged.
        let early = TrajectoryClassification.classifyMap({ $0 / 2 }, from: 1, steps: 100)
        #expect(early.period == nil, "\(early)")
    }

    @Test("caveat: slow convergence (x ↦ 0.999x, 100 steps) is not yet 'converged' at tolerance 1e-6")
    func slowConvergence() {
        let behaviour = TrajectoryClassification.classifyMap({ 0.999 * $0 }, from: 1, steps: 100)
        // ‖xₜ₊₁ − xₜ‖ = 0.001·xₜ ≈ 9e-4 ≫ 1e-6·max‖xₜ‖; no period fits either.
        guard case .boundedAperiodic = behaviour else { Issue.record("got \(behaviour)"); return }
    }

    /// (x, y) ↦ (F_{3.2}(x), F_{3.5}(y)): a 2-cycle times a 4-cycle has period lcm(2, 4) = 4.
    @Test("streaming monitor (ring buffer) equals batch classification on ℝ²; the period is lcm(2, 4)")
    func streamingMatchesBatch() {
        let f = logistic(3.2), g = logistic(3.5)
        var states: [[Double]] = [[0.2, 0.3]]
        var monitor = TrajectoryMonitor()
        let firstHealthy = monitor.record(states[0])
        #expect(firstHealthy)
        for _ in 0..<3001 {
            let x = states[states.count - 1]
            let next = [f(x[0]), g(x[1])]
            states.append(next)
            let healthy = monitor.record(next)
            #expect(healthy)
        }
        let batch = TrajectoryClassification.classify(states)
        #expect(monitor.behaviour == batch)  // exact: same stored values, same arithmetic
        #expect(batch.period == 4, "\(batch)")
        // Shorter than the tail (no wrap-around): still the same as batch.
        var short = TrajectoryMonitor()
        for s in states.prefix(10) { short.record(s) }
        #expect(short.behaviour == TrajectoryClassification.classify(Array(states.prefix(10))))
    }

    // MARK: Multipliers of orbits on ℝⁿ

    /// 2×2 matrices whose eigenvalues follow from the quadratic formula
    /// λ = (tr ± √(tr² − 4 det))/2, ρ = √det for a complex pair.
    static let twoByTwo: [[[Double]]] = [
        [[0.9, 2], [0.1, -0.95]],       // real, the dominant one negative
        [[0.5, 0.8], [-0.3, 0.2]],      // complex pair, |λ| = √0.34
        [[0.9, 1], [0, 0.9]],           // Jordan block, ρ = 0.9
        [[0.7 * cos(1.0), -0.7 * sin(1.0)], [0.7 * sin(1.0), 0.7 * cos(1.0)]],  // 0.7 · rotation
        [[0, 1], [0, 0]],               // nilpotent, ρ = 0
    ]

    @Test("fixed point of a linear map x ↦ Ax on ℝ²: spectral radius vs the quadratic formula",
          arguments: twoByTwo)
    func linearMapFixedPoint(_ rows: [[Double]]) {
        let a = Matrix(rows)
        let rho = OrbitMultiplier.spectralRadius(orbit: [[0, 0]]) { _ in a }
        let tr = a[0, 0] + a[1, 1], det = a[0, 0] * a[1, 1] - a[0, 1] * a[1, 0]
        let disc = tr * tr - 4 * det
        let expected = disc >= 0
            ? max(abs(tr + disc.squareRoot()), abs(tr - disc.squareRoot())) / 2
            : det.squareRoot()
        // Well-conditioned eigenvalues (κ ≤ ~20 here; the Jordan and nilpotent cases are
        // triangular, which squaring keeps exactly triangular): rounding ≈ κ·few ε, and the
        // Gelfand truncation ≤ log(√2 κ)/2⁶⁰ is negligible; 1e-13 covers both with margin.
        #expect(abs(rho - expected) <= 1e-13, "ρ = \(rho), expected \(expected)")
    }

    /// A = Q T Q with Q = I − 2vvᵀ/vᵀv (a symmetric orthogonal reflector, Q⁻¹ = Q), T upper block
    /// triangular with eigenvalues 0.3, −0.7 and 0.6 ± 0.5i: ρ = √0.61, attained by a complex pair
    /// of a non-normal matrix.
    @Test("non-normal 4×4 with a complex dominant pair: spectral radius √0.61")
    func nonNormalFourByFour() {
        let t = Matrix([[0.3, 5, -2, 1], [0, -0.7, 3, 4], [0, 0, 0.6, -0.5], [0, 0, 0.5, 0.6]])
        let v = [1.0, 2, -1, 0.5]
        var q = Matrix.identity(4)
        let vv = v.dot(v)
        for i in 0..<4 { for j in 0..<4 { q[i, j] -= 2 * v[i] * v[j] / vv } }
        let a = q * t * q
        let rho = OrbitMultiplier.spectralRadius(of: a)
        // κ(λ) ≈ 23 for the pair (computed offline from the eigenvectors), ‖A‖_F ≈ 7.5 and a few
        // ε of rounding in forming A and in the squarings: ≈ 23·7.5·4ε ≈ 1.5e-13; 1e-12 with margin.
        #expect(abs(rho - 0.61.squareRoot()) <= 1e-12, "ρ = \(rho)")
    }

    /// G(z) = S⁻¹ F(S z) with F(x, y) = (F_{3.2}(x), F_{3.3}(y)) and S = [[1, 0.5], [0.2, 1]]:
    /// the Jacobians S⁻¹ DF S are full and their product is non-normal, but its eigenvalues are
    /// the 2-cycle multipliers of the two logistic maps, −r² + 2r + 4 = 0.16 and −0.29: ρ = 0.29.
    @Test("2-cycle of a coupled map on ℝ²: spectral radius of the Jacobian product vs closed forms")
    func coupledTwoCycle() throws {
        let s = Matrix([[1, 0.5], [0.2, 1]])
        let sInverse = (1 / 0.9) * Matrix([[1, -0.5], [-0.2, 1]])  // det S = 0.9
        let f1 = logistic(3.2), f2 = logistic(3.3)
        let map: ([Double]) -> [Double] = { z in
            let x = s * z
            return sInverse * [f1(x[0]), f2(x[1])]
        }
        let jacobian: ([Double]) -> Matrix = { z in
            let x = s * z
            return sInverse * Matrix.diagonal([3.2 * (1 - 2 * x[0]), 3.3 * (1 - 2 * x[1])]) * s
        }
        let behaviour = TrajectoryClassification.classifyMap(map, from: sInverse * [0.2, 0.3], steps: 4000)
        let orbit = try #require(behaviour.orbit, "\(behaviour)")
        #expect(orbit.count == 2)
        let rho = OrbitMultiplier.spectralRadius(orbit: orbit, jacobian: jacobian)
        let expected = max(abs(-3.2 * 3.2 + 2 * 3.2 + 4), abs(-3.3 * 3.3 + 2 * 3.3 + 4))
        // Orbit points within ≈ 4ε·κ(S)/(1 − 0.29) ≈ 2.6e-15 of the exact cycle (κ(S) ≈ 2.1);
        // each moves the multiplier by ≤ 2r·|F′| ≈ 23 times that, and the eigenvalue's condition
        // is ≤ κ(S): 2·23·2.1·2.6e-15 ≈ 2.5e-13; 1e-12 with margin.
        #expect(abs(rho - expected) <= 1e-12, "ρ = \(rho), expected \(expected)")
        // The product is in time order, DF(x₁)·DF(x₀); the other cyclic order has the same
        // spectrum: same trace (rounding of 2×2 products of entries ≤ 4: ≤ 1e-14) and same ρ
        // (both computed to ≈ κ·few ε ≈ 1e-15).
        let p01 = OrbitMultiplier.jacobianProduct(orbit: orbit, jacobian: jacobian)
        let p10 = OrbitMultiplier.jacobianProduct(orbit: orbit.reversed(), jacobian: jacobian)
        #expect(abs(p01.trace - p10.trace) <= 1e-14)
        #expect(abs(OrbitMultiplier.spectralRadius(of: p10) - rho) <= 1e-14)
    }
}
