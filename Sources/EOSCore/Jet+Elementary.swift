/// The elementary functions on truncated Taylor series.
///
/// Each function w = φ(u) satisfies a linear ODE along the series, w′ = a(u, w)·u′, and
/// comparing the coefficients of h^{k−1} on both sides gives the k-th coefficient from the lower
/// ones (k ≥ 1; the value w₀ = φ(u₀) comes from `JetScalar.elementary`). With ũ_j = j·u_j:
///
/// | w            | ODE                         | recurrence (k ≥ 1)                                              |
/// |--------------|-----------------------------|-----------------------------------------------------------------|
/// | exp u        | w′ = w u′                   | k w_k = Σ_{j=1}^{k} j u_j w_{k−j}                               |
/// | log u        | u w′ = u′                   | w_k = (u_k − Σ_{j=1}^{k−1} (j/k) w_j u_{k−j}) / u₀              |
/// | sin u, cos u | s′ = c u′, c′ = −s u′        | k s_k = Σ j u_j c_{k−j},  k c_k = −Σ j u_j s_{k−j}              |
/// | tanh u       | w′ = (1 − w²) u′            | k w_k = Σ j u_j z_{k−j},  z = sech² u: z₀ = sech² u₀, z_k = −Σ_{i=0}^{k} w_i w_{k−i} |
/// | σ(u)         | w′ = w(1 − w) u′            | k w_k = Σ j u_j z_{k−j},  z = w − w²: z₀ = ¼sech²(u₀/2), z_k = w_k − Σ_{i=0}^{k} w_i w_{k−i} |
/// | softplus u   | w′ = σ(u) u′                | k w_k = Σ_{j=1}^{k} j u_j σ_{k−j}  (σ the sigmoid series)         |
/// | √u           | w² = u                      | w_k = (u_k − Σ_{j=1}^{k−1} w_j w_{k−j}) / (2 w₀)                |
/// | u^α (α real) | u w′ = α w u′               | k u₀ w_k = Σ_{j=1}^{k} (α j − (k − j)) u_j w_{k−j}                |
///
/// Domains: log, √ and real powers need u₀ > 0 (√ at u₀ = 0 has no Taylor series). For an
/// `Interval` jet a u₀ that reaches outside the domain gives entire-line coefficients.
/// z₀ of tanh and σ is evaluated directly (not as 1 − w₀²), so the derivatives keep their
/// relative accuracy where tanh u₀ or σ(u₀) round to ±1.
extension Jet {
    /// exp u: k w_k = Σ_{j=1}^{k} j u_j w_{k−j}.
    @inlinable
    public var exp: Jet {
        let n = order, c = coefficients
        var v = Jet.zeros(n)
        v[0] = Scalar.elementary(.exp, c[0])
        if n >= 1 {
            for k in 1...n {
                var s = Scalar(0)
                for j in 1...k { s = s + Scalar(Double(j)) * c[j] * v[k - j] }
                v[k] = s / Scalar(Double(k))
            }
        }
        return Jet(coefficients: v)
    }

    /// log u (u₀ > 0): w_k = (u_k − Σ_{j=1}^{k−1} (j/k) w_j u_{k−j}) / u₀.
    @inlinable
    public var log: Jet {
        let n = order, c = coefficients
        var v = Jet.zeros(n)
        v[0] = Scalar.elementary(.log, c[0])
        if n >= 1 {
            for k in 1...n {
                var s = c[k]
                if k >= 2 { for j in 1..<k { s = s - Scalar(Double(j) / Double(k)) * v[j] * c[k - j] } }
                v[k] = s / c[0]
            }
        }
        return Jet(coefficients: v)
    }

    /// (sin u, cos u) together: k s_k = Σ_{j=1}^{k} j u_j c_{k−j}, k c_k = −Σ_{j=1}^{k} j u_j s_{k−j}.
    @inlinable
    public var sinCos: (sin: Jet, cos: Jet) {
        let n = order, c = coefficients
        var s = Jet.zeros(n), co = s
        s[0] = Scalar.elementary(.sin, c[0])
        co[0] = Scalar.elementary(.cos, c[0])
        if n >= 1 {
            for k in 1...n {
                var a = Scalar(0), b = Scalar(0)
                for j in 1...k {
                    a = a + Scalar(Double(j)) * c[j] * co[k - j]
                    b = b + Scalar(Double(j)) * c[j] * s[k - j]
                }
                s[k] = a / Scalar(Double(k))
                co[k] = Scalar(0) - b / Scalar(Double(k))
            }
        }
        return (Jet(coefficients: s), Jet(coefficients: co))
    }

