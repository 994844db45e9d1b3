extension DLNEOSClaims {
    /// Equation (5): the loss on the SVS set is a sum over singular values.
    static let equation5 = Claim(
        id: "DLN-EOS.Eq5",
        title: "½‖W_{L:1} − M⋆‖²_F = ½Σ_{i≤r}(σ_i(Σ_{L:1}) − σ⋆,i)² on the SVS set",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Equation (5)", lines: 234...262),
        statement: """
        ½‖W_{L:1}(t) − M⋆‖²_F = ½‖Σ_{L:1} − Σ⋆‖²_F = ½ Σ_{i=1}^r (σ_i(Σ_{L:1}(t)) − σ⋆,i)², where Σ_{L:1} are the singular values of W_{L:1}.
        """,
        uses: ["DLN-EOS.Prop1", "DLN-EOS.Prop3", "DLN-EOS.Prop4"],
        parameters: DLNSVSChecks.reducedLossParameters,
        method: """
        Full-matrix GD from init (4) (in the SVS set for t ≥ 1 by Prop. 3) with random U⋆ ≠ V⋆; at 200 \
        recorded steps the loss f(Θ(t)) is compared with ½Σ_{i≤r}(σ_i(W_{L:1}) − σ⋆,i)², the singular values \
        of W_{L:1} from a one-sided Jacobi SVD, sorted as printed. Holds when the largest difference is \
        ≤ 1e-10 of ½‖M⋆‖². Negative control: init (4) with every layer perturbed by a Gaussian of scale 0.5α \
        at α = 0.5 (off the SVS set), where the singular vectors of W_{L:1} do not match U⋆, V⋆ and the \
        identity must fail. BOMIS Eq. (5) prints the same identity summed to d (001 l.193–206).
        """,
        expected: .confirmed
    ) { c in try DLNSVSChecks.reducedLoss(c, .endToEndToR) }
}
