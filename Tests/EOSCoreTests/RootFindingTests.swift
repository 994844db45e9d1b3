#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import EOSCore

private let eps = Double.ulpOfOne

/// A 1-D equation with a reference root obtained independently of Brent's method.
struct BrentCase: CustomTestStringConvertible, Sendable {
    let name: String
    let interval: (Double, Double)
    let f: @Sendable (Double) -> Double
    let reference: Double
    var testDescription: String { name }
}

/// Newton's method run to a fixed point of the floating-point iteration: the independent
/// reference for equations without a closed form.
private func newton(_ x0: Double, _ f: (Double) -> Double, _ df: (Double) -> Double) -> Double {
    var x = x0
    for _ in 0..<100 {
        let next = x - f(x) / df(x)
        if next == x { break }
        x = next
    }
    return x
}

private func isNonFinite(_ e: NumericError) -> Bool {
    if case .nonFinite = e { return true }
    return false
}

@Suite("Root finding: Brent's method and the all-roots scan")
struct RootFindingTests {
    static let brentCases: [BrentCase] = [
        BrentCase(name: "x³ − 2 on [0, 2], root 2^{1/3} (libm cbrt)", interval: (0, 2),
                  f: { $0 * $0 * $0 - 2 }, reference: cbrt(2)),
        BrentCase(name: "x³ − 2 on [2, 0] (endpoints reversed)", interval: (2, 0),
                  f: { $0 * $0 * $0 - 2 }, reference: cbrt(2)),
        BrentCase(name: "cos x − x on [0, 1], Dottie number (Newton)", interval: (0, 1),
                  f: { cos($0) - $0 }, reference: newton(0.7, { cos($0) - $0 }, { -sin($0) - 1 })),
        BrentCase(name: "eˣ − 10 on [−5, 5], root ln 10 (libm log)", interval: (-5, 5),
                  f: { exp($0) - 10 }, reference: log(10)),
        BrentCase(name: "x·(x² + 1)·1e-200 on [−1, 3]: tiny values, root 0", interval: (-1, 3),
                  f: { $0 * ($0 * $0 + 1) * 1e-200 }, reference: 0),
    ]

    @Test("Brent agrees with a closed form or Newton's method", arguments: brentCases)
    func brentAgainstReference(_ c: BrentCase) throws {
        let x = try RootFinding.brent(in: c.interval.0, c.interval.1, c.f)
        // Brent's guarantee: a sign change within 4ε|x| + tolerance (tolerance = 4ε by default);
        // plus the reference's own error (≤ 1 ulp for libm, ≤ 1 ulp for converged Newton) and
        // the rounding error of f near the root divided by |f′| (≤ 2 ulps of |x| here).
        let bound = 4 * eps * abs(x) + RootFinding.defaultTolerance + 3 * eps * max(abs(c.reference), 1)
        #expect(abs(x - c.reference) <= bound, "x = \(x), reference = \(c.reference)")
    }

