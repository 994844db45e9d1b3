import EOSCore
import EOSModels

/// Lanczos top-5 eigenvalues of the exact Hessian at θ₀ (d = 50, L = 3, n = 7500), from exact
/// Hessian–vector products (`hessianOperator(at:)`, which caches P_ℓ and G_ℓ; building it is
/// timed too). Tolerance: residual ≤ 10⁻¹⁰·‖H‖ (`Lanczos` default), and the numpy row runs
/// scipy's `eigsh` with tol = 10⁻¹⁰, so both stop at comparable accuracy.
enum LanczosBenchmark {
    static func run(_ table: Table) {
        let d = 50, depth = 3
        let loss = Problems.loss(width: d, depth: depth)
        let θ0 = Problems.initialParameters(width: d, depth: depth)
        var result: Lanczos.Eigenpairs?
        let t = Harness.once(repeats: 3) {
            let hvp = loss.hessianOperator(at: θ0)
            result = try! Lanczos.eigenpairs(count: 5, dimension: loss.dimension, target: .largestAlgebraic,
                                             tolerance: 1e-10, seed: 1) { hvp($0) }
        }
        let r = result!
        let hvp = loss.hessianOperator(at: θ0)
        let v = Problems.initialParameters(width: d, depth: depth, alpha: 0)
        var sink = 0.0
        let th = Harness.bestTime { sink += hvp(v)[0] }
        precondition(sink.isFinite)
        table.add(Row(id: "hvp.d50", label: "one Hessian–vector product, d = 50, L = 3", seconds: th,
                      detail: String(format: "%d of them are %.0f%% of the Lanczos time", r.matrixVectorProducts,
                                     100 * Double(r.matrixVectorProducts) * th / t)))
        table.add(Row(id: "lanczos.d50", label: "Lanczos top-5, HVPs, d = 50, L = 3", seconds: t,
                      detail: String(format: "λ_max %.12f, %d HVPs, max residual %.1e",
                                     r.values[0], r.matrixVectorProducts, r.residuals.max()!)))
    }
}
