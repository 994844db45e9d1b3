#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import EOSCore
@testable import EOSModels

/// f(x) = ½ Σ λ_i x_i²: GD is x_{t+1} = (1 − ηλ_i) x_t, so x_t = (1 − ηλ_i)^t x_0 in closed form.
struct DiagonalQuadratic: DifferentiableLoss {
    let curvatures: [Double]
    var dimension: Int { curvatures.count }
    func value(_ x: [Double]) -> Double {
        (0..<x.count).reduce(0) { $0 + 0.5 * curvatures[$1] * x[$1] * x[$1] }
    }
    func gradient(_ x: [Double]) -> [Double] { (0..<x.count).map { curvatures[$0] * x[$0] } }
    func hessianVectorProduct(_ x: [Double], _ v: [Double]) -> [Double] {
        (0..<v.count).map { curvatures[$0] * v[$0] }
    }
}

/// One GD run on ½λx² from x_0 = 1, with multiplier q = 1 − ηλ.
struct QuadraticCase: Sendable, CustomTestStringConvertible {
    let curvature: Double
    let learningRate: Double
    var multiplier: Double { 1 - learningRate * curvature }
    var testDescription: String { "λ = \(curvature), η = \(learningRate) (ηλ = \(learningRate * curvature))" }
    /// First-order bound on the relative rounding added per step to x: λx, η·(λx) and the
    /// subtraction each round once, and the subtraction divides relative errors by |q|.
    var perStepRelativeError: Double { (2 * learningRate * curvature + 1) * .ulpOfOne / abs(multiplier) }
}

@Suite("GradientDescent")
struct GradientDescentTests {
    @Test("η < 2/λ: GD on ½λx² converges, with loss ½λ(1 − ηλ)^{2t} at every step",
          arguments: [QuadraticCase(curvature: 4, learningRate: 0.1),
                      QuadraticCase(curvature: 4, learningRate: 0.3),
                      QuadraticCase(curvature: 4, learningRate: 0.45)])
    func convergesBelowThreshold(_ c: QuadraticCase) {
        let steps = 150
        let run = GradientDescent(learningRate: c.learningRate, steps: steps)
            .run(DiagonalQuadratic(curvatures: [c.curvature]), from: [1])
        #expect(run.outcome == .completed)
        #expect(run.losses.count == steps + 1)
        for (t, f) in run.losses.enumerated() {
            let closed = 0.5 * c.curvature * pow(c.multiplier, Double(2 * t))
            // x_t carries ≤ t·β relative rounding (β per step), f ∝ x² doubles it; pow ≤ 1 ulp.
            let tolerance = (2 * Double(t) * c.perStepRelativeError + 4 * .ulpOfOne) * closed
            #expect(abs(f - closed) <= tolerance, "step \(t): \(f) vs \(closed)")
        }
        // The measured contraction rate (geometric mean of loss ratios) is q².
        let rate = pow(run.losses[steps] / run.losses[0], 1 / Double(steps))
        #expect(abs(rate - c.multiplier * c.multiplier) <= 4 * c.perStepRelativeError * c.multiplier * c.multiplier)
    }

