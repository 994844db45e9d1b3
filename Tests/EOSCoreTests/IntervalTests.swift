#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import EOSCore

/// A unary function with its interval extension and its double evaluation, and the domain
/// from which random boxes are drawn.
struct UnaryIntervalCase: CustomTestStringConvertible, Sendable {
    let name: String
    let domain: (Double, Double)
    let interval: @Sendable (Interval) -> Interval
    let point: @Sendable (Double) -> Double
    var testDescription: String { "\(name) on [\(domain.0), \(domain.1)]" }
}

@Suite("Interval: outward-rounded arithmetic and enclosures")
struct IntervalTests {
    static let unary: [UnaryIntervalCase] = [
        UnaryIntervalCase(name: "exp", domain: (-50, 50), interval: { $0.exp }, point: { exp($0) }),
        UnaryIntervalCase(name: "log", domain: (1e-6, 1e6), interval: { $0.log }, point: { log($0) }),
        UnaryIntervalCase(name: "log1p", domain: (-0.999, 10), interval: { $0.log1p }, point: { log1p($0) }),
        UnaryIntervalCase(name: "√", domain: (0, 100), interval: { $0.squareRoot }, point: { $0.squareRoot() }),
        UnaryIntervalCase(name: "sin", domain: (-20, 20), interval: { $0.sin }, point: { sin($0) }),
        UnaryIntervalCase(name: "cos", domain: (-20, 20), interval: { $0.cos }, point: { cos($0) }),
        UnaryIntervalCase(name: "tanh", domain: (-30, 30), interval: { $0.tanh }, point: { tanh($0) }),
        UnaryIntervalCase(name: "sigmoid", domain: (-700, 700), interval: { $0.sigmoid }, point: { $0 >= 0 ? 1 / (1 + exp(-$0)) : exp($0) / (1 + exp($0)) }),
        UnaryIntervalCase(name: "softplus", domain: (-700, 700), interval: { $0.softplus }, point: { max($0, 0) + log1p(exp(-abs($0))) }),
        UnaryIntervalCase(name: "sech²", domain: (-40, 40), interval: { $0.sechSquared }, point: { 1 / (cosh($0) * cosh($0)) }),
        UnaryIntervalCase(name: "x²", domain: (-5, 5), interval: { $0.squared }, point: { $0 * $0 }),
        UnaryIntervalCase(name: "x⁵", domain: (-3, 3), interval: { $0.power(5) }, point: { $0 * $0 * $0 * $0 * $0 }),
        UnaryIntervalCase(name: "x^−2", domain: (0.1, 4), interval: { $0.power(-2) }, point: { 1 / ($0 * $0) }),
        UnaryIntervalCase(name: "x^2.5", domain: (0, 10), interval: { $0.power(real: 2.5) }, point: { pow($0, 2.5) }),
        UnaryIntervalCase(name: "x^−0.7", domain: (0.01, 10), interval: { $0.power(real: -0.7) }, point: { pow($0, -0.7) }),
        UnaryIntervalCase(name: "|x|", domain: (-3, 3), interval: { $0.absolute }, point: { abs($0) }),
        UnaryIntervalCase(name: "sin(exp x)·tanh x − x/(1 + x²)", domain: (-2, 2),
                          interval: { x in x.exp.sin * x.tanh - x / (Interval(1) + x.squared) },
                          point: { x in sin(exp(x)) * tanh(x) - x / (1 + x * x) }),
    ]

    /// The enclosure property on seeded random points. The reference is the C library's double
    /// value, itself within 1–2 ulp of the exact value (glibc's documented bounds), while the
    /// enclosure is widened by ≥ 1 ulp (basic operations, exact to ½ ulp) or 4 ulp (library
    /// functions) around the same kind of evaluation: so the double value must lie inside both
    /// the thin box {x} and every box containing x.
    @Test("enclosure: f(x) ∈ F([x, x]) and f(x) ∈ F(B) for random boxes B ∋ x", arguments: unary)
    func enclosure(_ c: UnaryIntervalCase) {
        var rng = SeededGenerator(seed: 20_261_201)
        let (a, b) = c.domain
        for _ in 0..<400 {
            let x = a + (b - a) * rng.nextUniform()
            let fx = c.point(x)
            let thin = c.interval(Interval(x))
            #expect(thin.contains(fx), "\(c.name)(\(x)) = \(fx) ∉ \(thin)")
            // Thin really is thin: a few ulp per operation (4 per library call), at most a
            // dozen operations, on terms of size ≤ max(1, |f|): well below 1e-13·max(1, |f|).
            #expect(thin.width <= 1e-13 * max(1, abs(fx)), "\(c.name) at \(x): \(thin) too wide")
            // A box around x, of random width up to the whole domain (clipped to it).
            let w = (b - a) * pow(rng.nextUniform(), 4)
            let lo = max(a, x - w * rng.nextUniform()), hi = min(b, x + w * rng.nextUniform())
            let box = c.interval(Interval(lo, hi))
            #expect(box.contains(fx), "\(c.name)(\(x)) = \(fx) ∉ F([\(lo), \(hi)]) = \(box)")
        }
    }

    @Test("binary operations enclose x ∘ y for random x ∈ A, y ∈ B")
    func binary() {
        var rng = SeededGenerator(seed: 7)
        func draw() -> (Interval, Double) {
            let x = -10 + 20 * rng.nextUniform()
            let lo = x - 3 * rng.nextUniform(), hi = x + 3 * rng.nextUniform()
            return (Interval(lo, hi), x)
        }
        for _ in 0..<2000 {
            let (a, x) = draw(), (b, y) = draw()
            #expect((a + b).contains(x + y))
            #expect((a - b).contains(x - y))
            #expect((a * b).contains(x * y))
            #expect((a / b).contains(x / y), "\(a) / \(b)")
            #expect((Interval(x) + Interval(y)).contains(x + y))
            let p = Interval(x) * Interval(y)
            #expect(p.lo < x * y && x * y < p.hi, "a point product is widened by one ulp each side")
        }
    }

