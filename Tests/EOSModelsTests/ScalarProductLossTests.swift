#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import EOSCore
@testable import EOSModels

/// A point σ of the scalar loss with target σ⋆ and scale c.
struct ScalarCase: Sendable, CustomTestStringConvertible {
    let sigma: [Double]
    let target: Double
    let scale: Double
    var testDescription: String { "σ = \(sigma), σ⋆ = \(target), c = \(scale)" }
    var loss: ScalarProductLoss { ScalarProductLoss(depth: sigma.count, target: target, scale: scale) }
}

@Suite("ScalarProductLoss")
struct ScalarProductLossTests {
    /// Generic points (r ≠ 0), including a zero factor (the unbalanced init has σ_L = 0).
    static let generic: [ScalarCase] = [
        ScalarCase(sigma: [0.7, 1.3], target: 2, scale: 0.5),
        ScalarCase(sigma: [0.9, 1.4, 0.6], target: 3, scale: 0.5),
        ScalarCase(sigma: [1.1, 0.8, 1.7, 0.5], target: 1.5, scale: 1),
        ScalarCase(sigma: [0.2, 0.2, 0.2, 0], target: 4, scale: 0.5),
        ScalarCase(sigma: [1.2, -0.4, 0.9, 1.5, 0.7], target: 0.8, scale: 0.5),
    ]

    /// Global minima, Π σ_i = σ⋆. The first three are exact in binary (dyadic factors), the
    /// last is the balanced minimum σ_i = σ⋆^{1/L} of Lemma 4 (Π σ_i = σ⋆ only to rounding).
    static let minima: [ScalarCase] = [
        ScalarCase(sigma: [2, 0.5, 3], target: 3, scale: 0.5),
        ScalarCase(sigma: [4, 0.25, 1.5, 2], target: 3, scale: 0.5),
        ScalarCase(sigma: [0.5, 8], target: 4, scale: 1),
        ScalarCase(sigma: [Double](repeating: pow(3, 1.0 / 3), count: 3), target: 3, scale: 0.5),
    ]

    @Test("gradient equals the central-difference gradient", arguments: generic + minima)
    func gradientAgainstFiniteDifferences(_ c: ScalarCase) {
        let fd = FiniteDifferences.gradient(of: c.loss, at: c.sigma)
        // L is quadratic in each σ_i, so coordinate differences are truncation-free. Rounding:
        // L ≈ c·(π − σ⋆)² carries ≤ (L + 2)ε·c(|π| + |σ⋆|)²-sized error, amplified by 1/h.
        let magnitude = c.scale * pow2(abs(c.loss.product(c.sigma)) + abs(c.target) + 1)
        let tolerance = Double(c.sigma.count + 2) * .ulpOfOne * magnitude / FiniteDifferences.defaultRelativeStep
        #expect(maxAbsDifference(c.loss.gradient(c.sigma), fd) <= tolerance)
    }

