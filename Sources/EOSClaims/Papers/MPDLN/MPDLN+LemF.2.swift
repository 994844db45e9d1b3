import Foundation
import EOSCore

extension MPDLNClaims {
    /// Lemma F.2 (Two-step return reduces to positivity at M), l.551–556, Eq. (75).
    static let lemmaF2 = Claim(
        id: "MPDLN.LemF.2",
        title: "for hL > 1, two-step return (74) ⟺ f_h(M(h)) > 0; the upper bound is automatic [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Lemma F.2", lines: 551...556),
        statement: """
        Assume hL > 1. Then the WCR property (74) is equivalent to f_h(M(h)) > 0 (75). Proof: … by Lemma F.1(ii), f_h is \
        strictly decreasing on [1, ∞) … Moreover … we automatically have f_h(y) < 1 whenever y > 1. Therefore the only \
        nontrivial part of two-step return is the lower bound, which is ensured for all overshooting x iff the worst case \
        is positive: f_h(M(h)) > 0. [(74), (75), M(h) = max_{[0,1]} f_h and the assumption are RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.LemF.1", "MPDLN.EqF73-74"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 200), meaning: "depth"),
            ParameterSpec("points", .integer, .closed(3, 2000), required: false, meaning: "h grid points (default 60)"),
            ParameterSpec("criterion", .choice(["lemma", "upperBoundOnly"]), required: false,
                          meaning: "lemma: f_h(M) > 0 (default); upperBoundOnly: sup f∘f ≤ 1 (negative control)"),
        ],
        method: """
        On a grid of h with hL from 1.05 to 2c_L (both sides of the threshold): (74) evaluated directly (overshoot \
        set by scan + Brent, extremes of f∘f by global 1-D maximisation) vs the criterion f_h(M(h)) > 0 with M(h) by \
        global maximisation of f_h on [0, 1]; they must agree at every grid h, and sup f∘f over overshoots must be ≤ 1 at \
        every h, also the unsafe ones (the upper bound is automatic). Negative control: the criterion replaced by the \
        upper bound alone, which is true for every h and so cannot characterise (74): disagreement is expected.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), points = try c.integer("points", default: 60)
        let upperOnly = try c.text("criterion", default: "lemma") == "upperBoundOnly"
        let l = Double(depth)
        let cL = try WorstCaseReturn.constantByRoot(depth: depth).c
        var disagreements = 0, upperViolations = 0, safeCount = 0
        for j in 0..<points {
            let hl = 1.05 + (2 * cL - 1.05) * Double(j) / Double(points - 1)
            let f = DeepChainReturnMap(depth: depth, h: hl / l)
            let direct = try TwoStepReturn.evaluate({ f($0) }, fixedPoint: 1, depth: depth, normalisedStep: f.h)
            let safe = direct.isSafe(fixedPoint: 1)
            if safe { safeCount += 1 }
            if direct.highestReturn > 1 + 1e-12 { upperViolations += 1 }
            let criterion = upperOnly ? direct.highestReturn <= 1 + 1e-12 : f(try f.worstOvershoot().value) > 0
            if criterion != safe { disagreements += 1 }
        }
        return CaseOutcome([
            .judge("grid points where the criterion and the direct evaluation of (74) disagree", Double(disagreements),
                   predicted: "0 of \(points)", holds: disagreements == 0),
            .judge("grid points where sup f∘f over overshoots exceeds 1", Double(upperViolations),
                   predicted: "0 (upper bound automatic; 1e-12 rounding)", holds: upperViolations == 0),
            .context("return-safe grid points", Double(safeCount)),
            .context("c_L", cL),
        ])
    }
}
