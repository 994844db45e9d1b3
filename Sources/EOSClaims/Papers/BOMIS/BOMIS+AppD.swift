import Foundation
import EOSCore
import EOSModels

extension BOMISClaims {
    /// App. D (l.1218–1231 of the file): the trace of the Hessian at GD iterate t.
    ///
    /// On Theorem 1's form with balanced layers (σ_i(W_ℓ) = σ_i(t)^{1/L} for i ≤ r, residual α in
    /// W_ℓ, ℓ < L, and 0 in W_L), Lemma D.1 gives Σ_ℓ A_{ℓ−1}·B′_{L−ℓ} with A_k = Σ_i σ_i^{2k/L}
    /// + (d − r)α^{2k} (from W_{ℓ−1:1}, identity for ℓ = 1: A_0 = d) and B′_k = Σ_i σ_i^{2k/L}
    /// (from W_{L:ℓ+1}, whose W_L kills the residual; B′_0 = d). Equivalently (ℓ → L + 1 − ℓ)
    /// d[(d − r)α^{2(L−1)} + Σσ^{2(L−1)/L}] + d Σσ^{2(L−1)/L} + Σ_{l=2}^{L−1} Σσ^{2(l−1)/L}·[(d − r)α^{2(L−l)} + Σσ^{2(L−l)/L}],
    /// i.e. the printed formula with exponents L − l in place of L − l − 1 in its last bracket.
    static func appDTrace(sigma σ: [Double], d: Int, depth L: Int, alpha: Double, corrected: Bool) -> Double {
        let r = Double(σ.count), D = Double(d)
        func s(_ k: Int) -> Double { σ.reduce(0) { $0 + pow($1, 2 * Double(k) / Double(L)) } }
        var total = D * ((D - r) * pow(alpha, 2 * Double(L - 1)) + s(L - 1)) + D * s(L - 1)
        if L >= 3 {
            for l in 2...(L - 1) {
                let k = corrected ? L - l : L - l - 1
                total += s(l - 1) * ((D - r) * pow(alpha, 2 * Double(k)) + s(k))
            }
        }
        return total
    }

    static let appDClaim1 = Claim(
        id: "BOMIS.AppD-claim1",
        title: "trace of the Hessian at GD iterate t in terms of σ_i(t), α, d, r (App. D)",
        source: ClaimSource(seed: Seed.bomis, statement: "App. D, trace at iterate t", lines: 1218...1231),
        statement: """
        Notice that at GD iteration t, trace of the Hessian of the end-to-end DLN is given by \
        tr(∇²f(Θ(t))) = d[(d−r)α^{2(L−1)} + Σ_{i=1}^r σ_i^{2(L−1)/L}(t)] + d[Σ_{i=1}^r σ_i^{2(L−1)/L}(t)] + \
        Σ_{l=2}^{L−1} [Σ_{i=1}^r σ_i^{2(l−1)/L}(t)]·[(d−r)α^{2(L−l−1)} + Σ_{i=1}^r σ_i^{2(L−l−1)/L}(t)]. This also holds for \
        any initialization of the DLN. Then, at convergence […] we can set σ_i(t) = σ_i*, and then the trace of the Hessian \
        is only dependent on σ_i* and α.
        """,
        uses: ["BOMIS.LemD.1", "BOMIS.Thm1"],
        parameters: [DLNSimulation.sigmaSpec("σ_i(t), the end-to-end singular values at the point"),
                     DLNSimulation.widthSpec, DLNSimulation.depthSpec,
                     ParameterSpec("alpha", .real, .open(0, 1), meaning: "α"), DLNSimulation.seedSpec,
                     ParameterSpec("formula", .choice(["printed", "corrected"]), meaning: "printed exponents L − l − 1, or L − l"),
                     ParameterSpec("balanced", .integer, .closed(0, 1), required: false,
                                   meaning: "1 (default): σ_i(W_ℓ) = σ_i(t)^{1/L}; 0: W_L carries σ_i(t)^{1/2}, the others split the rest"),
        ],
        method: """
        The trace of the dense Hessian (loss with ½, 001's Eq. 1; BOMIS.LemD.1 shows it equals (15) at any \
        point) at the point of Theorem 1's form (4) with random U* ≠ V*, balanced layers σ_i(W_ℓ) = \
        σ_i(t)^{1/L} — the only reading under which a formula in σ_i(t) alone can hold — compared (1e-10 \
        relative, rounding of the HVP diagonal) with the printed expression. Measured: equal at L = 2 (no \
        middle terms) but not for L ≥ 3 (L = 3, d = 4: the middle term has [d] where [(d−r)α² + Σσ^{2/3}] \
        belongs); with the exponent L − l in place of L − l − 1 it is exact. "Holds for any initialization" \
        is not: on unbalanced layers (negative control) neither expression holds, the trace depends on \
        the per-layer values, not on σ_i(t) alone. 000 has no counterpart.
        """,
        expected: .discrepancy,
        correctedVariant: "exponents 2(L − l) in place of 2(L − l − 1) in the last bracket; valid on Theorem 1's form with balanced layers"
    ) { c in
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth"), alpha = try c.number("alpha")
        let seed = UInt64(try c.integer("seed", default: 1)), balanced = try c.integer("balanced", default: 1) == 1
        guard σ.count < d else { throw ClaimError.computation("need r < d for a residual block") }
        let t = DLN.target(d: d, singularValues: σ, seed: seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let zeros = [Double](repeating: 0, count: d - σ.count), residual = [Double](repeating: alpha, count: d - σ.count)
        let layers = (0..<L).map { l -> Matrix in
            // Per-layer singular values: σ^{1/L} each (balanced) or σ^{1/2} in W_L and σ^{1/(2(L−1))} in the others.
            let e = balanced ? 1 / Double(L) : (l == L - 1 ? 0.5 : 0.5 / Double(L - 1))
            let values = σ.map { pow($0, e) }
            return l == L - 1 ? Matrix.product(t.u * Matrix.diagonal(values + zeros), t.v, transposeB: true)
                              : Matrix.product(t.v * Matrix.diagonal(values + residual), t.v, transposeB: true)
        }
        let trace = DenseHessian(of: loss, at: loss.flatten(layers)).matrix.trace
        let corrected = try c.text("formula") == "corrected"
        let formula = appDTrace(sigma: σ, d: d, depth: L, alpha: alpha, corrected: corrected)
        return CaseOutcome([
            .compare("tr ∇²f (dense Hessian) vs the \(corrected ? "corrected" : "printed") expression", measured: trace, predicted: formula,
                     .relative(1e-10, "sum of exact HVP diagonal entries, rounding only")),
        ], note: "L = \(L), d = \(d), r = \(σ.count), \(balanced ? "balanced" : "unbalanced") layers")
    }
}