    @Test("closed-form Hessian equals central differences of the gradient", arguments: generic + minima)
    func hessianAgainstFiniteDifferences(_ c: ScalarCase) {
        let h = c.loss.hessian(c.sigma)
        let n = c.sigma.count
        // Each ∂_i L has degree ≤ 2 in each σ_j: truncation-free; rounding of a gradient entry
        // ≤ (L + 2)ε·2c(|π| + |σ⋆|)·max(1, |σ|)^L, amplified by 1/h.
        let sizes = c.sigma.map { max(1, abs($0)) }.reduce(1, *)
        let tolerance = Double(n + 2) * .ulpOfOne * 2 * c.scale * (abs(c.loss.product(c.sigma)) + abs(c.target) + 1)
            * sizes / FiniteDifferences.defaultRelativeStep
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            let fd = FiniteDifferences.hessianVectorProduct(of: c.loss, at: c.sigma, direction: e)
            #expect(maxAbsDifference(h.column(j), fd) <= tolerance, "column \(j)")
        }
    }

    @Test("the O(L) forward-mode HVP equals the dense closed-form Hessian times v", arguments: generic + minima)
    func hessianVectorProductAgainstHessian(_ c: ScalarCase) {
        var g = SeededGenerator(seed: 7)
        let v = g.gaussianVector(c.sigma.count)
        let dense = c.loss.hessian(c.sigma) * v
        // Two orderings of the same O(L²) products of O(1) numbers: ≲ L² ε relative to the scale.
        let scale = c.loss.hessian(c.sigma).maxAbs * v.map(abs).reduce(0, +) + 1
        #expect(maxAbsDifference(c.loss.hessianVectorProduct(c.sigma, v), dense)
                <= 4 * Double(c.sigma.count * c.sigma.count) * .ulpOfOne * scale)
    }

    @Test("DenseHessian assembled from HVPs is symmetric and equals the closed-form Hessian",
          arguments: generic + minima)
    func denseHessian(_ c: ScalarCase) {
        let assembled = DenseHessian(of: c.loss, at: c.sigma)
        let closed = c.loss.hessian(c.sigma)
        // Same bound as the HVP check above, column by column.
        let tolerance = 4 * Double(c.sigma.count * c.sigma.count) * .ulpOfOne * (closed.maxAbs + 1)
        #expect(assembled.asymmetry <= Double(c.sigma.count) * 2 * tolerance)
        #expect((assembled.matrix - closed).maxAbs <= tolerance)
    }

    @Test("Lemma 3: at a global minimum ∇²L = 2c·σ⋆²/(σ_iσ_j) = 2c·g gᵀ with top eigenvalue 2c‖g‖² = 2c·Σσ⋆²/σ_i²",
          arguments: minima)
    func sharpnessAtMinimum(_ c: ScalarCase) {
        let h = c.loss.hessian(c.sigma)
        let n = c.sigma.count
        let g = c.sigma.map { c.target / $0 }              // g_i = σ⋆/σ_i
        let r = c.loss.product(c.sigma) - c.target
        // Dyadic minima: r = 0 exactly. Balanced minimum: r is rounding; the extra term
        // 2c·r·π_{−i,−j} plus a few ulps of the products bound the difference.
        let tolerance = 2 * c.scale * abs(r) * pow(c.sigma.map(abs).max()!, Double(n)) + 8 * .ulpOfOne * h.maxAbs
        for i in 0..<n {
            for j in 0..<n {
                let closed = 2 * c.scale * c.target * c.target / (c.sigma[i] * c.sigma[j])
                #expect(abs(h[i, j] - closed) <= tolerance, "H[\(i),\(j)] = \(h[i, j]) vs \(closed)")
                #expect(abs(h[i, j] - 2 * c.scale * g[i] * g[j]) <= tolerance)
            }
        }
        // Rank one and PSD: the top eigenvalue is the trace 2c‖g‖², and g is its eigenvector.
        let top = 2 * c.scale * g.dot(g)
        let lemma3 = 2 * c.scale * c.sigma.reduce(0) { $0 + c.target * c.target / ($1 * $1) }
        #expect(abs(h.trace - top) <= Double(n) * tolerance)
        #expect(abs(top - lemma3) <= 4 * Double(n) * .ulpOfOne * top)
        let hg = h * g
        #expect(maxAbsDifference(hg, g.map { top * $0 }) <= Double(n) * tolerance * g.map(abs).max()!)
        // Negative control: off the minimum (r ≠ 0) H is not rank-one PSD, so trace ≠ ‖H‖_F
        // (equality characterises rank-one PSD); the gap must be far above rounding (~1e-15).
        let off = c.sigma.enumerated().map { $0.offset == 0 ? $0.element * 1.1 : $0.element }
        let hOff = c.loss.hessian(off)
        #expect(abs(hOff.trace - hOff.frobeniusNorm) > 1e-6 * hOff.frobeniusNorm)
    }

    @Test("Lemma 4 value: the balanced minimum has sharpness 2c·L·σ⋆^{2−2/L}", arguments: [2, 3, 4, 6])
    func balancedMinimumSharpness(_ depth: Int) {
        let target = 2.5
        let s = pow(target, 1 / Double(depth))
        let loss = ScalarProductLoss(depth: depth, target: target)
        let h = loss.hessian([Double](repeating: s, count: depth))
        // Rank one at the minimum: top eigenvalue = trace. pow is within 1 ulp; the residual
        // π − σ⋆ of the rounded s adds O(L ε σ⋆) to the entries.
        let predicted = Double(depth) * pow(target, 2 - 2 / Double(depth))
        #expect(abs(h.trace - predicted) <= 16 * Double(depth * depth) * .ulpOfOne * predicted)
    }

    @Test("a zero factor (unbalanced init) gives the closed-form gradient without dividing by zero")
    func zeroFactor() {
        let alpha = 0.25, target = 3.0
        let loss = ScalarProductLoss(depth: 3, target: target)
        let g = loss.gradient([alpha, alpha, 0])
        // ∂_i L = (π − σ⋆)·π_{−i}: π = 0, π_{−3} = α² (dyadic: exact).
        #expect(g == [0, 0, -target * alpha * alpha])
        let h = loss.hessian([alpha, alpha, 0])
        // ∂_1∂_2 L = π_{−1}π_{−2} + r·σ_3 = 0; ∂_1∂_3 L = 0·α² + r·α = −σ⋆α.
        #expect(h[0, 1] == 0 && h[0, 2] == -target * alpha && h[2, 2] == alpha * alpha * alpha * alpha)
    }
}

private func pow2(_ x: Double) -> Double { x * x }