    /// sin u (see `sinCos`).
    @inlinable public var sin: Jet { sinCos.sin }
    /// cos u (see `sinCos`).
    @inlinable public var cos: Jet { sinCos.cos }

    /// tanh u: k w_k = Σ_{j=1}^{k} j u_j z_{k−j} with z = 1 − w² = sech² u,
    /// z₀ = sech² u₀ (evaluated directly), z_k = −Σ_{i=0}^{k} w_i w_{k−i}.
    @inlinable
    public var tanh: Jet {
        let n = order, c = coefficients
        var v = Jet.zeros(n), z = v
        v[0] = Scalar.elementary(.tanh, c[0])
        z[0] = Scalar.elementary(.sechSquared, c[0])
        if n >= 1 {
            for k in 1...n {
                var s = Scalar(0)
                for j in 1...k { s = s + Scalar(Double(j)) * c[j] * z[k - j] }
                v[k] = s / Scalar(Double(k))
                var vv = Scalar(0)
                for i in 0...k { vv = vv + v[i] * v[k - i] }
                z[k] = -vv
            }
        }
        return Jet(coefficients: v)
    }

    /// The logistic sigmoid σ(u) = 1/(1 + e^{−u}): k w_k = Σ_{j=1}^{k} j u_j z_{k−j} with
    /// z = σ(1 − σ) = w − w², z₀ = ¼ sech²(u₀/2) (evaluated directly),
    /// z_k = w_k − Σ_{i=0}^{k} w_i w_{k−i}.
    @inlinable
    public var sigmoid: Jet {
        let n = order, c = coefficients
        var v = Jet.zeros(n), z = v
        v[0] = Scalar.elementary(.sigmoid, c[0])
        z[0] = Scalar.elementary(.sechSquared, c[0] * Scalar(0.5)) * Scalar(0.25)
        if n >= 1 {
            for k in 1...n {
                var s = Scalar(0)
                for j in 1...k { s = s + Scalar(Double(j)) * c[j] * z[k - j] }
                v[k] = s / Scalar(Double(k))
                var vv = Scalar(0)
                for i in 0...k { vv = vv + v[i] * v[k - i] }
                z[k] = v[k] - vv
            }
        }
        return Jet(coefficients: v)
    }

    /// softplus u = log(1 + eᵘ): k w_k = Σ_{j=1}^{k} j u_j σ_{k−j}, σ the sigmoid series of u.
    @inlinable
    public var softplus: Jet {
        let n = order, c = coefficients
        let sig = sigmoid.coefficients
        var v = Jet.zeros(n)
        v[0] = Scalar.elementary(.softplus, c[0])
        if n >= 1 {
            for k in 1...n {
                var s = Scalar(0)
                for j in 1...k { s = s + Scalar(Double(j)) * c[j] * sig[k - j] }
                v[k] = s / Scalar(Double(k))
            }
        }
        return Jet(coefficients: v)
    }

    /// √u (u₀ > 0): from w² = u, w_k = (u_k − Σ_{j=1}^{k−1} w_j w_{k−j}) / (2 w₀).
    @inlinable
    public var squareRoot: Jet {
        let n = order, c = coefficients
        var v = Jet.zeros(n)
        v[0] = Scalar.elementary(.sqrt, c[0])
        if n >= 1 {
            let twice = Scalar(2) * v[0]
            for k in 1...n {
                var s = c[k]
                if k >= 2 { for j in 1..<k { s = s - v[j] * v[k - j] } }
                v[k] = s / twice
            }
        }
        return Jet(coefficients: v)
    }

    /// u^α for a real α (u₀ > 0): w₀ = u₀^α, k u₀ w_k = Σ_{j=1}^{k} (α j − (k − j)) u_j w_{k−j}
    /// (from u w′ = α w u′). For an integer exponent `power(_:)` also allows u₀ ≤ 0.
    @inlinable
    public func power(real alpha: Scalar) -> Jet {
        let n = order, c = coefficients
        var v = Jet.zeros(n)
        v[0] = Scalar.realPower(c[0], alpha)
        if n >= 1 {
            for k in 1...n {
                var s = Scalar(0)
                for j in 1...k { s = s + (alpha * Scalar(Double(j)) - Scalar(Double(k - j))) * c[j] * v[k - j] }
                v[k] = s / (c[0] * Scalar(Double(k)))
            }
        }
        return Jet(coefficients: v)
    }

    /// u^v for a series exponent, as exp(v · log u) (u₀ > 0).
    @inlinable
    public func power(_ v: Jet) -> Jet { (v * log).exp }
}
