import Foundation
import EOSCore
import EOSModels

/// The multi-pathway Tanh MLP of MPDLN §5.1 ("Nonlinear Setting", l.97), following Shi et al.
/// (2022): canonical-basis inputs X = I_d, pathway k of depth L maps x to
///
///     f_k(x) = W_{k,L} tanh(W_{k,L−1} ⋯ tanh(W_{k,1} x)),
///
/// the network output is F = Σ_k f_k(I) and the loss 𝓛 = ½‖F − Y‖²_F. The projection used to
/// monitor the dynamics is σ_{k,i} = u_iᵀ f_k(I) v_i (the paper's projection is lost; this is
/// the linear one of Eq. 8 applied to the MLP's pathway maps).
///
/// **Layout of θ.** Pathway 1's layers W_{1,1}, …, W_{1,L} (row-major d × d), then pathway 2, …
///
/// **Gradient.** Back-propagation: with δ_L = R = F − Y, ∂𝓛/∂W_{k,l} = δ_l h_{l−1}ᵀ and
/// δ_{l−1} = (W_{k,l}ᵀ δ_l) ⊙ (1 − tanh²(z_{l−1})). Cost O(K L d³) per evaluation.
struct MultiPathwayTanhMLP: Sendable {
    let target: Matrix
    let pathways: Int
    let depth: Int

    var width: Int { target.rows }
    var dimension: Int { pathways * depth * width * width }

    func layers(_ θ: [Double], pathway k: Int) -> [Matrix] {
        let n = width * width
        return (0..<depth).map { l in
            let start = (k * depth + l) * n
            return Matrix(rows: width, columns: width, storage: Array(θ[start..<(start + n)]))
        }
    }

    /// Activations h_0 = I, …, h_L (h_L = f_k(I), no tanh on the last layer) and pre-activations z_1…z_L.
    private func forward(_ ws: [Matrix]) -> (h: [Matrix], z: [Matrix]) {
        var h = [Matrix.identity(width)], z: [Matrix] = []
        for l in 0..<depth {
            let zl = ws[l] * h[l]
            z.append(zl)
            h.append(l < depth - 1 ? Matrix(rows: width, columns: width, storage: zl.storage.map { tanh($0) }) : zl)
        }
        return (h, z)
    }

    /// f_k(I) for every pathway.
    func pathwayMaps(_ θ: [Double]) -> [Matrix] { (0..<pathways).map { forward(layers(θ, pathway: $0)).h.last! } }

    func value(_ θ: [Double]) -> Double {
        let r = pathwayMaps(θ).reduce(Matrix(rows: width, columns: width), +) - target
        return 0.5 * r.storage.dot(r.storage)
    }

    func gradient(_ θ: [Double]) -> [Double] {
        let passes = (0..<pathways).map { forward(layers(θ, pathway: $0)) }
        let r = passes.map { $0.h.last! }.reduce(Matrix(rows: width, columns: width), +) - target
        var g: [Double] = []
        g.reserveCapacity(dimension)
        for k in 0..<pathways {
            let ws = layers(θ, pathway: k)
            var delta = r
            var gk = [Matrix](repeating: Matrix(rows: width, columns: width), count: depth)
            for l in stride(from: depth - 1, through: 0, by: -1) {
                gk[l] = Matrix.product(delta, passes[k].h[l], transposeB: true)
                if l > 0 {
                    let back = Matrix.product(ws[l], transposeA: true, delta)
                    let z = passes[k].z[l - 1].storage
                    delta = Matrix(rows: width, columns: width,
                                   storage: zip(back.storage, z).map { $0 * (1 - tanh($1) * tanh($1)) })
                }
            }
            for m in gk { g += m.storage }
        }
        return g
    }

    /// θ with W_{k,l} = α_k I + ε G (G seeded standard Gaussian).
    func initialParameters(alphas: [Double], noise: Double, seed: UInt64) -> [Double] {
        var g = SeededGenerator(seed: seed)
        var θ: [Double] = []
        for k in 0..<pathways {
            for _ in 0..<depth {
                let e = g.gaussianVector(width * width)
                for i in 0..<width { for j in 0..<width { θ.append((i == j ? alphas[k] : 0) + noise * e[i * width + j]) } }
            }
        }
        return θ
    }

    /// The top eigenvalue of the Hessian: dense matrix of central-difference HVPs of the exact
    /// gradient (n = K L d² columns), symmetrised and diagonalised.
    func sharpness(_ θ: [Double]) -> Double {
        let h = DenseHessian(dimension: dimension) { v in
            FiniteDifferences.hessianVectorProduct({ gradient($0) }, at: θ, direction: v)
        }
        return MPDLNLinearAlgebra.symmetricEigen(h.matrix).values.last!
    }
}

/// A GD run of the Tanh MLP: σ_{k,i} along the run, final loss and sharpness.
struct TanhMLPRun {
    let eta: Double
    let finalLoss: Double
    let finalSharpness: Double
    /// σ_{k,i} (target basis U = V = I, Y diagonal) at the recorded steps.
    let sigmas: [[[Double]]]
    let recordedSteps: [Int]

    init(_ mlp: MultiPathwayTanhMLP, alphas: [Double], noise: Double, seed: UInt64, eta: Double, steps: Int,
         recordEvery: Int) throws {
        var θ = mlp.initialParameters(alphas: alphas, noise: noise, seed: seed)
        var sig: [[[Double]]] = [], rec: [Int] = []
        for t in 0...steps {
            if t % recordEvery == 0 || t == steps {
                rec.append(t)
                sig.append(mlp.pathwayMaps(θ).map { $0.diagonalEntries })
            }
            if t == steps { break }
            let g = mlp.gradient(θ)
            for j in θ.indices { θ[j] -= eta * g[j] }
            guard θ.allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else {
                throw ClaimError.diverged(step: t + 1, what: "Tanh MLP GD left |θ| < 1e6")
            }
        }
        self.eta = eta
        finalLoss = mlp.value(θ)
        finalSharpness = mlp.sharpness(θ)
        sigmas = sig
        recordedSteps = rec
    }

    /// max_k σ_{k,i} / Σ_k σ_{k,i} at the end, per mode.
    var finalShares: [Double] {
        let last = sigmas.last!
        return last[0].indices.map { i in
            let col = last.map { $0[i] }
            return col.max()! / col.reduce(0, +)
        }
    }
}
