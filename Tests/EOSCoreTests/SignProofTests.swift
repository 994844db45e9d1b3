#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import EOSCore

@Suite("SignProof: interval bisection proofs of a strict sign")
struct SignProofTests {
    @Test("−(1 − y²) − 10⁻³ < 0 on [−1, 1] is proved, with a margin between the true max −10⁻³ and 0")
    func provedOneDimensional() {
        let result = SignProof.prove(.negative, on: Interval(-1, 1)) { y in
            -(Interval(1) - y.squared) - Interval(1e-3)
        }
        guard case let .proved(boxes, bound) = result else {
            Issue.record("expected a proof, got \(result)"); return
        }
        // The bound is a certified upper bound of f: ≥ the true maximum −10⁻³ (at y = ±1), < 0.
        #expect(bound < 0 && bound >= -1e-3 * (1 + 1e-12), "margin \(bound)")
        #expect(boxes >= 1 && boxes < 10_000, "boxes \(boxes)")
        // Sanity: the proved statement holds at sampled points.
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<1000 {
            let y = -1 + 2 * rng.nextUniform()
            #expect(-(1 - y * y) - 1e-3 < 0)
        }
    }

    @Test("−(1 − y²) + 0.1 < 0 on [−1, 1] fails: a counterexample with |y| ≥ √0.9")
    func counterexample() {
        let result = SignProof.prove(.negative, on: Interval(-1, 1)) { y in
            -(Interval(1) - y.squared) + Interval(0.1)
        }
        guard case let .counterexample(point, value, _) = result else {
            Issue.record("expected a counterexample, got \(result)"); return
        }
        let y = point[0]
        #expect(abs(y) >= 0.9.squareRoot() - 1e-12, "counterexample at \(y)")
        #expect(value >= 0 && -(1 - y * y) + 0.1 >= 0, "f(\(y)) ≥ \(value) ≥ 0")
    }

    @Test("a touching zero, −(y − 1/3)² < 0 on [−1, 1], exhausts the budget: undecided, never proved")
    func touchingZero() {
        let third = Interval(1.0 / 3)   // the double nearest 1/3: no bisection midpoint hits it
        let result = SignProof.prove(.negative, on: Interval(-1, 1), maxBoxes: 60) { y in -(y - third).squared }
        guard case let .undecided(boxes, bound, box) = result else {
            Issue.record("expected undecided, got \(result)"); return
        }
        #expect(boxes == 60)
        #expect(bound < 0, "the boxes settled so far have a negative upper bound: \(bound)")
        // Depth-first: the box on top is the one around 1/3 or its neighbour.
        let b = box[0]
        #expect(b.lo - b.width <= 1.0 / 3 && 1.0 / 3 <= b.hi + b.width && b.width < 1e-6, "stuck at the zero: \(box)")
        // With an unbounded budget the search still ends, undecided, once boxes cannot be split.
        let exhaustive = SignProof.prove(.negative, on: Interval(-1, 1), maxBoxes: 100_000) { y in -(y - third).squared }
        #expect(exhaustive.isUndecided && exhaustive.boxes < 100_000, "\(exhaustive)")
    }

    @Test("2-D: x² − xy + y² + 0.05 > 0 on [−1, 1]² is proved; x² − y² + 0.1 > 0 on [−1, 1]² has a counterexample")
    func twoDimensional() {
        let square = [Interval(-1, 1), Interval(-1, 1)]
        // On the whole square the extension gives [−0.95, 3.05] (the xy term is not tied to
        // the squares): the proof has to bisect down to boxes of side < 0.2 around 0.
        let proved = SignProof.prove(.positive, on: square) { v in
            v[0].squared - v[0] * v[1] + v[1].squared + Interval(0.05)
        }
        if case let .proved(boxes, bound) = proved {
            // True minimum 0.05 at 0; the bound is a certified lower bound, so below it.
            #expect(bound > 0 && bound <= 0.05, "margin \(bound)")
            #expect(boxes > 1, "needed bisection: \(boxes) boxes")
        } else {
            Issue.record("expected a proof, got \(proved)")
        }
        let fails = SignProof.prove(.positive, on: [Interval(-1, 1), Interval(-1, 1)]) { v in
            v[0].squared - v[1].squared + Interval(0.1)
        }
        guard case let .counterexample(p, _, _) = fails else { Issue.record("expected a counterexample, got \(fails)"); return }
        #expect(p[0] * p[0] - p[1] * p[1] + 0.1 <= 0, "at \(p)")
    }

    @Test("with interval jets: tanh″(x) = −2 tanh x sech² x < 0 on [0.01, 5] is proved; on [−0.5, 5] it is not")
    func derivativeCondition() {
        let second: (Interval) -> Interval = { x in Jet<Interval>.variable(x, order: 2).tanh.derivative(2) }
        let proved = SignProof.prove(.negative, on: Interval(0.01, 5), second)
        #expect(proved.isProved, "\(proved)")
        let refuted = SignProof.prove(.negative, on: Interval(-0.5, 5), second)
        #expect(refuted.isCounterexample, "\(refuted)")
    }

    @Test("the budget is honoured and the box count is reported")
    func budget() {
        // v·v (not v²) so the first box is not settled: [−1, 1]·[−1, 1] = [−1, 1].
        let result = SignProof.prove(.positive, on: [Interval(-1, 1)], maxBoxes: 1) { v in v[0] * v[0] + Interval(1e-9) }
        #expect(result == .undecided(boxes: 1, bound: .infinity, box: [Interval(-1, 0)]))
        let easy = SignProof.prove(.positive, on: [Interval(2, 3)], maxBoxes: 1) { v in v[0] }
        #expect(easy == .proved(boxes: 1, bound: 2))
    }
}
