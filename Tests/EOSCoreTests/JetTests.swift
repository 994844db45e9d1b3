#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import EOSCore

// MARK: - Independent references

/// A minimal complex number, for the Cauchy-integral reference below (test-only).
struct TestComplex {
    var re: Double, im: Double
    init(_ re: Double, _ im: Double = 0) { self.re = re; self.im = im }
    static func + (a: TestComplex, b: TestComplex) -> TestComplex { TestComplex(a.re + b.re, a.im + b.im) }
    static func - (a: TestComplex, b: TestComplex) -> TestComplex { TestComplex(a.re - b.re, a.im - b.im) }
    static func * (a: TestComplex, b: TestComplex) -> TestComplex { TestComplex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
    static func / (a: TestComplex, b: TestComplex) -> TestComplex {
        let d = b.re * b.re + b.im * b.im
        return TestComplex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    }
    var exp: TestComplex { let e = Glibc.exp(re); return TestComplex(e * Glibc.cos(im), e * Glibc.sin(im)) }
    /// Principal branch.
    var log: TestComplex { TestComplex(Glibc.log((re * re + im * im).squareRoot()), atan2(im, re)) }
    var sin: TestComplex { TestComplex(Glibc.sin(re) * cosh(im), Glibc.cos(re) * sinh(im)) }
    var cos: TestComplex { TestComplex(Glibc.cos(re) * cosh(im), -Glibc.sin(re) * sinh(im)) }
    var tanh: TestComplex { let e = (TestComplex(2) * self).exp; return (e - TestComplex(1)) / (e + TestComplex(1)) }
    var sigmoid: TestComplex { TestComplex(1) / (TestComplex(1) + (TestComplex(0) - self).exp) }
    var softplus: TestComplex { (TestComplex(1) + exp).log }
    func power(_ a: Double) -> TestComplex { (TestComplex(a) * log).exp }
}

/// f⁽ᵏ⁾(x₀) for k = 0…n by Cauchy's integral formula, c_k = (1/2πi)∮ f(z)/(z − x₀)^{k+1} dz on
/// the circle |z − x₀| = r, discretised by the trapezoid rule with N points:
/// c_k ≈ (1/N) Σ_j f(x₀ + r ωʲ) ω^{−jk} / rᵏ, ω = e^{2πi/N}.
/// For f analytic on a disc of radius R > r the aliasing error is O((r/R)^N) (≈ 10⁻³⁰ for
/// r/R ≤ 1/3, N = 64) and the rounding error ≈ k!·max|f|·ε/rᵏ (≤ 2·10⁻¹¹·max|f| for k ≤ 6,
/// r = ½). Independent of the recurrences of `Jet`.
private func cauchyDerivatives(_ f: (TestComplex) -> TestComplex, at x0: Double, order n: Int,
                               radius r: Double = 0.5, points N: Int = 64) -> [Double] {
    var result: [Double] = []
    var factorial = 1.0
    for k in 0...n {
        if k > 0 { factorial *= Double(k) }
        var sum = 0.0
        for j in 0..<N {
            let theta = 2 * Double.pi * Double(j) / Double(N)
            let fz = f(TestComplex(x0 + r * Glibc.cos(theta), r * Glibc.sin(theta)))
            // Re(f · e^{−ikθ}); the imaginary parts cancel for f real on the real axis.
            sum += fz.re * Glibc.cos(Double(k) * theta) + fz.im * Glibc.sin(Double(k) * theta)
        }
        result.append(factorial * sum / Double(N) / pow(r, Double(k)))
    }
    return result
}

/// Polynomials as coefficient arrays (constant first), for the closed forms of the tanh and
/// sigmoid derivatives.
private func polyDerivative(_ p: [Double]) -> [Double] {
    p.count <= 1 ? [0] : (1..<p.count).map { Double($0) * p[$0] }
}
private func polyAdd(_ a: [Double], _ b: [Double]) -> [Double] {
    (0..<max(a.count, b.count)).map { (($0 < a.count) ? a[$0] : 0) + (($0 < b.count) ? b[$0] : 0) }
}
private func polyMul(_ a: [Double], _ b: [Double]) -> [Double] {
    var r = [Double](repeating: 0, count: a.count + b.count - 1)
    for i in a.indices { for j in b.indices { r[i + j] += a[i] * b[j] } }
    return r
}
private func polyEval(_ p: [Double], _ t: Double) -> Double { p.reversed().reduce(0) { $0 * t + $1 } }

/// tanh⁽ᵏ⁾(x) = sech²x · R_k(tanh x) with R₁ = 1, R_{k+1}(t) = −2t R_k(t) + (1 − t²) R_k′(t)
/// (from (sech²)′ = −2 tanh sech² and tanh′ = 1 − tanh²). sech² is evaluated directly, so the
/// closed form keeps its relative accuracy for large |x|.
private func tanhDerivatives(_ x: Double, order n: Int) -> [Double] {
    let t = tanh(x), s = 1 / (cosh(x) * cosh(x))
    var r: [Double] = [1], out = [t]
    for _ in 1...n {
        out.append(s * polyEval(r, t))
        r = polyAdd(polyMul([0, -2], r), polyMul([1, 0, -1], polyDerivative(r)))
    }
    return out
}

/// σ⁽ᵏ⁾(x) = σ(1 − σ) · S_k(σ) with S₁ = 1, S_{k+1}(s) = (1 − 2s) S_k(s) + s(1 − s) S_k′(s).
/// σ(1 − σ) = e^{−|x|}/(1 + e^{−|x|})² directly.
private func sigmoidDerivatives(_ x: Double, order n: Int) -> [Double] {
    let e = exp(-abs(x)), sig = x >= 0 ? 1 / (1 + e) : e / (1 + e), w = e / ((1 + e) * (1 + e))
    var p: [Double] = [1], out = [sig]
    for _ in 1...n {
        out.append(w * polyEval(p, sig))
        p = polyAdd(polyMul([1, -2], p), polyMul([0, 1, -1], polyDerivative(p)))
    }
    return out
}

/// Relative-or-absolute comparison: |a − b| ≤ tol·max(1, |b|).
private func close(_ a: Double, _ b: Double, _ tol: Double) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

/// The recurrences add up to (k + 1)² rounded products of O(max term) size and multiply by k!:
/// for k ≤ 6 that is ≲ 720·49·ε ≈ 8·10⁻¹² relative to the largest term; 1e-10 leaves a margin.
private let closedFormTolerance = 1e-10

// MARK: - Tests

struct JetFunctionCase: CustomTestStringConvertible, Sendable {
    let name: String
    let x0: Double
    let jet: @Sendable (Jet<Double>) -> Jet<Double>
    let closed: @Sendable (Double, Int) -> [Double]
    var testDescription: String { "\(name) at x₀ = \(x0)" }
}

private func fallingFactorial(_ a: Double, _ k: Int) -> Double { (0..<k).reduce(1.0) { $0 * (a - Double($1)) } }

@Suite("Jet: Taylor-mode derivatives")
struct JetTests {
    static let order = 6

