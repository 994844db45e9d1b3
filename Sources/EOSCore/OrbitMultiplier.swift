/// Linear stability of fixed points and periodic orbits of maps.
///
/// For a period-p orbit x₀ → x₁ → … → x_{p−1} → x₀ of F, the chain rule gives the derivative
/// of the p-fold composition at x₀:
///
///     D(Fᵖ)(x₀) = DF(x_{p−1}) ⋯ DF(x₁) DF(x₀).
///
/// * On ℝ this is the **multiplier** m = Π F′(xᵢ), a signed number independent of the starting
///   point of the orbit. |m| < 1 ⇒ the orbit is linearly (hence locally) attracting; |m| > 1 ⇒
///   repelling; |m| = 1 is undecided by linearisation.
/// * On ℝⁿ the role of |m| is played by the spectral radius ρ of that product (cyclic
///   permutations of the factors leave the eigenvalues unchanged, so ρ does not depend on the
///   starting point either). ρ < 1 ⇒ linearly stable.
public enum OrbitMultiplier {
    /// The multiplier Π_{i<p} F′(xᵢ) of a 1-D orbit.
    ///
    /// - Parameters:
    ///   - orbit: the p points of the cycle (a fixed point is a one-point orbit), in any
    ///     cyclic order.
    ///   - derivative: x ↦ F′(x).
    /// - Complexity: p evaluations of F′. The product has relative rounding error ≤ p ε plus
    ///   that of the p derivative values.
    public static func multiplier(orbit: [Double], derivative: (Double) -> Double) -> Double {
        precondition(!orbit.isEmpty, "An orbit has at least one point")
        var m = 1.0
        for x in orbit { m *= derivative(x) }
        return m
    }

    /// The multiplier of a classified 1-D run (`.converged` or `.periodic`), or nil if the run
    /// is aperiodic or diverged.
    public static func multiplier(of behaviour: TrajectoryBehaviour,
                                  derivative: (Double) -> Double) -> Double? {
        guard let orbit = behaviour.orbit else { return nil }
        precondition(orbit.allSatisfy { $0.count == 1 }, "The 1-D multiplier needs scalar states")
        return multiplier(orbit: orbit.map { $0[0] }, derivative: derivative)
    }

    /// The product of Jacobians along an orbit, DF(x_{p−1}) ⋯ DF(x₀), in time order.
    ///
    /// - Precondition: each Jacobian is n × n with n = the dimension of the states.
    /// - Complexity: p Jacobian evaluations and p − 1 products, O(p n³).
    public static func jacobianProduct(orbit: [[Double]], jacobian: ([Double]) -> Matrix) -> Matrix {
        precondition(!orbit.isEmpty, "An orbit has at least one point")
        var product = jacobian(orbit[0])
        precondition(product.isSquare && product.rows == orbit[0].count,
                     "The Jacobian must be n×n for states in ℝⁿ")
        for x in orbit.dropFirst() {
            let j = jacobian(x)
            precondition(j.rows == product.rows && j.columns == product.columns, "Jacobian shape changed")
            product = j * product
        }
        return product
    }

    /// The spectral radius of the product of Jacobians along an orbit on ℝⁿ:
    /// `spectralRadius(of: jacobianProduct(orbit:jacobian:))`. < 1 ⇒ linearly stable.
    public static func spectralRadius(orbit: [[Double]], jacobian: ([Double]) -> Matrix) -> Double {
        spectralRadius(of: jacobianProduct(orbit: orbit, jacobian: jacobian))
    }

    /// The spectral radius ρ(M) = max |λᵢ(M)| of a square, possibly non-symmetric, matrix, by
    /// Gelfand's formula ρ(M) = lim_{k→∞} ‖Mᵏ‖^{1/k} evaluated with k = 2ʲ by repeated
    /// normalised squaring:
    ///
    ///     N₀ = M / ‖M‖,  Nⱼ₊₁ = Nⱼ² / ‖Nⱼ²‖,  log ρ ≈ log ‖M‖ + Σ_{i<j} log ‖Nᵢ²‖ / 2^{i+1}.
    ///
    /// Why this method: it needs no eigenvector convergence, so it is indifferent to a complex
    /// or otherwise equal-modulus dominant pair (where power iteration on a vector oscillates),
    /// to defective (Jordan) eigenvalues, and to non-normality; normalisation keeps every step
    /// in range. For a diagonalisable n × n M = V Λ V⁻¹, ρᵏ ≤ ‖Mᵏ‖_F ≤ √n κ(V) ρᵏ (a Jordan
    /// block of size s adds a factor O(k^{s−1})), so the truncation error in log ρ after j
    /// squarings is at most log(√n κ(V))/2ʲ. A fixed j = 60 makes this below 2·10⁻¹⁵ for any
    /// √n κ(V) < 10¹⁰⁰⁰, i.e. negligible next to rounding. (A data-dependent stopping rule is
    /// avoided on purpose: a term log ‖Nⱼ²‖ that happens to be ≈ 0 says nothing about the rest.)
    ///
    /// - Accuracy: like any eigenvalue method, limited by the conditioning of the dominant
    ///   eigenvalue: a relative error of order ε·κ(λ_max) (κ = 1 for normal matrices).
    /// - Returns: 0 when the squares vanish exactly (nilpotent M), NaN if M has a non-finite entry.
    /// - Complexity: 60 matrix squarings, O(60 n³); meant for the small matrices of orbit
    ///   stability (n up to a few dozen). For large n use a matrix-free iteration on the
    ///   Jacobian–vector products instead.
    public static func spectralRadius(of m: Matrix) -> Double {
        precondition(m.isSquare, "The spectral radius needs a square matrix")
        if m.rows == 0 { return 0 }
        guard m.isFinite else { return .nan }
        if m.rows == 1 { return abs(m.storage[0]) }
        let norm0 = m.frobeniusNorm
        if norm0 == 0 { return 0 }
        var n = (1 / norm0) * m
        var logRho = _log(norm0)
        var weight = 0.5
        for _ in 0..<60 {
            let square = n * n
            let t = square.frobeniusNorm
            if t == 0 { return 0 }
            n = (1 / t) * square
            logRho += _log(t) * weight
            weight *= 0.5
        }
        return _exp(logRho)
    }

    /// Whether a multiplier (1-D, signed) or a spectral radius indicates linear stability: |m| < 1.
    public static func isLinearlyStable(_ multiplier: Double) -> Bool {
        abs(multiplier) < 1
    }
}
