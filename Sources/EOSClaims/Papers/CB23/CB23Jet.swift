#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scalars a `CB23Jet` can carry: `Double` (fast, rounded) or `CB23Interval` (rigorous
/// enclosures, for sign proofs).
protocol CB23JetScalar: Sendable {
    init(_ value: Double)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    var jetExp: Self { get }
    var jetLog: Self { get }
    var jetSin: Self { get }
    var jetCos: Self { get }
    var jetTanh: Self { get }
}

extension Double: CB23JetScalar {
    var jetExp: Double { Glibc.exp(self) }
    var jetLog: Double { Glibc.log(self) }
    var jetSin: Double { Glibc.sin(self) }
    var jetCos: Double { Glibc.cos(self) }
    var jetTanh: Double { Glibc.tanh(self) }
}

extension CB23Interval: CB23JetScalar {
    var jetExp: CB23Interval { exp }
    var jetLog: CB23Interval { log }
    var jetSin: CB23Interval { sin }
    var jetCos: CB23Interval { cos }
    var jetTanh: CB23Interval { tanh }
}

/// A truncated Taylor series (Taylor-mode automatic differentiation): the coefficients
/// c₀, …, c_n of u(x₀ + h) = Σ c_k h^k + O(h^{n+1}), so u^{(k)}(x₀) = k!·c_k.
///
/// Arithmetic and the elementary functions act on the series by the standard recurrences
/// (Griewank & Walther, *Evaluating Derivatives*, ch. 13): products by the Cauchy product,
/// quotients, exp/log/sin/cos/tanh/real powers from the linear ODE each satisfies
/// (e.g. v = exp u ⇒ v′ = v u′ ⇒ k v_k = Σ_{j=1}^k j u_j v_{k−j}). Each coefficient is exact up
/// to rounding (Double) or enclosed (CB23Interval): no finite differences, no truncation error
/// below order n. Cost O(n²) per operation; n ≤ 8 here.
struct CB23Jet<S: CB23JetScalar>: Sendable {
    var c: [S]

    init(_ c: [S]) { self.c = c }

    /// The independent variable at x₀: x₀ + h.
    static func variable(_ x0: S, order: Int) -> CB23Jet {
        var c = [S](repeating: S(0), count: order + 1)
        c[0] = x0
        if order >= 1 { c[1] = S(1) }
        return CB23Jet(c)
    }

    /// A constant series.
    static func constant(_ a: S, order: Int) -> CB23Jet {
        var c = [S](repeating: S(0), count: order + 1)
        c[0] = a
        return CB23Jet(c)
    }

    var order: Int { c.count - 1 }

    /// The k-th derivative k!·c_k.
    func derivative(_ k: Int) -> S {
        var f = 1.0
        if k > 1 { for i in 2...k { f *= Double(i) } }
        return c[k] * S(f)
    }

    /// All derivatives u(x₀), u′(x₀), …, u^{(n)}(x₀).
    var derivatives: [S] { (0...order).map(derivative) }

    static func + (a: CB23Jet, b: CB23Jet) -> CB23Jet { CB23Jet(zip(a.c, b.c).map { $0 + $1 }) }
    static func - (a: CB23Jet, b: CB23Jet) -> CB23Jet { CB23Jet(zip(a.c, b.c).map { $0 - $1 }) }
    static func + (a: CB23Jet, s: S) -> CB23Jet { var r = a; r.c[0] = r.c[0] + s; return r }
    static func - (a: CB23Jet, s: S) -> CB23Jet { var r = a; r.c[0] = r.c[0] - s; return r }
    static func * (s: S, a: CB23Jet) -> CB23Jet { CB23Jet(a.c.map { s * $0 }) }
    static prefix func - (a: CB23Jet) -> CB23Jet { CB23Jet(a.c.map { S(0) - $0 }) }

    static func * (a: CB23Jet, b: CB23Jet) -> CB23Jet {
        let n = a.order
        var r = [S](repeating: S(0), count: n + 1)
        for k in 0...n {
            var s = S(0)
            for j in 0...k { s = s + a.c[j] * b.c[k - j] }
            r[k] = s
        }
        return CB23Jet(r)
    }