    static let closedFormCases: [JetFunctionCase] = [
        JetFunctionCase(name: "exp", x0: 0.7, jet: { $0.exp }, closed: { x, n in Array(repeating: exp(x), count: n + 1) }),
        JetFunctionCase(name: "log: (−1)^{k−1}(k−1)!/xᵏ", x0: 1.3, jet: { $0.log }, closed: { x, n in
            [log(x)] + (1...n).map { k in (k % 2 == 1 ? 1.0 : -1.0) * fallingFactorial(Double(k - 1), k - 1) / pow(x, Double(k)) }
        }),
        JetFunctionCase(name: "sin: sin(x + kπ/2)", x0: -0.4, jet: { $0.sin }, closed: { x, n in (0...n).map { sin(x + Double($0) * .pi / 2) } }),
        JetFunctionCase(name: "cos: cos(x + kπ/2)", x0: 2.1, jet: { $0.cos }, closed: { x, n in (0...n).map { cos(x + Double($0) * .pi / 2) } }),
        JetFunctionCase(name: "tanh", x0: 0.6, jet: { $0.tanh }, closed: tanhDerivatives),
        JetFunctionCase(name: "tanh far out (1 − tanh² would cancel)", x0: 25, jet: { $0.tanh }, closed: tanhDerivatives),
        JetFunctionCase(name: "tanh far out, negative", x0: -30, jet: { $0.tanh }, closed: tanhDerivatives),
        JetFunctionCase(name: "sigmoid", x0: -1.2, jet: { $0.sigmoid }, closed: sigmoidDerivatives),
        JetFunctionCase(name: "sigmoid far out", x0: 45, jet: { $0.sigmoid }, closed: sigmoidDerivatives),
        JetFunctionCase(name: "sigmoid far out, negative", x0: -745 + 40, jet: { $0.sigmoid }, closed: sigmoidDerivatives),
        JetFunctionCase(name: "softplus: σ^{(k−1)}", x0: 0.9, jet: { $0.softplus }, closed: { x, n in
            [log1p(exp(x))] + sigmoidDerivatives(x, order: n - 1)
        }),
        JetFunctionCase(name: "√x: (½)_k x^{½−k}", x0: 2.5, jet: { $0.squareRoot }, closed: { x, n in
            (0...n).map { fallingFactorial(0.5, $0) * pow(x, 0.5 - Double($0)) }
        }),
        JetFunctionCase(name: "x^2.5: (2.5)_k x^{2.5−k}", x0: 1.7, jet: { $0.power(real: 2.5) }, closed: { x, n in
            (0...n).map { fallingFactorial(2.5, $0) * pow(x, 2.5 - Double($0)) }
        }),
        JetFunctionCase(name: "x^−1.5", x0: 0.8, jet: { $0.power(real: -1.5) }, closed: { x, n in
            (0...n).map { fallingFactorial(-1.5, $0) * pow(x, -1.5 - Double($0)) }
        }),
        JetFunctionCase(name: "x⁴ (integer power, negative x)", x0: -1.1, jet: { $0.power(4) }, closed: { x, n in
            (0...n).map { fallingFactorial(4, $0) * ($0 <= 4 ? pow(x, Double(4 - $0)) : 0) }
        }),
        JetFunctionCase(name: "x^−3 (negative integer power)", x0: -0.9, jet: { $0.power(-3) }, closed: { x, n in
            (0...n).map { fallingFactorial(-3, $0) * pow(x, Double(-3 - $0)) }
        }),
        JetFunctionCase(name: "1/(1 + x²) at 0: (−1)^m (2m)! at even orders", x0: 0, jet: { 1.0 / (1.0 + $0 * $0) }, closed: { _, n in
            (0...n).map { $0 % 2 == 1 ? 0 : ($0 % 4 == 0 ? 1 : -1) * fallingFactorial(Double($0), $0) }
        }),
    ]