    @Test("η > 2/λ: GD diverges at the first step with |1 − ηλ|^t > bound, growing by (1 − ηλ)² per step",
          arguments: [QuadraticCase(curvature: 4, learningRate: 0.55),
                      QuadraticCase(curvature: 4, learningRate: 0.75),
                      QuadraticCase(curvature: 4, learningRate: 1.0)])
    func divergesAboveThreshold(_ c: QuadraticCase) throws {
        let bound = 1e12
        let run = GradientDescent(learningRate: c.learningRate, steps: 10_000, parameterBound: bound)
            .run(DiagonalQuadratic(curvatures: [c.curvature]), from: [1])
        // Closed form: |x_t| = |q|^t > B first at t⋆ = ⌊ln B / ln|q|⌋ + 1.
        let exponent = log(bound) / log(abs(c.multiplier))
        // The prediction is only sharp away from a tie; rounding of x_t is ~ t·β ≈ 1e-13 relative.
        try #require(abs(exponent - exponent.rounded()) > 1e-6)
        let predicted = Int(exponent.rounded(.down)) + 1
        #expect(run.outcome == .diverged(atStep: predicted))
        #expect(run.divergenceStep == predicted)
        #expect(run.losses.count == predicted, "series end at the last healthy step")
        #expect(run.losses.allSatisfy { $0.isFinite } && run.finalParameters.allSatisfy { $0.isFinite })
        #expect(abs(run.finalParameters[0]) <= bound && abs(run.finalParameters[0]) * abs(c.multiplier) > bound)
        let last = run.lastStep
        let rate = pow(run.losses[last] / run.losses[0], 1 / Double(last))
        #expect(abs(rate - c.multiplier * c.multiplier) <= 4 * c.perStepRelativeError * c.multiplier * c.multiplier)
    }

    @Test("η = 2/λ exactly: the period-2 orbit x_t = (−1)^t, neither converging nor diverging")
    func periodTwoAtThreshold() {
        // ηλ = 2 exactly and x − 2x = −x is exact: the iterates are exactly ±1.
        let run = GradientDescent(learningRate: 0.5, steps: 1000, tailLength: 4)
            .run(DiagonalQuadratic(curvatures: [4]), from: [1])
        #expect(run.outcome == .completed)
        #expect(run.losses.allSatisfy { $0 == 2 })
        #expect(run.tail == [[-1], [1], [-1], [1]])           // steps 997…1000
        #expect(run.tailStartStep == 997)
        #expect(TrajectoryClassification.classify(run.tail).period == 2)
    }

    @Test("divergence by overflow: stops at the first non-finite loss and returns no NaN or ∞")
    func stopsAtFirstNonFiniteLoss() throws {
        // q = −3; only non-finite values count (bounds at the largest finite double). The loss
        // 0.5·λ·x·x = 2x² overflows first, at |x| > √(M/2), M = greatestFiniteMagnitude.
        let run = GradientDescent(learningRate: 1, steps: 10_000, parameterBound: .greatestFiniteMagnitude)
            .run(DiagonalQuadratic(curvatures: [4]), from: [1])
        let exponent = log((Double.greatestFiniteMagnitude / 2).squareRoot()) / log(3.0)
        try #require(abs(exponent - exponent.rounded()) > 1e-6)   // not a tie (see above)
        #expect(run.divergenceStep == Int(exponent.rounded(.down)) + 1)
        #expect(run.losses.allSatisfy { $0.isFinite })
        #expect(run.tail.allSatisfy { $0.allSatisfy { $0.isFinite } })
    }

    @Test("divergence by the loss bound: f = 2·4^t > 10⁶ first at t = 10")
    func stopsAtLossBound() {
        // q = −2, f_t = ½·4·4^t; 2·4⁹ = 524288 ≤ 10⁶ < 2·4¹⁰ (exact in binary).
        let run = GradientDescent(learningRate: 0.75, steps: 100, lossBound: 1e6)
            .run(DiagonalQuadratic(curvatures: [4]), from: [1])
        #expect(run.outcome == .diverged(atStep: 10))
        #expect(run.finalLoss == 524288)
        #expect(run.finalParameters == [-512])
    }

