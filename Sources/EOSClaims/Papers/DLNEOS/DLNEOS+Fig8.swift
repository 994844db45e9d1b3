import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// The "no EOS below the limit" check of Fig. 8 and Sec. 4.2 claim 1.
    static func noEOSCheck(_ c: ClaimCase, figure: String) throws -> CaseOutcome {
        let r = try sharpnessRun(c)
        let sigmas = try c.vector("sigmas"), L = try c.integer("L")
        let S1 = DLN.stabilityLimit(sigmas[0], depth: L)
        let final = r.tailSharpness.last ?? 0, peak = max(r.sharpness.max() ?? 0, r.tailSharpness.max() ?? 0)
        return CaseOutcome([
            .context("S_1 = Lσ⋆,1^{2−2/L}", S1), .context("2/η", 2 / r.eta),
            .compare("sharpness at the end vs Lσ⋆,1^{2−2/L}", measured: final, predicted: S1,
                     .relative(1e-3, "the limit point is balanced only up to the O(α²) gap left by the unbalanced init (4); the balanced minimum is the flattest (Lemma 4)")),
            .judge("largest sharpness along the run / (2/η)", peak * r.eta / 2, predicted: "< 1 (never reaches 2/η: no EOS)",
                   holds: peak * r.eta / 2 < 1),
        ], series: sharpnessSeries(r, figure: figure + ", η = \(formatNumber(r.eta))"))
    }

    /// Figure 8 (l.679–685; l.704–716).
    static let fig8 = Claim(
        id: "DLN-EOS.Fig8",
        title: "DLNs do not enter EOS if Lσ⋆,1^{2−2/L} < 2/η: the sharpness rises only to Lσ⋆,1^{2−2/L}",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 8", lines: 679...685),
        statement: "Figure 8: DLNs do not enter EOS regime if Lσ1^{2−2/L} < 2/η.",
        uses: ["DLN-EOS.Lem1", "DLN-EOS.Lem4"],
        parameters: sharpnessParameters,
        method: """
        Settings not printed: the 3-layer d = 5 DLN of Phenomenon 1 (σ⋆ = 10, 6, 3, loss with ½, unbalanced init (4), \
        α = 0.01) at η = factor × 2/S_1 with factor < 1, and a second target with small σ⋆,1 (low complexity). The dense \
        Hessian's top eigenvalue at the end must equal S_1 (1e-3) and never reach 2/η along the run. Negative control: \
        factor 1.05 (S_1 > 2/η), where it does reach 2/η.
        """,
        expected: .confirmed
    ) { c in try noEOSCheck(c, figure: "Fig. 8: DLN sharpness") }

    /// Sec. 4.2 (l.674–716), the DLN sentence of "Mild Sharpening".
    static let sec42Claim1 = Claim(
        id: "DLN-EOS.Sec4.2-claim1",
        title: "mild sharpening in DLNs: the sharpness reaches Lσ⋆,1^{2−2/L}; if that is below 2/η the network does not enter EOS",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Sec. 4.2, Mild Sharpening", lines: 674...716),
        statement: """
        Similar observations can also be seen in DLNs. In Figure 8, we show that the sharpness reaches Lσ⋆,1^{2−2/L}, \
        where σ⋆,1 is the singular value of the target matrix. Whenever Lσ⋆,1^{2−2/L} < 2/η, the network will not enter \
        the EOS regime. [The UNet and CIFAR-10 sentences of this paragraph (Fig. 10) need natural images and CIFAR-10 \
        and are recorded under DLN-EOS.Fig10; only the DLN sentence is checked here.]
        """,
        uses: ["DLN-EOS.Lem1"],
        parameters: sharpnessParameters,
        method: "The Fig. 8 check on its own cases (several targets and depths); negative control factor 1.1.",
        expected: .confirmed
    ) { c in try noEOSCheck(c, figure: "Sec. 4.2: DLN sharpness") }
}