    @Test("derivatives up to order 6 match the closed forms", arguments: closedFormCases)
    func closedForms(_ c: JetFunctionCase) {
        let d = c.jet(.variable(c.x0, order: Self.order)).derivatives
        let ref = c.closed(c.x0, Self.order)
        let scale = ref.map(abs).max()!
        for k in 0...Self.order {
            // Absolute, relative to the largest derivative, except far out where every
            // derivative is tiny: there relative to each one (the point of those cases).
            let tol = abs(c.x0) >= 20 ? closedFormTolerance * abs(ref[k]) : closedFormTolerance * max(1, scale)
            #expect(abs(d[k] - ref[k]) <= tol, "\(c.name): d^\(k) = \(d[k]), closed form \(ref[k])")
        }
    }

    struct CompositionCase: CustomTestStringConvertible, Sendable {
        let name: String
        let x0: Double
        let jet: @Sendable (Jet<Double>) -> Jet<Double>
        let complex: @Sendable (TestComplex) -> TestComplex
        let real: @Sendable (Double) -> Double
        var testDescription: String { "\(name) at x₀ = \(x0)" }
    }

    static let compositions: [CompositionCase] = [
        CompositionCase(name: "sin(exp x)", x0: 0.3, jet: { $0.exp.sin }, complex: { $0.exp.sin }, real: { sin(exp($0)) }),
        CompositionCase(name: "tanh", x0: -0.8, jet: { $0.tanh }, complex: { $0.tanh }, real: { tanh($0) }),
        CompositionCase(name: "sigmoid", x0: 1.4, jet: { $0.sigmoid }, complex: { $0.sigmoid }, real: { 1 / (1 + exp(-$0)) }),
        CompositionCase(name: "softplus", x0: -0.5, jet: { $0.softplus }, complex: { $0.softplus }, real: { log1p(exp($0)) }),
        CompositionCase(name: "x^2.5", x0: 1.5, jet: { $0.power(real: 2.5) }, complex: { $0.power(2.5) }, real: { pow($0, 2.5) }),
        CompositionCase(name: "tanh(x)² · cos(3x) / (2 + x)", x0: 0.2,
                        jet: { x in x.tanh * x.tanh * (3.0 * x).cos / (2.0 + x) },
                        complex: { z in z.tanh * z.tanh * (TestComplex(3) * z).cos / (TestComplex(2) + z) },
                        real: { x in tanh(x) * tanh(x) * cos(3 * x) / (2 + x) }),
        CompositionCase(name: "√(1 + x²) · log(2 + sin x) − exp(−x)/(1 + x)", x0: 0.1,
                        jet: { x in (1.0 + x * x).squareRoot * (2.0 + x.sin).log - (-x).exp / (1.0 + x) },
                        complex: { z in (TestComplex(1) + z * z).power(0.5) * (TestComplex(2) + z.sin).log - (TestComplex(0) - z).exp / (TestComplex(1) + z) },
                        real: { x in (1 + x * x).squareRoot() * log(2 + sin(x)) - exp(-x) / (1 + x) }),
        CompositionCase(name: "softplus(sigmoid(x) · x)^1.5", x0: 0.4,
                        jet: { x in (x.sigmoid * x).softplus.power(real: 1.5) },
                        complex: { z in (z.sigmoid * z).softplus.power(1.5) },
                        real: { x in pow(log1p(exp(x / (1 + exp(-x)))), 1.5) }),
    ]