    @Test("records observables and sharpness every k steps and at the last, and keeps the tail in order")
    func recording() {
        let loss = DiagonalQuadratic(curvatures: [1, 4])
        let eta = 0.1
        let config = GradientDescent(learningRate: eta, steps: 95, recordEvery: 10, tailLength: 7)
        let run = config.run(loss, from: [1, 1],
                             observables: [.init("first") { $0[0] }, .init("second") { $0[1] }],
                             sharpness: { _ in 4 })
        #expect(run.recordedSteps == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95])
        #expect(run.observableNames == ["first", "second"])
        #expect(run.sharpness == [Double](repeating: 4, count: 11))
        // x_t = (0.9^t, 0.6^t): ≤ t·β relative (β from QuadraticCase) plus 1 ulp for pow.
        let cases = [QuadraticCase(curvature: 1, learningRate: eta), QuadraticCase(curvature: 4, learningRate: eta)]
        for (k, name) in ["first", "second"].enumerated() {
            let series = run.observations[name]!
            #expect(series.count == run.recordedSteps.count)
            for (s, t) in run.recordedSteps.enumerated() {
                let closed = pow(cases[k].multiplier, Double(t))
                #expect(abs(series[s] - closed) <= (Double(t) * cases[k].perStepRelativeError + 2 * .ulpOfOne) * closed)
            }
        }
        #expect(run.tail.count == 7 && run.tailStartStep == 89 && run.lastStep == 95)
        for (j, x) in run.tail.enumerated() {
            let t = Double(89 + j)
            #expect(abs(x[0] - pow(0.9, t)) <= (t * cases[0].perStepRelativeError + 2 * .ulpOfOne) * pow(0.9, t))
            #expect(abs(x[1] - pow(0.6, t)) <= (t * cases[1].perStepRelativeError + 2 * .ulpOfOne) * pow(0.6, t))
        }
        #expect(run.finalParameters == run.tail.last!)
    }

    @Test("a short run keeps only the states it has; zero steps records θ₀ alone")
    func shortRuns() {
        let loss = DiagonalQuadratic(curvatures: [2])
        let zero = GradientDescent(learningRate: 0.1, steps: 0).run(loss, from: [3])
        #expect(zero.losses == [9] && zero.tail == [[3]] && zero.recordedSteps == [0])
        let three = GradientDescent(learningRate: 0.25, steps: 3, tailLength: 100).run(loss, from: [1])
        #expect(three.tail == [[1], [0.5], [0.25], [0.125]])      // q = 0.5, exact in binary
        #expect(three.tailStartStep == 0)
    }

    @Test("DMF GD from the balanced init stays diagonal and its diagonals follow scalar GD on Eq. 5, index by index")
    func dmfReducesToScalarGD() {
        let sigmaStar = [3.0, 1.5, 0.5]
        let depth = 3, alpha = 0.5, eta = 0.05, steps = 1000
        let model = DeepMatrixFactorization(target: Matrix.diagonal(sigmaStar), depth: depth)
        let gd = GradientDescent(learningRate: eta, steps: steps)
        let run = gd.run(model, from: model.balancedInitialization(alpha))
        #expect(run.outcome == .completed)
        // Diagonal layers multiply to diagonal products: off-diagonal entries stay exactly 0.
        #expect(model.svsResidual(run.finalParameters) == 0)
        let dmfSigma = model.layerSingularValues(run.finalParameters)
        for i in 0..<sigmaStar.count {
            let scalar = gd.run(model.scalarLoss(index: i), from: [Double](repeating: alpha, count: depth))
            // Same GD map on the same numbers, evaluated with products in a different order:
            // a few ε per step, not amplified because the run contracts onto the minimum
            // (1000 steps · 8ε ≈ 2e-12).
            for l in 0..<depth {
                #expect(abs(dmfSigma[l][i] - scalar.finalParameters[l]) <= Double(steps) * 8 * .ulpOfOne,
                        "σ_{\(l + 1),\(i)}: \(dmfSigma[l][i]) vs \(scalar.finalParameters[l])")
            }
            // Both fit σ⋆: η = 0.05 < 2/(Lσ⋆^{2−2/L}) for every index (stable balanced minimum);
            // the slowest index (σ⋆ = 0.5, sharpness 3·0.5^{4/3} ≈ 1.19) contracts by
            // 1 − 0.05·1.19 ≈ 0.94 per step, so ~700 steps after the escape leave ≲ 1e-12.
            #expect(abs(scalar.finalParameters.reduce(1, *) - sigmaStar[i]) <= 1e-12)
        }
        #expect(run.finalLoss! <= 1e-24)
    }
}
