/// A truncated Taylor series of order n (Taylor-mode automatic differentiation):
/// the coefficients u₀, …, uₙ of
///
///     u(x₀ + h) = Σ_{k=0}^{n} u_k hᵏ + O(hⁿ⁺¹),   so   u⁽ᵏ⁾(x₀) = k!·u_k.
///
/// Seed the independent variable with `Jet.variable(x₀, order: n)` (the series x₀ + h), write
/// the function with the operators and the elementary functions of `Jet+Elementary.swift`,
/// and read `derivatives` (or `derivative(k)`). Every coefficient is obtained by an exact
/// recurrence (Griewank & Walther, *Evaluating Derivatives*, 2nd ed., ch. 13), so there is no
/// truncation error below order n: with `Double` coefficients the only error is rounding, with
/// `Interval` coefficients the result encloses the exact coefficients (see `JetScalar`).
///
/// Recurrences of the arithmetic (w = result):
/// - sum, difference, scalar multiple: coefficient-wise;
/// - product (Cauchy product): w_k = Σ_{j=0}^{k} u_j v_{k−j};
/// - quotient, from v·w = u: w_k = (u_k − Σ_{j=1}^{k} v_j w_{k−j}) / v₀ (needs v₀ ≠ 0);
/// - integer power uᵐ: repeated products (m ≥ 0) and 1/u^{|m|} (m < 0).
///
/// Orders: a binary operation on jets of different orders returns the smaller order (the
/// series is only known to that order). The order is fixed at construction; any n ≥ 0 works.
///
/// - Complexity: O(n) for sums, O(n²) for products, quotients and elementary functions; one
///   array of n + 1 scalars per result.
public struct Jet<Scalar: JetScalar>: Sendable {
    /// u₀, u₁, …, uₙ.
    public var coefficients: [Scalar]

    /// A series from its coefficients (at least one).
    @inlinable
    public init(coefficients: [Scalar]) {
        precondition(!coefficients.isEmpty, "a jet needs at least the constant coefficient")
        self.coefficients = coefficients
    }

    /// The independent variable at x₀: the series x₀ + h, of order `order` ≥ 0.
    @inlinable
    public static func variable(_ x0: Scalar, order: Int) -> Jet {
        precondition(order >= 0, "the order of a jet is ≥ 0")
        var c = [Scalar](repeating: Scalar(0), count: order + 1)
        c[0] = x0
        if order >= 1 { c[1] = Scalar(1) }
        return Jet(coefficients: c)
    }

    /// The constant series a (all higher coefficients 0), of order `order` ≥ 0.
    @inlinable
    public static func constant(_ a: Scalar, order: Int) -> Jet {
        precondition(order >= 0, "the order of a jet is ≥ 0")
        var c = [Scalar](repeating: Scalar(0), count: order + 1)
        c[0] = a
        return Jet(coefficients: c)
    }

    /// n, the highest coefficient kept.
    @inlinable public var order: Int { coefficients.count - 1 }

    /// u(x₀) = u₀.
    @inlinable public var value: Scalar { coefficients[0] }

    /// The k-th derivative u⁽ᵏ⁾(x₀) = k!·u_k, 0 ≤ k ≤ n.
    ///
    /// k! is exact in `Double` up to k = 22 and is multiplied in one step; beyond that it is
    /// built as a product of scalars (so an `Interval` jet still encloses the derivative).
    @inlinable
    public func derivative(_ k: Int) -> Scalar {
        precondition(k >= 0 && k <= order, "derivative order \(k) outside 0…\(order)")
        if k <= 22 {
            var f = 1.0
            if k > 1 { for i in 2...k { f *= Double(i) } }
            return coefficients[k] * Scalar(f)
        }
        var r = coefficients[k]
        for i in 2...k { r = r * Scalar(Double(i)) }
        return r
    }

    /// All derivatives u(x₀), u′(x₀), …, u⁽ⁿ⁾(x₀).
    @inlinable public var derivatives: [Scalar] { (0...order).map(derivative) }