    @Test("compositions: derivatives to order 6 match Cauchy's integral formula", arguments: compositions)
    func compositionsCauchy(_ c: CompositionCase) {
        let d = c.jet(.variable(c.x0, order: Self.order)).derivatives
        let ref = cauchyDerivatives(c.complex, at: c.x0, order: Self.order)
        for k in 0...Self.order {
            // Cauchy reference: rounding ≤ 2e-11·max|f| on the circle (max|f| ≤ 10 here);
            // the jet: ≲ 1e-11. 1e-9 (relative, or absolute below 1) covers both.
            #expect(close(d[k], ref[k], 1e-9), "\(c.name): d^\(k) = \(d[k]), Cauchy \(ref[k])")
        }
    }

    @Test("compositions: orders 1 and 2 match central finite differences", arguments: compositions)
    func compositionsFiniteDifferences(_ c: CompositionCase) {
        let d = c.jet(.variable(c.x0, order: 3)).derivatives
        let h = 1e-4, f = c.real, x = c.x0
        let d1 = (f(x + h) - f(x - h)) / (2 * h)
        let d2 = (f(x + h) - 2 * f(x) + f(x - h)) / (h * h)
        // Truncation h²/6·|f‴| ≈ 2e-9·|f‴| and h²/12·|f⁗|; rounding ε|f|/h ≈ 2e-12 (first) and
        // 4ε|f|/h² ≈ 1e-7 (second). |f‴|, |f⁗| ≲ 50 for these functions near x₀.
        #expect(close(d1, d[1], 1e-6), "\(c.name): f′ jet \(d[1]) vs FD \(d1)")
        #expect(close(d2, d[2], 1e-5), "\(c.name): f″ jet \(d[2]) vs FD \(d2)")
        // The value: the same operations up to a few roundings and a cancellation ≤ 10×.
        #expect(close(d[0], f(x), 1e-13), "\(c.name): value")
    }