    @Test("outward rounding: 0.1 + 0.2 is enclosed strictly, and exact results still get one ulp")
    func outward() {
        let s = Interval(0.1) + Interval(0.2)
        // The exact sum of the doubles 0.1 and 0.2 is 0.3000000000000000166…, between the
        // doubles 0.3 (…0.29999999999999998890) and 0.30000000000000004: both must be inside.
        #expect(s.lo <= 0.3 && s.hi >= 0.30000000000000004)
        #expect(s.width <= 4 * 0.3.ulp)
        let one = Interval(1) + Interval(1)
        #expect(one.lo == 2.0.nextDown && one.hi == 2.0.nextUp)
    }

    @Test("division by an interval containing 0 is the entire line; out-of-domain functions too")
    func entireLine() {
        #expect(Interval(1, 2) / Interval(-1, 1) == .entire)
        #expect(Interval(1, 2) / Interval(0, 1) == .entire)
        #expect(Interval(0, 1).reciprocal == .entire)
        #expect(Interval(-1, 2).log == .entire)
        #expect(Interval(0, 2).log == .entire)
        #expect(Interval(-1, 2).squareRoot == .entire)
        #expect(Interval(-1, 2).power(real: 1.5) == .entire)
        #expect(Interval(800, 801).exp == .entire)   // overflow
        #expect(Interval(.nan, 1) == .entire)
        #expect(Interval(2, 1) == .entire)
        #expect(Interval.entire * Interval(0) == .entire)
        #expect(!(Interval.entire.isPositive || Interval.entire.isNegative))
        #expect(Interval(-1, 2).power(-2) == .entire)
    }

    @Test("sin and cos reach ±1 exactly when the box contains an extremum, and stay below otherwise")
    func extrema() {
        let aroundTop = Interval(1.5, 1.7)          // π/2 ≈ 1.5708
        #expect(aroundTop.sin.hi == 1)
        #expect(aroundTop.sin.lo <= sin(1.7) && aroundTop.sin.lo > 0.99)
        #expect(Interval(-1.7, -1.5).sin.lo == -1)
        #expect(Interval(-0.1, 0.1).cos.hi == 1)
        #expect(Interval(3.1, 3.2).cos.lo == -1)    // π
        let noExtremum = Interval(0.2, 1.2)
        #expect(noExtremum.sin.hi < 1 && noExtremum.sin.hi >= sin(1.2))
        #expect(noExtremum.sin.lo <= sin(0.2))
        // Extremum far out: 2π·10⁴ + π/2.
        let far = 2 * Double.pi * 1e4 + Double.pi / 2
        #expect(Interval(far - 1e-3, far + 1e-3).sin.hi == 1)
        #expect(Interval(-100, 100).sin == Interval(-1, 1))
        #expect(Interval(0, 7).cos == Interval(-1, 1))
    }

    @Test("squares and even powers are never negative; x·x is (the dependency problem)")
    func dependency() {
        let x = Interval(-1, 2)
        #expect(x.squared == Interval(0, 4.0.nextUp))
        #expect(x.power(4).lo >= 0)
        #expect((x * x).lo < 0)
        #expect(Interval(-3, -2).squared.lo >= 0 && Interval(-3, -2).squared.contains(4) && Interval(-3, -2).squared.contains(9))
        #expect(Interval(0, 3).squared.lo == 0)
    }

    @Test("sigmoid, softplus and sech² keep relative accuracy far out")
    func farOut() {
        let s = Interval(-700).sigmoid
        #expect(s.lo > 0 && s.contains(exp(-700.0) / (1 + exp(-700.0))))
        #expect(s.width <= 1e-14 * s.hi)
        let sp = Interval(-50).softplus
        #expect(sp.lo > 0 && sp.contains(log1p(exp(-50.0))) && sp.width <= 1e-14 * sp.hi)
        let sh = Interval(30).sechSquared
        #expect(sh.lo > 0 && sh.contains(1 / (cosh(30.0) * cosh(30.0))) && sh.width <= 1e-14 * sh.hi)
        #expect(Interval(-1, 1).sechSquared.hi == 1 && Interval(-1, 1).sechSquared.lo <= 1 / (cosh(1.0) * cosh(1.0)))
    }

    @Test("interval exponents: x^α over α ∈ [2, 3] encloses every x^a, and so does the interval jet's derivatives")
    func intervalExponent() {
        var rng = SeededGenerator(seed: 5)
        let alpha = Interval(2, 3)
        for _ in 0..<200 {
            let x = 0.1 + 9.9 * rng.nextUniform(), a = 2 + rng.nextUniform()
            #expect(Interval(x).power(real: alpha).contains(pow(x, a)), "x = \(x), α = \(a)")
            // d/dx x^α = α x^{α−1}, d²/dx² = α(α−1) x^{α−2}; the jet over the α box encloses them.
            let d = Jet<Interval>.variable(Interval(x), order: 2).power(real: alpha).derivatives
            #expect(d[1].contains(a * pow(x, a - 1)) && d[2].contains(a * (a - 1) * pow(x, a - 2)), "x = \(x), α = \(a): \(d)")
        }
    }
}
