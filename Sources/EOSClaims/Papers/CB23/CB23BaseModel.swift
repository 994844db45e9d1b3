#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

/// The base models g of Proposition 1 and Corollaries 2–8 (and a few polynomials chosen to
/// stress Propositions 1 and 2), applied to Taylor series so that any derivative at any point
/// comes from AD (EOSCore's `Jet`), in Double or in interval arithmetic.
enum CB23BaseModel: Sendable, Equatable {
    case sine, tanh, exp, negExp, log, sigmoid
    /// x^α (an integral α also allows x < 0).
    case power(Double)
    /// Σ c_k x^k.
    case polynomial([Double])

    /// The names used in fixtures.
    static let names = ["sin", "tanh", "exp", "negexp", "log", "sigmoid", "square", "cube",
                        "cubicA", "cubicB", "cubicBad", "linear"]

    /// - `cubicA` = x − x²/2 + (5/6)x³ and `cubicB` = y + y²/2 + (5/6)y³ (at 0: g′ = 1, g″ = ∓1,
    ///   g‴ = 5 < 6g″², so each meets Prop. 1 (ii));
    /// - `cubicBad` = x + x³ (g″ = 0, g′g‴ = 6 > 0: violates (ii)); `linear` = 2x (violates nothing
    ///   but g″ = g‴ = 0, so f is quadratic).
    static func named(_ name: String) -> CB23BaseModel? {
        switch name {
        case "sin": .sine
        case "tanh": .tanh
        case "exp": .exp
        case "negexp": .negExp
        case "log": .log
        case "sigmoid": .sigmoid
        case "square": .power(2)
        case "cube": .power(3)
        case "cubicA": .polynomial([0, 1, -0.5, 5.0 / 6])
        case "cubicB": .polynomial([0, 1, 0.5, 5.0 / 6])
        case "cubicBad": .polynomial([0, 1, 0, 1])
        case "linear": .polynomial([0, 2])
        default: nil
        }
    }

    /// g applied to a series.
    ///
    /// tanh and the sigmoid are written as compositions of exp and a quotient (not with
    /// `Jet.tanh`, `Jet.sigmoid`): the interval proofs of Corollaries 4 and 8 were certified
    /// with these forms, and in intervals each variable occurs once in them.
    func callAsFunction<S: JetScalar>(_ x: Jet<S>) -> Jet<S> {
        switch self {
        case .sine: return x.sin
        case .tanh:
            // tanh x = 1 − 2/(1 + e^{2x}): unlike the recurrence on tanh's value (whose
            // 1 − tanh² cancels to 0 for |x| ≳ 18.4), every derivative keeps its relative accuracy.
            let one = Jet<S>.constant(S(1), order: x.order)
            return one - S(2) * (one / (one + (S(2) * x).exp))
        case .exp: return x.exp
        case .negExp: return (-x).exp
        case .log: return x.log
        case .sigmoid:
            // σ(x) = 1/(1 + e^{−x}).
            let one = Jet<S>.constant(S(1), order: x.order)
            return one / (one + (-x).exp)
        case .power(let a):
            if a == a.rounded(), a >= 0, a <= 64 { return x.power(Int(a)) }
            return x.power(real: S(a))
        case .polynomial(let c):
            var r = Jet<S>.constant(S(c[c.count - 1]), order: x.order)
            for k in stride(from: c.count - 2, through: 0, by: -1) { r = r * x + S(c[k]) }
            return r
        }
    }

    /// g(x).
    func value(_ x: Double) -> Double { self(Jet<Double>.constant(x, order: 0)).value }

    /// g, g′, …, g^{(n)} at x.
    func derivatives(at x: Double, order: Int) -> [Double] {
        self(Jet<Double>.variable(x, order: order)).derivatives
    }

    /// The minimiser x̄ = g⁻¹(y) of (g(x) − y)² on the corollary's branch, or nil.
    func minimizer(target y: Double) -> Double? {
        switch self {
        case .sine: return abs(y) < 1 ? asin(y) : nil
        case .tanh: return abs(y) < 1 ? atanh(y) : nil
        case .exp: return y > 0 ? Glibc.log(y) : nil
        case .negExp: return y > 0 ? -Glibc.log(y) : nil
        case .log: return Glibc.exp(y)
        case .sigmoid: return y > 0 && y < 1 ? Glibc.log(y / (1 - y)) : nil
        case .power(let a):
            if y > 0 { return Glibc.pow(y, 1 / a) }
            if y < 0, a == a.rounded(), Int(a) % 2 == 1 { return -Glibc.pow(-y, 1 / a) }
            return nil
        case .polynomial: return nil
        }
    }

    /// The loss f(x) = (g(x) − y)² of Proposition 1.
    func squaredLoss(target y: Double) -> CB23Loss1D {
        let g = self
        return CB23Loss1D { x in
            let r = g(x) - y
            return r * r
        }
    }
}
