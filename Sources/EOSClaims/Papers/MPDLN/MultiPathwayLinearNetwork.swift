import EOSCore
import EOSModels

/// The multi-pathway deep linear network of MPDLN Eqs. (1)–(3):
///
///     W_k = W_{k,L_k} ⋯ W_{k,1},   W = Σ_k W_k,   𝓛(Θ) = ½ ‖W − Y‖²_F,
///
/// with K pathways of (possibly different) depths L_k, square d × d layers, and its exact
/// gradient and Hessian–vector products.
///
/// **Layout of θ.** Pathway 1 first, then pathway 2, …; within a pathway the layout of
/// `DeepMatrixFactorization.Chain` (W_{k,1} first, each matrix row-major). `offsets[k]` is where
/// pathway k starts.
///
/// **Derivatives.** With R = W − Y, the chain rule through each pathway's chain gives
///
///     ∇_{Θ_k} 𝓛 = pullback_k(Θ_k, R)   (layer l: W_{k,>l}ᵀ R W_{k,<l}ᵀ, MPDLN Eq. 34),
///     [∇²𝓛 · V]_k = pullbackDerivative_k(Θ_k, V_k, R, dR),   dR = Σ_j dW_j[V_j],
///
/// so the Hessian couples pathways only through dR. Both are exact up to rounding; the
/// MPDLN checks cross-check them against `FiniteDifferences`.
///
/// **Cost.** Value and gradient O(Σ_k L_k d³); an HVP about three times that. Every call
/// allocates the chains' workspaces, which is fine for the small dense-Hessian and GD checks
/// this type serves (n ≤ a few hundred parameters).
struct MultiPathwayLinearNetwork: DifferentiableLoss, Sendable {
    /// The pathways' chains, pathway k at index k.
    let pathways: [DeepMatrixFactorization.Chain]
    /// Y (d × d).
    let target: Matrix
    /// `offsets[k]`: start of pathway k in θ; `offsets[K]` = `dimension`.
    let offsets: [Int]

    /// - Precondition: a square target, at least one pathway, every depth ≥ 1.
    init(target: Matrix, depths: [Int]) {
        precondition(target.isSquare, "The multi-pathway model is studied in the square case")
        precondition(!depths.isEmpty && depths.allSatisfy { $0 >= 1 }, "Need K ≥ 1 pathways of depth ≥ 1")
        self.target = target
        self.pathways = depths.map { DeepMatrixFactorization.Chain(width: target.rows, depth: $0) }
        var o = [0]
        for p in pathways { o.append(o.last! + p.parameterCount) }
        self.offsets = o
    }

    var width: Int { target.rows }
    var depths: [Int] { pathways.map(\.depth) }
    var dimension: Int { offsets.last! }

    /// Θ_k, the parameters of pathway k.
    func pathwayParameters(_ θ: [Double], _ k: Int) -> [Double] { Array(θ[offsets[k]..<offsets[k + 1]]) }

    /// W_k = W_{k,L_k} ⋯ W_{k,1} for every pathway.
    func pathwayMaps(_ θ: [Double]) -> [Matrix] {
        (0..<pathways.count).map { pathways[$0].endToEnd(pathwayParameters(θ, $0)) }
    }

    /// W = Σ_k W_k.
    func endToEnd(_ θ: [Double]) -> Matrix {
        pathwayMaps(θ).reduce(Matrix(rows: width, columns: width), +)
    }

    func value(_ θ: [Double]) -> Double {
        let r = endToEnd(θ) - target
        return 0.5 * r.storage.dot(r.storage)
    }

    func gradient(_ θ: [Double]) -> [Double] {
        let r = endToEnd(θ) - target
        var g: [Double] = []
        g.reserveCapacity(dimension)
        for k in 0..<pathways.count { g += pathways[k].pullback(pathwayParameters(θ, k), cotangent: r) }
        return g
    }

    func valueAndGradient(_ θ: [Double]) -> (value: Double, gradient: [Double]) {
        let r = endToEnd(θ) - target
        var g: [Double] = []
        g.reserveCapacity(dimension)
        for k in 0..<pathways.count { g += pathways[k].pullback(pathwayParameters(θ, k), cotangent: r) }
        return (0.5 * r.storage.dot(r.storage), g)
    }

    func hessianVectorProduct(_ θ: [Double], _ v: [Double]) -> [Double] {
        hessianOperator(at: θ)(v)
    }

