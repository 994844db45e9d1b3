/// Householder reflectors on contiguous memory (norms from `SafeScaling.swift`): the building blocks of
/// `QRDecomposition` and of the tridiagonal reduction in `SymmetricEigendecomposition`.
///
/// A reflector is H = I − τ·v·vᵀ with v₀ = 1 (LAPACK's `dlarfg` convention). For x = (α, x₂),
/// `generate` chooses β = −sign(α)·‖x‖₂, τ = (β − α)/β and v₂ = x₂/(α − β), so that
/// H·x = β·e₁ and H is orthogonal and symmetric (τ ∈ [1, 2], or τ = 0 and H = I when x₂ = 0).
/// The sign choice avoids cancellation in α − β, which makes the reflector backward stable.
enum HouseholderReflector {
    /// Generates the reflector for `x[0..<count]` in place: on return x[0] = β and x[1...]
    /// holds v₂ (v₀ = 1 is implicit). Returns τ.
    @inline(__always)
    static func generate(_ x: UnsafeMutablePointer<Double>, count: Int) -> Double {
        guard count > 1 else { return 0 }
        let alpha = x[0]
        let tailNorm = safeNorm(x + 1, count: count - 1)
        if tailNorm == 0 { return 0 }
        let magnitude = safeHypot(alpha, tailNorm)
        let beta = alpha >= 0 ? -magnitude : magnitude
        let tau = (beta - alpha) / beta
        // Divide (not multiply by the reciprocal): α − β may be tiny enough that 1/(α − β)
        // overflows while every quotient is finite.
        let denominator = alpha - beta
        for i in 1..<count { x[i] /= denominator }
        x[0] = beta
        return tau
    }

    /// y ← H·y for the reflector (τ, v) with v₀ = 1 implicit and v₁… at `v + 1`.
    /// Cost 4·count flops; `y` and `v` are contiguous.
    @inline(__always)
    static func apply(tau: Double, v: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>,
                      count: Int) {
        if tau == 0 { return }
        let w = y[0] + unrolledDot(v + 1, y + 1, count: count - 1)
        let s = tau * w
        y[0] -= s
        for i in 1..<count { y[i] -= s * v[i] }
    }
}
