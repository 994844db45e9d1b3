import Foundation
import EOSCore

/// Gradient descent on the FULL multi-pathway loss (d × d matrices, random SVS frames), run
/// alongside the per-layer scalar recursion of MPDLN Eq. (33) [R],
///
///     s_{k,l,i}(t+1) = s_{k,l,i}(t) − η r_i(t) Π_{m≠l} s_{k,m,i}(t),   r_i = Σ_k Π_l s_{k,l,i} − s_i,
///
/// recording what Lemma E.1, Lemma E.2, Proposition B.4 and Eqs. (53)–(54) predict: the distance
/// from the SVS set, the spread of layer values within each (pathway, mode), and the gap between
/// the full run's chart values and the scalar recursion.
struct MPDLNFullGradientDescent {
    /// max over steps of the off-chart norm ‖offdiag(Q_{k,l}ᵀ W_{k,l} Q_{k,l−1})‖, relative to max|θ|.
    let maxOffChart: Double
    /// max over steps, pathways and modes of (max_l − min_l) s_{k,l,i}, relative to max|θ|.
    let maxImbalance: Double
    /// The imbalance at step 0 (same normalisation).
    let initialImbalance: Double
    /// max over steps of |chart value of the full run − scalar recursion|, relative to max|θ|.
    let maxRecursionGap: Double
    /// max over steps of |chart value s_{k,l,i} − a_{k,i}(t)|, relative to max|θ|, where a_{k,i} follows the
    /// one-scalar-per-(pathway, mode) recursion (54) a ← a − η r a^{L_k−1} from the geometric mean of the
    /// initial layer values (exact on the depth-balanced manifold; wrong off it).
    let maxBalancedRecursionGap: Double
    /// Loss of the full run at the last step.
    let finalLoss: Double
    let steps: Int

    /// - Parameters:
    ///   - alphas: α_k, the initial value of every layer singular value of pathway k.
    ///   - skew: layer 1 ×c, layer 2 ×1/c at initialisation (1 = depth-balanced).
    ///   - perturbation: size of seeded Gaussian noise added to θ₀ (0 = exactly in the SVS set).
    init(singularValues s: [Double], depths: [Int], alphas: [Double], eta: Double, steps: Int,
         skew: Double, perturbation: Double, seed: UInt64) throws {
        let chart = MultiPathwaySVSChart(singularValues: s, depths: depths, seed: seed)
        let net = chart.network
        var values: [[[Double]]] = depths.enumerated().map { k, depth in
            (0..<depth).map { l in
                [Double](repeating: alphas[k] * (depth >= 2 && l == 0 ? skew : (depth >= 2 && l == 1 ? 1 / skew : 1)),
                         count: s.count)
            }
        }
        var θ = chart.parameters(values)
        if perturbation > 0 {
            var g = SeededGenerator(seed: seed &+ 99)
            let noise = g.gaussianVector(θ.count)
            for j in θ.indices { θ[j] += perturbation * noise[j] }
            values = chart.layerValues(θ)
        }
        func imbalance(_ v: [[[Double]]]) -> Double {
            var worst = 0.0
            for (k, layers) in v.enumerated() where depths[k] >= 2 {
                for i in s.indices {
                    let column = layers.map { $0[i] }
                    worst = max(worst, column.max()! - column.min()!)
                }
            }
            return worst
        }
        var offChart = 0.0, imbal = 0.0, gap = 0.0, balancedGap = 0.0
        var balanced: [[Double]] = depths.indices.map { k in
            s.indices.map { i in pow(values[k].reduce(1) { $0 * abs($1[i]) }, 1 / Double(depths[k])) }
        }
        let initialScale = θ.reduce(0) { max($0, abs($1)) }
        let initial = imbalance(chart.layerValues(θ)) / initialScale
        for t in 0...steps {
            let scale = max(θ.reduce(0) { max($0, abs($1)) }, 1e-300)
            let chartValues = chart.layerValues(θ)
            offChart = max(offChart, chart.offChartNorm(θ) / scale)
            imbal = max(imbal, imbalance(chartValues) / scale)
            for k in depths.indices {
                for l in 0..<depths[k] {
                    for i in s.indices {
                        gap = max(gap, abs(chartValues[k][l][i] - values[k][l][i]) / scale)
                        balancedGap = max(balancedGap, abs(chartValues[k][l][i] - balanced[k][i]) / scale)
                    }
                }
            }
            if t == steps { break }
            let (f, grad) = net.valueAndGradient(θ)
            guard f.isFinite, grad.allSatisfy(\.isFinite) else {
                throw ClaimError.diverged(step: t, what: "full multi-pathway GD left the finite range")
            }
            for j in θ.indices { θ[j] -= eta * grad[j] }
            // Scalar recursion (33) on the chart values.
            var next = values
            for i in s.indices {
                var total = 0.0
                for k in depths.indices { total += values[k].reduce(1) { $0 * $1[i] } }
                let r = total - s[i]
                for k in depths.indices {
                    for l in 0..<depths[k] {
                        var others = 1.0
                        for m in 0..<depths[k] where m != l { others *= values[k][m][i] }
                        next[k][l][i] = values[k][l][i] - eta * r * others
                    }
                }
            }
            values = next
            // Scalar recursion (54) on one value per (pathway, mode).
            for i in s.indices {
                var total = 0.0
                for k in depths.indices { total += pow(balanced[k][i], Double(depths[k])) }
                let r = total - s[i]
                for k in depths.indices { balanced[k][i] -= eta * r * pow(balanced[k][i], Double(depths[k] - 1)) }
            }
        }
        maxOffChart = offChart
        maxImbalance = imbal
        initialImbalance = initial
        maxRecursionGap = gap
        maxBalancedRecursionGap = balancedGap
        finalLoss = net.value(θ)
        self.steps = steps
    }
}
