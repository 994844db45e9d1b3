import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// A full-matrix GD run sampled for the subspace distance of Eq. (12).
    struct AlignmentRun {
        /// The sampled steps t = 0, k, 2k, …, T.
        let steps: [Double]
        /// `distances[j][s]`: ‖U_{ℓ−1,r}ᵀV_{ℓ,r} − I_r‖_F (sign-fixed, `DLN.subspaceDistances`) for the pair
        /// (W_{j+1}, W_{j+2}) at sample s.
        let distances: [[Double]]
        /// f(Θ(t)) at the samples.
        let losses: [Double]

        /// max over the pairs at sample s.
        func worst(_ s: Int) -> Double { distances.map { $0[s] }.max() ?? 0 }
        /// max over the pairs and over the samples from index s on.
        func worst(from s: Int) -> Double { (s..<steps.count).map { worst($0) }.max() ?? 0 }
        /// The first sampled step from which every later sample has max distance ≤ `level` (nil: none).
        func alignedFrom(level: Double) -> Double? {
            var first: Int?
            for s in steps.indices.reversed() {
                if worst(s) <= level { first = s } else { break }
            }
            return first.map { steps[$0] }
        }
    }

    /// Full-matrix GD on f = c‖W_{L:1} − M⋆‖²_F (M⋆ = U⋆ diag(σ⋆) V⋆ᵀ with seeded random frames) from one
    /// of `DLNSimulation.initializations`, sampling every `every` steps the Eq. (12) distance of each
    /// consecutive pair of layers (top-r singular vectors, r = rank M⋆) and the loss.
    /// - Throws: `ClaimError.diverged` if the run leaves the bounded region.
    static func alignmentRun(sigma σ: [Double], d: Int, depth L: Int, alpha: Double, eta: Double, scale c: Double,
                             steps: Int, every: Int, initialization kind: String, seed: UInt64) throws -> AlignmentRun {
        guard σ.count <= d else { throw ClaimError.computation("rank r = \(σ.count) exceeds d = \(d)") }
        let t = DLN.target(d: d, singularValues: σ, seed: seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L, scale: c)
        let (w0, _) = DLNSimulation.initialize(kind, width: d, depth: L, alpha: alpha, seed: seed)
        var xs = [Double](), fs = [Double]()
        var dist = [[Double]](repeating: [], count: L - 1)
        _ = try DLNSimulation.run(loss, from: loss.flatten(w0), eta: eta, steps: steps) { step, θ in
            guard step % every == 0 || step == steps else { return }
            let ds = DLN.subspaceDistances(layers: loss.unflatten(θ), rank: σ.count)
            for j in ds.indices { dist[j].append(ds[j]) }
            xs.append(Double(step)); fs.append(loss.value(θ))
        }
        return AlignmentRun(steps: xs, distances: dist, losses: fs)
    }

    /// The figure series of an alignment run: one distance curve per pair (V_ℓ, U_{ℓ−1}) and the loss.
    static func alignmentSeries(_ run: AlignmentRun, figure: String, xScale factor: Double = 1,
                                xLabel: String = "GD step t") -> [DataSeries] {
        let x = run.steps.map { $0 / factor }
        // Distances below 1e-300 (exact zeros, e.g. diagonal layers) are drawn at 1e-300 on the log axis.
        var out = run.distances.enumerated().map { j, ys in
            DataSeries(name: "(V\(j + 2), U\(j + 1))", x: x, y: ys.map { max($0, 1e-300) }, figure: figure + " — subspace distance (12)",
                       xLabel: xLabel, yLabel: "‖U_{ℓ−1,r}ᵀV_{ℓ,r} − I_r‖_F", yScale: .log)
        }
        out.append(DataSeries(name: "loss", x: x, y: run.losses, figure: figure + " — training loss",
                              xLabel: xLabel, yLabel: "f(Θ)", yScale: .log))
        return out
    }
}
