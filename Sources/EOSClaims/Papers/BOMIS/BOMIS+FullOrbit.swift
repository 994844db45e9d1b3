import Foundation
import EOSCore
import EOSModels

/// Full-matrix GD on the deep matrix factorization loss (BOMIS Eq. 1) next to the per-index
/// reduced loss (Eq. 6), for the claims that carry an orbit of the reduced loss over to the
/// full loss (Sec. 3.2's remark after Theorem 2, Fig. 2).
///
/// **Frames.** GD from the init (3) on the target M⋆ = U⋆ΣV⋆ᵀ is, in exact arithmetic, the image
/// of GD on the diagonal target Σ under the isometry W_ℓ ↦ (U⋆ or V⋆) W_ℓ V⋆ᵀ (the init (3) is
/// invariant under it), so the Hessian spectrum at corresponding points does not depend on
/// U⋆, V⋆ — symmetric (U⋆ = V⋆) or not; a diagonal target is one more choice of frames and is not
/// special. (In floating point a diagonal target keeps every off-diagonal entry exactly 0 only
/// because rounding never seeds them; that hides an instability, it does not remove it: seeded
/// with 1e-12 it leaves an unstable orbit like any other target.) For generic frames rounding
/// seeds the singular-vector directions, which grow when they are linearly unstable along the orbit.
///
/// **Cross eigenvalues.** The Hessian of Eq. (1) at the balanced minimum has, besides the
/// index eigenvalues S_i = Lσ_i^{2−2/L}, the eigenvalues (each twice)
/// λ_ij = Σ_{k=0}^{L−1}(σ_i^{1−1/L−k/L}σ_j^{k/L})² = (σ_i² − σ_j²)/(σ_i^{2/L} − σ_j^{2/L}) for i ≠ j
/// (DLN-EOS Lemma 1, l.417–487 of seed 000; a geometric sum in s = σ^{1/L}). For σ_i > σ_j every term is ≥ σ_j^{2−2/L}, so
/// λ_ij ≥ S_j: whenever index j oscillates (η·S_j > 2), η·λ_ij > 2 too.
enum BOMISFullOrbit {
    static let framesSpec = ParameterSpec(
        "frames", .choice(["identity", "symmetric", "random"]), required: false,
        meaning: "U⋆, V⋆ of the target: identity (diagonal M⋆), symmetric (random U⋆ = V⋆) or random (U⋆ ≠ V⋆, default)")

    /// The target of a case: diag(σ, 0) in the chosen frames (seeded).
    static func target(_ σ: [Double], d: Int, frames: String, seed: UInt64) -> DLN.Target {
        switch frames {
        case "identity": return DLN.target(d: d, singularValues: σ, seed: nil)
        case "symmetric": return DLN.target(d: d, singularValues: σ, seed: seed, symmetric: true)
        default: return DLN.target(d: d, singularValues: σ, seed: seed)
        }
    }

    /// λ_ij of DLN-EOS Lemma 1 for i < j (0-based indices), with the largest first.
    static func crossEigenvalues(_ σ: [Double], depth L: Int) -> [(i: Int, j: Int, value: Double)] {
        var out: [(Int, Int, Double)] = []
        for i in σ.indices { for j in σ.indices where j > i {
            out.append((i, j, DLN.crossEigenvalue(σ[i], σ[j], depth: L)))
        } }
        return out.sorted { $0.2 > $1.2 }.map { (i: $0.0, j: $0.1, value: $0.2) }
    }

    /// `DLNOrbitChecks.Orbit.period` (converged or period 2 to 1e-7σ_i).
    static func period(_ orbit: DLNOrbitChecks.Orbit, index i: Int, sigma σ: Double) -> Int? {
        orbit.period(index: i, sigma: σ)
    }

    /// `DLNOrbitChecks.Orbit.topOscillate`.
    static func topOscillate(_ orbit: DLNOrbitChecks.Orbit, sigma σ: [Double], count k: Int) -> (periods: [Int?], holds: Bool) {
        orbit.topOscillate(sigma: σ, count: k)
    }

    static func describe(_ p: Int?) -> String { DLNOrbitChecks.describe(p) }

    /// The top eigenvalue of the reduced loss (6) of every index at the given layer values, the
    /// largest over the indices: the sharpness of Σ_i L(θ^i).
    static func reducedSharpness(_ σ: [Double], depth L: Int, states: [[Double]]) -> Double {
        zip(σ, states).map { s, w in
            DLN.symmetricEigenvalues(ScalarProductLoss(depth: L, target: s).hessian(w)).first ?? .nan
        }.max() ?? .nan
    }
}