    @Test("Brent throws noSignChange (with the endpoint values) when f(a), f(b) share a sign")
    func noSignChange() {
        #expect(throws: NumericError.noSignChange(a: -1, b: 1, fa: 2, fb: 2)) {
            try RootFinding.brent(in: -1, 1) { $0 * $0 + 1 }
        }
    }

    @Test("Brent throws nonFinite on NaN values and returns an exact zero at an endpoint")
    func nonFiniteAndEndpointZero() throws {
        let atEndpoint = #expect(throws: NumericError.self) {
            try RootFinding.brent(in: 0, 1) { _ in .nan }
        }
        #expect(atEndpoint.map(isNonFinite) == true, "\(String(describing: atEndpoint))")
        // A NaN inside the bracket (the first secant step lands at 0) is reported, not iterated on.
        let inside = #expect(throws: NumericError.self) {
            try RootFinding.brent(in: -1, 1) { abs($0) < 0.5 ? .nan : $0 }
        }
        #expect(inside.map(isNonFinite) == true, "\(String(describing: inside))")
        // f(2) = 0 exactly: the endpoint itself is the root (exact case, so ==).
        #expect(try RootFinding.brent(in: 0, 2) { $0 * $0 - 4 } == 2)
        #expect(NumericError.noSignChange(a: 0, b: 1, fa: 1, fb: 2).description.contains("no sign change"))
    }

    @Test("Brent reports didNotConverge when the iteration budget is too small")
    func iterationBudget() {
        let error = #expect(throws: NumericError.self) {
            try RootFinding.brent(in: 0, 2, maxIterations: 2) { $0 * $0 * $0 - 2 }
        }
        guard case .didNotConverge = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test("allRoots of sin on [−10, 10] are kπ, k = −3…3")
    func sineRoots() throws {
        let scan = try RootFinding.allRoots(in: -10, 10) { sin($0) }
        let expected: [Double] = (-3...3).map { (k: Int) -> Double in Double(k) * Double.pi }
        try #require(scan.roots.count == expected.count, "roots: \(scan.roots)")
        for (x, r) in zip(scan.roots, expected) {
            // Brent's bound 4ε|x| + 4ε, plus the rounding of sin near kπ (≤ ε·|kπ|, |cos| = 1)
            // and of Double.pi·k (≤ 1 ulp of |kπ|).
            let bound: Double = 6 * eps * abs(r) + 4 * eps
            #expect(abs(x - r) <= bound, "x = \(x), kπ = \(r)")
        }
        #expect(scan.touching.isEmpty)
    }

    /// (x + 1)(x − ½)(x − 2)²: simple roots −1, ½ and a double root 2, as a product and as the
    /// expanded quartic x⁴ − 3.5x³ + 1.5x² + 4x − 2 (Horner), whose rounding noise near x = 2
    /// is larger.
    @Test("allRoots finds the simple roots of a quartic and reports its double root as touching",
          arguments: [false, true])
    func quarticWithDoubleRoot(expanded: Bool) throws {
        let horner: (Double) -> Double = { (x: Double) -> Double in
            let cubic: Double = ((x - 3.5) * x + 1.5) * x + 4
            return cubic * x - 2
        }
        let product: (Double) -> Double = { (x: Double) -> Double in
            let simple: Double = (x + 1) * (x - 0.5)
            return simple * (x - 2) * (x - 2)
        }
        let f = expanded ? horner : product
        // 998 grid points on [−3, 3] (spacing 6/997): no root falls on a grid point.
        let scan = try RootFinding.allRoots(in: -3, 3, gridPoints: 998, f)
        try #require(scan.roots.count == 2, "roots: \(scan.roots)")
        // Simple roots r: Brent's bound 4ε|r| + 4ε, plus the rounding error of f at r divided by
        // |f′(r)|. Horner's error is ≤ γ₈ Σ|aₖ||r|ᵏ with γ₈ ≈ 8ε: Σ = 12 at −1, 4.875 at ½
        // (the product form is smaller); f′(−1) = −13.5, f′(½) = 3.375.
        let brentBound = { (r: Double) in 4 * eps * abs(r) + RootFinding.defaultTolerance }
        #expect(abs(scan.roots[0] + 1) <= brentBound(-1) + 8 * eps * 12 / 13.5, "root \(scan.roots[0]) vs −1")
        #expect(abs(scan.roots[1] - 0.5) <= brentBound(0.5) + 8 * eps * 4.875 / 3.375,
                "root \(scan.roots[1]) vs ½")
        try #require(scan.touching.count == 1, "touching: \(scan.touching)")
        let t = scan.touching[0]
        // Near 2, f ≈ 4.5 (x − 2)². The minimiser of |f| is located to the stopping interval of
        // the refinement, 2(√ε·2 + 10⁻¹⁰/3) ≈ 6.0e-8, and, for the expanded form, to the
        // half-width √(noise/4.5) ≈ 1.5e-7 of the band where Horner's rounding noise
        // (≤ 8ε·Σ|aₖ|2ᵏ = 8ε·60 ≈ 1.1e-13) dominates 4.5 δ². Together ≤ 2.1e-7.
        #expect(abs(t.x - 2) <= 2.1e-7, "touching x = \(t.x)")
        // |f| there: ≤ 4.5·(2.1e-7)² ≈ 2e-13, plus the noise ≤ 1.1e-13.
        #expect(t.absValue <= 4.5 * 2.1e-7 * 2.1e-7 + 8 * eps * 60, "|f| = \(t.absValue)")
    }

    @Test("a near miss (x − 2)² + 10⁻³ is not touching; (x − 2)² + 10⁻¹² is, with its |f|")
    func touchingThreshold() throws {
        // Negative control: min |f| = 1e-3 is far above 10⁻⁸ · max|f| = 2.5e-7 (max |f| = 25 at −3).
        let far = try RootFinding.allRoots(in: -3, 3, gridPoints: 998) { ($0 - 2) * ($0 - 2) + 1e-3 }
        #expect(far.roots.isEmpty && far.touching.isEmpty, "\(far)")
        // A gap of 10⁻¹² is below the threshold: reported as a candidate, with |f| ≈ 10⁻¹².
        let near = try RootFinding.allRoots(in: -3, 3, gridPoints: 998) { ($0 - 2) * ($0 - 2) + 1e-12 }
        try #require(near.touching.count == 1)
        // |f| = 1e-12 + δ², δ ≤ 6e-8 (refinement stopping interval, see above) → δ² ≤ 3.6e-15.
        #expect(abs(near.touching[0].absValue - 1e-12) <= 3.6e-15, "|f| = \(near.touching[0].absValue)")
        #expect(near.roots.isEmpty)
    }

    @Test("allRoots keeps an exact zero on a grid point and rejects bad arguments")
    func exactZeroAndArguments() throws {
        // x ↦ x² on [−1, 1] with 3 grid points: f(0) = 0 exactly at the middle grid point.
        let scan = try RootFinding.allRoots(in: -1, 1, gridPoints: 3) { $0 * $0 }
        #expect(scan.roots == [0])  // exact case
        #expect(scan.touching.isEmpty)
        #expect(throws: NumericError.self) { try RootFinding.allRoots(in: 1, 1) { $0 } }
        #expect(throws: NumericError.self) { try RootFinding.allRoots(in: 0, 1, gridPoints: 2) { $0 } }
        #expect(throws: NumericError.self) { try RootFinding.allRoots(in: -1, 1, gridPoints: 3) { 1 / $0 } }
    }
}
