import EOSCore

/// Central finite differences, the independent cross-check of exact gradients and
/// Hessian–vector products.
///
/// For a step h, the central difference D(h) = (φ(h) − φ(−h)) / (2h) of a smooth φ has
///
///     D(h) − φ′(0) = (h²/6) φ‴(ξ)   (truncation, O(h²))   +   O(ε |φ| / h)   (rounding),
///
/// with ε = 2⁻⁵² the unit roundoff. Balancing the two gives h ∝ ε^{1/3} ≈ 6·10⁻⁶ and an
/// error of order ε^{2/3} ≈ 4·10⁻¹¹ relative to the scale of φ and its derivatives. The step
/// is taken relative to the size of the point, h = `relativeStep` · max(1, |x|) (for a
/// direction v: max(1, ‖θ‖∞)/‖v‖∞), so that θ ± h stays exactly representable to about the
/// same relative precision.
///
/// **Exactness for quadratics.** D(h) is exact (up to rounding) when φ is a polynomial of
/// degree ≤ 2, since the odd Taylor terms above the first vanish. Losses that are quadratic
/// in each single coordinate — `DeepMatrixFactorization` and `ScalarProductLoss` are, since
/// W_{L:1} is linear in each entry — therefore have truncation-free coordinate differences
/// of the value and of the gradient (the Hessian columns); only random directions see the
/// h² term.
public enum FiniteDifferences {
    /// ε^{1/3} ≈ 6.06·10⁻⁶, the step that balances O(h²) truncation against O(ε/h) rounding.
    public static let defaultRelativeStep: Double = {
        // The real cube root of ε without libm: Newton on h³ = ε, started above the root,
        // decreases monotonically to it.
        let eps = Double.ulpOfOne
        var h = 1e-5
        for _ in 0..<60 { h = (2 * h + eps / (h * h)) / 3 }
        return h
    }()

    /// The central-difference gradient: component i is
    /// (f(θ + hᵢeᵢ) − f(θ − hᵢeᵢ)) / (2hᵢ), hᵢ = relativeStep · max(1, |θᵢ|). 2n evaluations.
    public static func gradient(_ f: ([Double]) -> Double, at θ: [Double],
                                relativeStep: Double = defaultRelativeStep) -> [Double] {
        var x = θ
        var g = [Double](repeating: 0, count: θ.count)
        for i in 0..<θ.count {
            let h = step(relativeStep, size: abs(θ[i]))
            x[i] = θ[i] + h
            let up = f(x)
            x[i] = θ[i] - h
            let down = f(x)
            x[i] = θ[i]
            // The step actually taken is (θᵢ + h) − (θᵢ − h) in floating point.
            g[i] = (up - down) / ((θ[i] + h) - (θ[i] - h))
        }
        return g
    }

    /// The central-difference Hessian–vector product (∇f(θ + hv) − ∇f(θ − hv)) / (2h),
    /// h = relativeStep · max(1, ‖θ‖∞) / ‖v‖∞. Two gradient evaluations. Returns 0 for v = 0.
    public static func hessianVectorProduct(_ gradient: ([Double]) -> [Double], at θ: [Double],
                                            direction v: [Double],
                                            relativeStep: Double = defaultRelativeStep) -> [Double] {
        precondition(v.count == θ.count, "Direction and point differ in length")
        let vMax = v.reduce(0) { max($0, abs($1)) }
        if vMax == 0 { return [Double](repeating: 0, count: θ.count) }
        let θMax = θ.reduce(0) { max($0, abs($1)) }
        let h = step(relativeStep, size: θMax) / vMax
        var plus = θ, minus = θ
        for i in 0..<θ.count {
            plus[i] += h * v[i]
            minus[i] -= h * v[i]
        }
        let gp = gradient(plus), gm = gradient(minus)
        return (0..<θ.count).map { (gp[$0] - gm[$0]) / (2 * h) }
    }

    /// `gradient(_:at:)` of a loss's `value`.
    public static func gradient<Loss: DifferentiableLoss>(of loss: Loss, at θ: [Double],
                                                          relativeStep: Double = defaultRelativeStep) -> [Double] {
        gradient({ loss.value($0) }, at: θ, relativeStep: relativeStep)
    }

    /// `hessianVectorProduct(_:at:direction:)` of a loss's exact `gradient`.
    public static func hessianVectorProduct<Loss: DifferentiableLoss>(of loss: Loss, at θ: [Double],
                                                                      direction v: [Double],
                                                                      relativeStep: Double = defaultRelativeStep) -> [Double] {
        hessianVectorProduct({ loss.gradient($0) }, at: θ, direction: v, relativeStep: relativeStep)
    }

    /// The step relativeStep · max(1, size).
    @inlinable
    public static func step(_ relativeStep: Double, size: Double) -> Double {
        relativeStep * max(1, size)
    }
}