    func hessianOperator(at θ: [Double]) -> ([Double]) -> [Double] {
        let r = endToEnd(θ) - target
        let parts = (0..<pathways.count).map { pathwayParameters(θ, $0) }
        let pathways = self.pathways, offsets = self.offsets, d = width
        return { v in
            let vs = (0..<pathways.count).map { Array(v[offsets[$0]..<offsets[$0 + 1]]) }
            var dR = Matrix(rows: d, columns: d)
            for k in 0..<pathways.count { dR += pathways[k].endToEndDerivative(parts[k], vs[k]) }
            var out: [Double] = []
            out.reserveCapacity(offsets.last!)
            for k in 0..<pathways.count {
                out += pathways[k].pullbackDerivative(parts[k], vs[k], cotangent: r, cotangentDerivative: dR)
            }
            return out
        }
    }
}

/// The SVS chart of MPDLN Definition B.1 for a `MultiPathwayLinearNetwork`: orthogonal frames
/// Q_{k,0} = V, Q_{k,L_k} = U (Y = U Σ Vᵀ) and free Q_{k,1}, …, Q_{k,L_k−1}, in which every
/// layer is W_{k,l} = Q_{k,l} S_{k,l} Q_{k,l−1}ᵀ with S_{k,l} diagonal (Eq. 26).
struct MultiPathwaySVSChart: Sendable {
    /// `frames[k][l]` = Q_{k,l}, l = 0…L_k.
    let frames: [[Matrix]]
    let network: MultiPathwayLinearNetwork

    /// A chart with random orthogonal U, V and intermediate frames (seeded), and the network
    /// fitting Y = U diag(s) Vᵀ.
    init(singularValues s: [Double], depths: [Int], seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let d = s.count
        let u = MPDLNLinearAlgebra.randomOrthogonal(d, using: &g)
        let v = MPDLNLinearAlgebra.randomOrthogonal(d, using: &g)
        let y = Matrix.product(u * Matrix.diagonal(s), v, transposeB: true)
        self.network = MultiPathwayLinearNetwork(target: y, depths: depths)
        self.frames = depths.map { depth in
            (0...depth).map { l in
                l == 0 ? v : (l == depth ? u : MPDLNLinearAlgebra.randomOrthogonal(d, using: &g))
            }
        }
    }

    /// θ with W_{k,l} = Q_{k,l} diag(values[k][l]) Q_{k,l−1}ᵀ (`values[k][l][i]` = (S_{k,l+1})_{ii}).
    func parameters(_ values: [[[Double]]]) -> [Double] {
        var θ: [Double] = []
        for (k, chain) in network.pathways.enumerated() {
            let layers = (0..<chain.depth).map { l in
                Matrix.product(frames[k][l + 1] * Matrix.diagonal(values[k][l]), frames[k][l], transposeB: true)
            }
            θ += chain.flatten(layers)
        }
        return θ
    }

    /// The framed layers Q_{k,l}ᵀ W_{k,l} Q_{k,l−1} (diagonal exactly on the SVS set).
    func framedLayers(_ θ: [Double]) -> [[Matrix]] {
        network.pathways.enumerated().map { k, chain in
            chain.unflatten(network.pathwayParameters(θ, k)).enumerated().map { l, w in
                Matrix.product(frames[k][l + 1], transposeA: true, w * frames[k][l])
            }
        }
    }

    /// The diagonals of the framed layers: the layer singular values in the chart.
    func layerValues(_ θ: [Double]) -> [[[Double]]] {
        framedLayers(θ).map { $0.map(\.diagonalEntries) }
    }

    /// The distance from the SVS set: √(Σ ‖offdiag(Q_{k,l}ᵀ W_{k,l} Q_{k,l−1})‖²_F).
    func offChartNorm(_ θ: [Double]) -> Double {
        var s = 0.0
        for layers in framedLayers(θ) {
            for w in layers {
                for i in 0..<w.rows { for j in 0..<w.columns where i != j { s += w[i, j] * w[i, j] } }
            }
        }
        return s.squareRoot()
    }

    /// The unit parameter direction of the chart coordinate (S_{k,l})_{ii}: layer (k, l)
    /// equal to Q_{k,l} e_i e_iᵀ Q_{k,l−1}ᵀ, every other layer zero (`layer` is 0-based).
    func coordinateDirection(pathway k: Int, layer l: Int, mode i: Int) -> [Double] {
        var v = [Double](repeating: 0, count: network.dimension)
        let e = MPDLNLinearAlgebra.outer(frames[k][l + 1].column(i), frames[k][l].column(i))
        let start = network.offsets[k] + network.pathways[k].layerOffsets[l]
        for j in 0..<e.storage.count { v[start + j] = e.storage[j] }
        return v
    }
}
