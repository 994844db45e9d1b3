#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import EOSCore

private let eps = Double.ulpOfOne

/// The refinement's stopping rule puts the returned point within 2(√ε|x| + tol/3) of the
/// maximiser of a unimodal function (the final interval around x has half-width ≤ that).
private func refinementBound(_ x: Double, tolerance: Double = Maximization.defaultTolerance) -> Double {
    2 * (eps.squareRoot() * abs(x) + tolerance / 3)
}

@Suite("Maximization: grid scan plus Brent refinement")
struct MaximizationTests {
    @Test("x·e^{−x} on [0, 5] peaks at x = 1 with value 1/e")
    func xExpMinusX() throws {
        let (x, v) = try Maximization.maximize(in: 0, 5) { $0 * exp(-$0) }
        let dx = refinementBound(1)
        #expect(abs(x - 1) <= dx, "argmax \(x)")
        // Value: the flatness ½|f″(1)| dx² = dx²/(2e) plus the rounding of f (≈ 3ε relative).
        let expected = exp(-1.0)
        #expect(abs(v - expected) <= dx * dx / (2 * exp(1.0)) + 3 * eps * expected, "max \(v) vs 1/e")
        #expect(v <= expected * (1 + 3 * eps), "cannot exceed the true maximum beyond rounding")
    }

    @Test("maxima on the boundary: f(x) = x on [0, 1] → 1, f(x) = −x → 0 (grid endpoints, exact)")
    func endpointMaxima() throws {
        let up = try Maximization.maximize(in: 0, 1) { $0 }
        #expect(up.argmax == 1 && up.value == 1)  // exact: b is a grid point and f(b) = b
        let down = try Maximization.maximize(in: 0, 1) { -$0 }
        #expect(down.argmax == 0 && down.value == 0)  // exact: a is a grid point
    }

    /// f(x) = −(x² − 1)² + x/2 has local maxima near −0.93 and +1.06; the second is global
    /// (f(1.06) ≈ 0.53 > f(−0.93) ≈ −0.47). Independent check: the global maximiser is the root of
    /// f′(x) = −4x(x² − 1) + ½ in [0.5, 1.5], found by Brent.
    @Test("a two-peak function: the global peak, cross-checked against the root of f′")
    func twoPeaks() throws {
        let f: (Double) -> Double = { x in -(x * x - 1) * (x * x - 1) + 0.5 * x }
        let (x, v) = try Maximization.maximize(in: -2, 2, f)
        let critical = try RootFinding.brent(in: 0.5, 1.5) { x in -4 * x * (x * x - 1) + 0.5 }
        // The root of f′ is accurate to a few ulps; the maximiser to the refinement bound.
        #expect(abs(x - critical) <= refinementBound(critical) + 8 * eps, "argmax \(x) vs f′ root \(critical)")
        // |f″| ≈ 12x² − 4 ≈ 9.5 there: value error ≤ ½·9.5·dx² plus rounding (≈ 8ε·|terms| ≤ 8ε·2).
        let dx = refinementBound(critical)
        #expect(abs(v - f(critical)) <= 0.5 * 9.5 * dx * dx + 16 * eps, "max \(v) vs f(root) \(f(critical))")
        // The other local maximum is lower (the grid scan must not stop there).
        let other = try RootFinding.brent(in: -1.5, -0.5) { x in -4 * x * (x * x - 1) + 0.5 }
        #expect(f(other) < v)
    }

    /// Global optimality is only up to the grid: a spike of half-width 10⁻⁵ at x = 0.30005
    /// (height 2) next to a broad bump of height 1 at 0.7. With 101 grid points (spacing 0.01)
    /// no grid point sees the spike, so the broad bump is returned (negative control). With
    /// 200 001 points (spacing 5·10⁻⁶) the spike is found.
    @Test("a spike narrower than the grid is missed with a coarse grid and found with a fine one")
    func gridResolution() throws {
        let f: (Double) -> Double = { x in
            let s = (x - 0.30005) / 1e-5
            let b = (x - 0.7) / 0.1
            return 2 * exp(-s * s) + exp(-b * b)
        }
        let coarse = try Maximization.maximize(in: 0, 1, gridPoints: 101, f)
        // The bump at 0.7 (the spike adds exp(−(0.4/1e-5)²) = 0 there): refinement bound.
        #expect(abs(coarse.argmax - 0.7) <= refinementBound(0.7), "coarse argmax \(coarse.argmax)")
        let fine = try Maximization.maximize(in: 0, 1, gridPoints: 200_001, f)
        // The spike's maximiser: refinement bound (the bump's slope there shifts it by
        // f_bump′/|f_spike″| ≈ 10⁻¹¹, far below).
        #expect(abs(fine.argmax - 0.30005) <= refinementBound(0.30005), "fine argmax \(fine.argmax)")
        #expect(fine.value > 2)
    }

    @Test("invalid intervals and non-finite values throw")
    func errors() {
        #expect(throws: NumericError.self) { try Maximization.maximize(in: 1, 0) { $0 } }
        #expect(throws: NumericError.self) { try Maximization.maximize(in: 0, 1, gridPoints: 2) { $0 } }
        #expect(throws: NumericError.self) { try Maximization.maximize(in: -1, 1) { log($0) } }
        #expect(throws: NumericError.self) { try Maximization.localMaximum(in: 0, 1, start: 2) { $0 } }
    }
}