    /// The same series kept to order m ≤ n.
    @inlinable
    public func truncated(to m: Int) -> Jet {
        precondition(m >= 0 && m <= order)
        return Jet(coefficients: Array(coefficients[0...m]))
    }

    /// A zero array of the common order of two jets.
    @inlinable
    static func zeros(_ n: Int) -> [Scalar] { [Scalar](repeating: Scalar(0), count: n + 1) }
}

// MARK: - Arithmetic

extension Jet {
    @inlinable
    public static func + (a: Jet, b: Jet) -> Jet { Jet(coefficients: zip(a.coefficients, b.coefficients).map { $0 + $1 }) }
    @inlinable
    public static func - (a: Jet, b: Jet) -> Jet { Jet(coefficients: zip(a.coefficients, b.coefficients).map { $0 - $1 }) }
    @inlinable
    public static prefix func - (a: Jet) -> Jet { Jet(coefficients: a.coefficients.map { Scalar(0) - $0 }) }

    @inlinable
    public static func + (a: Jet, s: Scalar) -> Jet { var r = a; r.coefficients[0] = r.coefficients[0] + s; return r }
    @inlinable
    public static func + (s: Scalar, a: Jet) -> Jet { var r = a; r.coefficients[0] = s + r.coefficients[0]; return r }
    @inlinable
    public static func - (a: Jet, s: Scalar) -> Jet { var r = a; r.coefficients[0] = r.coefficients[0] - s; return r }
    @inlinable
    public static func - (s: Scalar, a: Jet) -> Jet {
        var r = -a
        r.coefficients[0] = s - a.coefficients[0]
        return r
    }
    @inlinable
    public static func * (s: Scalar, a: Jet) -> Jet { Jet(coefficients: a.coefficients.map { s * $0 }) }
    @inlinable
    public static func * (a: Jet, s: Scalar) -> Jet { Jet(coefficients: a.coefficients.map { $0 * s }) }
    @inlinable
    public static func / (a: Jet, s: Scalar) -> Jet { Jet(coefficients: a.coefficients.map { $0 / s }) }
    @inlinable
    public static func / (s: Scalar, a: Jet) -> Jet { constant(s, order: a.order) / a }

    /// Cauchy product: w_k = Σ_{j=0}^{k} u_j v_{k−j}.
    @inlinable
    public static func * (a: Jet, b: Jet) -> Jet {
        let n = Swift.min(a.order, b.order)
        var r = zeros(n)
        for k in 0...n {
            var s = Scalar(0)
            for j in 0...k { s = s + a.coefficients[j] * b.coefficients[k - j] }
            r[k] = s
        }
        return Jet(coefficients: r)
    }

    /// Quotient u / v: w_k = (u_k − Σ_{j=1}^{k} v_j w_{k−j}) / v₀, from v·w = u. Needs v₀ ≠ 0
    /// (an `Interval` v₀ containing 0 gives the entire line).
    @inlinable
    public static func / (a: Jet, b: Jet) -> Jet {
        let n = Swift.min(a.order, b.order)
        var q = zeros(n)
        for k in 0...n {
            var s = a.coefficients[k]
            if k >= 1 { for j in 1...k { s = s - b.coefficients[j] * q[k - j] } }
            q[k] = s / b.coefficients[0]
        }
        return Jet(coefficients: q)
    }

    @inlinable public static func += (a: inout Jet, b: Jet) { a = a + b }
    @inlinable public static func -= (a: inout Jet, b: Jet) { a = a - b }
    @inlinable public static func *= (a: inout Jet, b: Jet) { a = a * b }

    /// uᵐ for an integer m: m ≥ 0 by m − 1 Cauchy products (u⁰ = 1), m < 0 as 1/u^{|m|}
    /// (needs u₀ ≠ 0).
    ///
    /// Repeated products rather than squaring keep the rounding of low powers identical to
    /// writing u·u·u; the cost O(|m| n²) is negligible for the exponents used here.
    @inlinable
    public func power(_ m: Int) -> Jet {
        if m < 0 { return Jet.constant(Scalar(1), order: order) / power(-m) }
        var r = Jet.constant(Scalar(1), order: order)
        for _ in 0..<m { r = r * self }
        return r
    }
}