    @Test("the order is chosen at construction: order 0, order 12 of exp, and mixed orders truncate")
    func orders() {
        let v0 = Jet<Double>.variable(0.5, order: 0)
        #expect(v0.exp.derivatives.count == 1)
        #expect(v0.exp.value == exp(0.5))
        let d = Jet<Double>.variable(0.5, order: 12).exp.derivatives
        #expect(d.count == 13)
        // e^{0.5}·(1 ± 13·(k+1)ε) for the k-th (a chain of k products and quotients).
        for k in 0...12 { #expect(abs(d[k] - exp(0.5)) <= 1e-13 * exp(0.5), "d^\(k) exp = \(d[k])") }
        let mixed = Jet<Double>.variable(1, order: 5) * Jet<Double>.variable(1, order: 2)
        #expect(mixed.order == 2)
        #expect(mixed.derivatives == [1, 2, 2])
        #expect(Jet<Double>.variable(2, order: 4).truncated(to: 1).coefficients == [2, 1])
    }

    @Test("arithmetic identities hold coefficient-wise: (u·v)/v = u, u − u = 0, exp(log u) = u, √u² = u")
    func identities() {
        let x = Jet<Double>.variable(0.7, order: 6)
        let u = x.sin + 2.0, v = x.exp * x
        for (a, b) in zip(((u * v) / v).coefficients, u.coefficients) { #expect(close(a, b, 1e-14)) }
        #expect((u - u).coefficients.allSatisfy { $0 == 0 })
        for (a, b) in zip(u.log.exp.coefficients, u.coefficients) { #expect(close(a, b, 1e-14)) }
        for (a, b) in zip((u * u).squareRoot.coefficients, u.coefficients) { #expect(close(a, b, 1e-14)) }
        for (a, b) in zip(u.power(x).coefficients, (x * u.log).exp.coefficients) { #expect(a == b) }
        for (a, b) in zip((2.0 - x).coefficients, (-(x - 2.0)).coefficients) { #expect(a == b) }
        for (a, b) in zip((1.0 / x).coefficients, x.power(-1).coefficients) { #expect(close(a, b, 1e-15)) }
    }

    @Test("an interval jet encloses the derivatives, at a point and over a box")
    func intervalJet() {
        let x0 = 0.6, n = Self.order
        let f: (Jet<Interval>) -> Jet<Interval> = { x in x.tanh * x.exp.sin + x.sigmoid.softplus }
        let g: (TestComplex) -> TestComplex = { z in z.tanh * z.exp.sin + z.sigmoid.softplus }
        let ref = cauchyDerivatives(g, at: x0, order: n)
        let point = f(.variable(Interval(x0), order: n)).derivatives
        for k in 0...n {
            // The reference is within 1e-9 of the truth (see compositionsCauchy).
            let t = 1e-9 * max(1, abs(ref[k]))
            #expect(point[k].lo <= ref[k] + t && ref[k] - t <= point[k].hi, "d^\(k) ∈ \(point[k]) ∌ \(ref[k])")
            #expect(point[k].width <= 1e-10 * max(1, point[k].magnitude), "thin at a point: \(point[k])")
        }
        // Over a box, every derivative at every point of the box is enclosed.
        let box = Interval(0.55, 0.62)
        let boxed = f(.variable(box, order: n)).derivatives
        for x in stride(from: 0.55, through: 0.62, by: 0.01) {
            let r = cauchyDerivatives(g, at: x, order: n)
            for k in 0...n { #expect(boxed[k].lo <= r[k] + 1e-9 * max(1, abs(r[k])) && r[k] - 1e-9 * max(1, abs(r[k])) <= boxed[k].hi) }
        }
    }
}