    /// a / b: q_k = (a_k − Σ_{j=1}^k b_j q_{k−j}) / b₀.
    static func / (a: CB23Jet, b: CB23Jet) -> CB23Jet {
        let n = a.order
        var q = [S](repeating: S(0), count: n + 1)
        for k in 0...n {
            var s = a.c[k]
            if k >= 1 { for j in 1...k { s = s - b.c[j] * q[k - j] } }
            q[k] = s / b.c[0]
        }
        return CB23Jet(q)
    }

    /// uⁿ for a whole n ≥ 0.
    func power(_ n: Int) -> CB23Jet {
        var r = CB23Jet.constant(S(1), order: order)
        for _ in 0..<n { r = r * self }
        return r
    }

    /// exp u: k v_k = Σ_{j=1}^k j u_j v_{k−j}.
    var exp: CB23Jet {
        let n = order
        var v = [S](repeating: S(0), count: n + 1)
        v[0] = c[0].jetExp
        if n >= 1 {
            for k in 1...n {
                var s = S(0)
                for j in 1...k { s = s + S(Double(j)) * c[j] * v[k - j] }
                v[k] = s / S(Double(k))
            }
        }
        return CB23Jet(v)
    }

    /// log u (u₀ > 0): v_k = (u_k − Σ_{j=1}^{k−1} (j/k) v_j u_{k−j}) / u₀.
    var log: CB23Jet {
        let n = order
        var v = [S](repeating: S(0), count: n + 1)
        v[0] = c[0].jetLog
        if n >= 1 {
            for k in 1...n {
                var s = c[k]
                if k >= 2 { for j in 1..<k { s = s - S(Double(j) / Double(k)) * v[j] * c[k - j] } }
                v[k] = s / c[0]
            }
        }
        return CB23Jet(v)
    }

    /// (sin u, cos u) together: k s_k = Σ j u_j c_{k−j}, k c_k = −Σ j u_j s_{k−j}.
    var sinCos: (sin: CB23Jet, cos: CB23Jet) {
        let n = order
        var s = [S](repeating: S(0), count: n + 1), co = s
        s[0] = c[0].jetSin
        co[0] = c[0].jetCos
        if n >= 1 {
            for k in 1...n {
                var a = S(0), b = S(0)
                for j in 1...k {
                    a = a + S(Double(j)) * c[j] * co[k - j]
                    b = b + S(Double(j)) * c[j] * s[k - j]
                }
                s[k] = a / S(Double(k))
                co[k] = S(0) - b / S(Double(k))
            }
        }
        return (CB23Jet(s), CB23Jet(co))
    }

    var sin: CB23Jet { sinCos.sin }
    var cos: CB23Jet { sinCos.cos }

    /// tanh u: v′ = (1 − v²) u′, so k v_k = Σ_{j=1}^k j u_j w_{k−j} with w = 1 − v².
    var tanh: CB23Jet {
        let n = order
        var v = [S](repeating: S(0), count: n + 1)
        var w = v
        v[0] = c[0].jetTanh
        w[0] = S(1) - v[0] * v[0]
        if n >= 1 {
            for k in 1...n {
                var s = S(0)
                for j in 1...k { s = s + S(Double(j)) * c[j] * w[k - j] }
                v[k] = s / S(Double(k))
                var vv = S(0)
                for i in 0...k { vv = vv + v[i] * v[k - i] }
                w[k] = S(0) - vv
            }
        }
        return CB23Jet(v)
    }

    /// The logistic sigmoid 1/(1 + e^{−u}).
    var sigmoid: CB23Jet {
        let one = CB23Jet.constant(S(1), order: order)
        return one / (one + (-self).exp)
    }

    /// u^α for a real α (u₀ > 0): v₀ = exp(α log u₀), u₀ k v_k = Σ_{j=1}^k (α j − (k − j)) u_j v_{k−j}.
    func power(real alpha: S) -> CB23Jet {
        let n = order
        var v = [S](repeating: S(0), count: n + 1)
        v[0] = (alpha * c[0].jetLog).jetExp
        if n >= 1 {
            for k in 1...n {
                var s = S(0)
                for j in 1...k { s = s + (alpha * S(Double(j)) - S(Double(k - j))) * c[j] * v[k - j] }
                v[k] = s / (c[0] * S(Double(k)))
            }
        }
        return CB23Jet(v)
    }
}
