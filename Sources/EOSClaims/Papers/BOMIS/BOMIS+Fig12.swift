import Foundation
import EOSCore
import EOSModels

extension BOMISClaims {
    /// Figures 12 and 13 (file l.718, l.733): η = 160 and 172.
    static func orthogonalFigure(_ n: Int, eta: Int, line: Int) -> Claim {
        Claim(
            id: "BOMIS.Fig\(n)",
            title: "Fig. \(n): init (10), η = \(eta) — EOS with oscillations only in the singular values",
            source: ClaimSource(seed: Seed.bomis, statement: "Figure \(n)", lines: line...line),
            statement: """
            Figure \(n): Demonstrating the edge of stability phenomenon, where the initialization is orthogonal rather than \
            identity with learning rate η = \(eta). [l.711–712: even for this initialization, the oscillations only occur in \
            the singular value space.]
            """,
            uses: ["BOMIS.Conj2", "BOMIS.AppB1-claim2"],
            parameters: BOMISAppB1.parameters,
            method: appB1OrthogonalSetting + """
             Judged at the end of the run: bounded, σ_1(W_{L:1}) oscillates (relative range > 1e-6), the layers in the \
            Conj. 2 form at every t ≥ 1 (≤ 1e-9) and their singular vectors static (defect ≤ 1e-8). Measured at \
            η = \(eta): the form breaks at t ≈ \(eta == 160 ? "450–700" : "350–500") and the vectors of the top two indices \
            then rotate within their span every step\(eta == 172 ? "; the run diverges (t ≈ 680–760)" : ""). Corrected variant: η = 150 \
            (2/S_1 < η < 2/λ_12). Negative control: η = 130 < 2/S_1, where nothing oscillates.
            """,
            expected: .discrepancy,
            correctedVariant: "η < 2/λ_12 (152.5 here), or only for the first few hundred iterations"
        ) { c in try orthogonalCheck(c, parts: .valuesOnly, figure: "BOMIS Fig. \(n): init (10)") }
    }

    static let fig12 = orthogonalFigure(12, eta: 160, line: 718)
    static let fig13 = orthogonalFigure(13, eta: 172, line: 733)
}
