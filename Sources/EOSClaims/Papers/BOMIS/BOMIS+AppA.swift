import Foundation
import EOSCore
import EOSModels

extension BOMISClaims {
    /// App. A (l.646–650 of the file): larger features oscillate more because the per-index
    /// sharpness is σ_i^{2−2/L}.
    static let appAClaim1 = Claim(
        id: "BOMIS.AppA-claim1",
        title: "the sharpness GD reaches on each singular value loss is σ_i^{2−2/L}, so larger σ_i oscillate more at a fixed η",
        source: ClaimSource(seed: Seed.bomis, statement: "App. A (related work), on opposing signals", lines: 646...650),
        statement: """
        We observe that features with large strengths (which are the singular values σ_1 > σ_2 > ⋯ > σ_r) demonstrate an \
        increasing tendency for oscillations in their corresponding singular loss (Figure 14). This is because the sharpness \
        achieved by GD on each singular value loss is σ_i^{2−2/L}, and higher sharpness demonstrates large oscillations for \
        a fixed learning rate.
        """,
        uses: ["BOMIS.Lem2", "BOMIS.Eq6"],
        parameters: lemma2.parameters,
        method: """
        The run of BOMIS.Lem2 (scalar GD on 001's Eq. 6, loss with ½, from (0, α, …, α) to convergence, \
        closed-form Hessian): its top eigenvalue is compared (1e-3 relative, the O(α²) imbalance GD leaves) \
        with this paragraph's σ^{2−2/L} ("printed") or with Lσ^{2−2/L} ("corrected", 000's Lemma 1). The \
        printed value misses the factor L (and differs again from Lemma 2's own 2σ^{2−2/L}); the ordering \
        it implies — larger σ_i, larger sharpness, larger oscillation at one η — holds either way and is \
        checked in BOMIS.Sec3.2-claim3. Negative control: "at convergence" dropped (5 steps).
        """,
        expected: .discrepancy,
        correctedVariant: "sharpness Lσ_i^{2−2/L} (loss with ½), as in DLN-EOS Lemma 1"
    ) { c in
        let base = try lemma2.check(c)
        let σ = try c.number("sigmaStar"), L = Double(try c.integer("depth")), scale = try c.number("scale", default: 0.5)
        let corrected = try c.text("prediction") == "corrected"
        let name = "sharpness at convergence"
        let measured = base.quantities.first { $0.name == name }?.measuredValue ?? .nan
        let predicted = corrected ? 2 * scale * L * pow(σ, 2 - 2 / L) : pow(σ, 2 - 2 / L)
        let q = Quantity.compare(name + (corrected ? " vs Lσ^{2−2/L}" : " vs printed σ^{2−2/L}"), measured: measured,
                                 predicted: predicted, .relative(1e-3, "GD leaves an O(α²) imbalance"))
        return CaseOutcome(base.quantities.filter { $0.name != name } + [q], note: base.note)
    }
}
