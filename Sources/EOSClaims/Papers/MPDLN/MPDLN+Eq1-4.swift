import Foundation
import EOSCore
import EOSModels

extension MPDLNClaims {
    /// Eqs. (1)–(4) (l.24–35) with the gradient formula (34) used in App. B.
    static let equations1to4 = Claim(
        id: "MPDLN.Eq1-4",
        title: "multi-pathway DLN W = Σ_k W_{k,L}⋯W_{k,1}, loss ½‖W − Y‖²_F, GD; gradient W_{k,>l}ᵀ(W − Y)W_{k,<l}ᵀ [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Eqs. (1)–(4) (and Eq. 34)", lines: 24...35),
        statement: """
        The end-to-end map of pathway k is the ordered product W_k = W_{k,L_k}⋯W_{k,1} (1). The overall input–output map \
        of the network is the sum of the pathway maps: W = Σ_k W_k (2). We fit a target matrix Y by minimizing the squared \
        Frobenius loss 𝓛(Θ) = ½‖W − Y‖²_F (3). We consider discrete-time gradient descent updates Θ_{t+1} = Θ_t − \
        η∇𝓛(Θ_t) (4). [All four formulas, and the gradient ∇_{W_{k,l}}𝓛 = W_{k,>l}ᵀ(W − Y)W_{k,<l}ᵀ (34), are lost and \
        RECONSTRUCTED (INDEX [R]); the ½ in (3) is not visible.]
        """,
        uses: [],
        parameters: [
            ParameterSpec("depths", .vector(minCount: 1, distinct: false, descending: false), .closed(1, 8), meaning: "pathway depths"),
            ParameterSpec("d", .integer, .closed(1, 6), meaning: "width"),
            ParameterSpec("formula", .choice(["eq34", "untransposed"]), required: false,
                          meaning: "eq34 (default) or untransposed: W_{k,>l}(W − Y)W_{k,<l} (negative control)"),
            ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "seed (default 1)"),
        ],
        method: """
        At a seeded random (not SVS) point with a random target: (a) the loss value is recomputed independently by \
        explicit matrix products of Eqs. (1)–(3) and compared with the model (rel. 1e-12); (b) Eq. (34) is evaluated \
        layer by layer with explicit products and compared with a central-difference gradient of the value (rel. 1e-6); \
        (c) the exact HVP of the model is compared with central differences of the gradient (rel. 1e-6). Negative \
        control: (34) without the transposes, which is not the gradient.
        """,
        expected: .confirmed
    ) { c in
        let depths = try c.vector("depths").map { Int($0) }, d = try c.integer("d")
        let untransposed = try c.text("formula", default: "eq34") == "untransposed"
        var g = SeededGenerator(seed: UInt64(try c.integer("seed", default: 1)))
        let y = g.gaussianMatrix(rows: d, columns: d)
        let net = MultiPathwayLinearNetwork(target: y, depths: depths)
        let θ = g.gaussianVector(net.dimension, standardDeviation: 0.7)
        // Independent evaluation of (1)–(3) and (34) with explicit products.
        let layers = depths.indices.map { net.pathways[$0].unflatten(net.pathwayParameters(θ, $0)) }
        func product(_ ws: ArraySlice<Matrix>) -> Matrix { ws.reduce(Matrix.identity(d)) { $1 * $0 } }
        let w = layers.map { product($0[...]) }.reduce(Matrix(rows: d, columns: d), +)
        let r = w - y
        let value = 0.5 * r.storage.dot(r.storage)
        var formula: [Double] = []
        for ws in layers {
            for l in ws.indices {
                let above = product(ws[(l + 1)...]), below = product(ws[..<l])
                let gl = untransposed ? above * r * below
                    : Matrix.product(Matrix.product(above, transposeA: true, r), below, transposeB: true)
                formula += gl.storage
            }
        }
        let fd = FiniteDifferences.gradient(of: net, at: θ)
        let gradError = zip(formula, fd).map { $0 - $1 }.euclideanNorm / fd.euclideanNorm
        let v = g.gaussianVector(net.dimension)
        let hv = net.hessianVectorProduct(θ, v)
        let hvFD = FiniteDifferences.hessianVectorProduct(of: net, at: θ, direction: v)
        let hvpError = zip(hv, hvFD).map { $0 - $1 }.euclideanNorm / hvFD.euclideanNorm
        return CaseOutcome([
            .compare("loss by explicit products of (1)–(3) vs the model", measured: value, predicted: net.value(θ),
                     .relative(1e-12, "same products in a different order: rounding ≈ 1e-15")),
            .judge("Eq. (34) vs central-difference gradient (relative)", gradError,
                   predicted: "≤ 1e-6 (central differences ≈ 1e-10 relative)", holds: gradError <= 1e-6),
            .judge("exact HVP vs central differences of the gradient (relative)", hvpError,
                   predicted: "≤ 1e-6 (O(h²) truncation + O(ε/h) rounding)", holds: hvpError <= 1e-6),
        ])
    }

    /// Lemma B.2 (Mode-wise decoupling in the SVS set), l.238–241 (statement lost), with Def. B.1 (Eqs. 26–29).
    static let lemmaB2 = Claim(
        id: "MPDLN.LemB.2",
        title: "on the SVS set 𝓛 = ½ Σ_i (Σ_k σ_{k,i} − s_i)², σ_{k,i} = Π_l (S_{k,l})_{ii} [R, statement lost]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Lemma B.2 (statement Eq. 30 lost) with Definition B.1", lines: 227...241),
        statement: """
        [Statement lost.] Proof: since W − Y = U(Σ_k D_k − Σ)Vᵀ and the Frobenius norm is unitarily invariant, … which \
        yields the claim. Definition B.1: Θ is in the SVS set if for each pathway there are fixed orthogonal V_{k,0}, …, \
        V_{k,L_k} with V_{k,L_k} = U, V_{k,0} = V such that W_{k,l} = V_{k,l}S_{k,l}V_{k,l−1}ᵀ (26), S_{k,l} diagonal; then \
        W_k = U D_k Vᵀ (27), (D_k)_{ii} = σ_{k,i} = Π_l (S_{k,l})_{ii} (28), W = U(Σ_k D_k)Vᵀ (29). [Eq. (30), read as \
        𝓛 = ½Σ_i(Σ_k σ_{k,i} − s_i)², and (26)–(29) are RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.DefB.1"],
        parameters: [
            ParameterSpec("s", .vector(minCount: 1, distinct: false, descending: true), .positive, meaning: "target singular values"),
            ParameterSpec("depths", .vector(minCount: 1, distinct: false, descending: false), .closed(1, 8), meaning: "pathway depths"),
            ParameterSpec("perturbation", .real, .nonNegative, required: false,
                          meaning: "Gaussian noise added to θ (0 = on the SVS set, default)"),
            ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "seed (default 1)"),
        ],
        method: """
        At a random point of the SVS set (random frames, random signed diagonal layer values, NOT a minimum), the full \
        loss ½‖Σ_k W_k − Y‖²_F is compared with ½Σ_i(Σ_k Π_l (S_{k,l})_{ii} − s_i)² built from the chart values (rel. \
        1e-12), and the pathway maps must be U D_k Vᵀ with D_k = diag(σ_{k,i}) (Eq. 27, off-diagonal part of UᵀW_kV ≤ \
        1e-12 relative). Negative control: the point perturbed off the SVS set (noise 0.05), where the mode formula \
        misses the off-diagonal error.
        """,
        expected: .confirmed
    ) { c in
        let s = try c.vector("s"), depths = try c.vector("depths").map { Int($0) }
        let seed = UInt64(try c.integer("seed", default: 1))
        let chart = MultiPathwaySVSChart(singularValues: s, depths: depths, seed: seed)
        var g = SeededGenerator(seed: seed &+ 5)
        let values: [[[Double]]] = depths.map { depth in (0..<depth).map { _ in s.indices.map { _ in 1.5 * g.nextGaussian() } } }
        var θ = chart.parameters(values)
        let eps = try c.number("perturbation", default: 0)
        if eps > 0 { let n = g.gaussianVector(θ.count); for j in θ.indices { θ[j] += eps * n[j] } }
        let framed = chart.layerValues(θ)
        var modeLoss = 0.0
        for i in s.indices {
            let total = depths.indices.reduce(0.0) { acc, k in acc + framed[k].reduce(1.0) { $0 * $1[i] } }
            modeLoss += 0.5 * (total - s[i]) * (total - s[i])
        }
        let u = chart.frames[0].last!, v = chart.frames[0][0]
        var off = 0.0, scale = 0.0
        for wk in chart.network.pathwayMaps(θ) {
            let m = Matrix.product(Matrix.product(u, transposeA: true, wk), v)
            scale = max(scale, m.maxAbs)
            for i in 0..<m.rows { for j in 0..<m.columns where i != j { off = max(off, abs(m[i, j])) } }
        }
        return CaseOutcome([
            .compare("½Σ_i(Σ_k σ_{k,i} − s_i)² vs the full loss", measured: modeLoss, predicted: chart.network.value(θ),
                     .relative(1e-12, "products of orthogonal frames: rounding ≈ 1e-15 relative")),
            .judge("max off-diagonal |(UᵀW_kV)_{ij}| relative to max entry (Eq. 27)", off / scale,
                   predicted: "≤ 1e-12 (diagonal in the target basis)", holds: off / scale <= 1e-12),
        ])
    }

    /// Eqs. (35)–(39) (l.268–295): at a global minimum the Hessian is JᵀJ, and ‖J_i‖² = LΣ_kσ_{k,i}^{2(L−1)/L}.
    static let equationsC35to39 = Claim(
        id: "MPDLN.EqC35-39",
        title: "at a global minimum ∇²𝓛 = JᵀJ (Gauss–Newton); mode-i Jacobian entries σ^{(L−1)/L}; ‖J_i‖² = LΣ_kσ_{k,i}^{2(L−1)/L} [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Eqs. (35)–(39), App. C.1–C.3", lines: 268...295),
        statement: """
        To analyze the sharpness, we examine the Hessian of the loss at a global minimum where W = Y. … the (k, k′) block \
        of the Hessian is J_kᵀJ_{k′} (36) … ∇²𝓛 = JᵀJ … Hence the mode-i Hessian is a Gram matrix of the mode-i Jacobian. \
        … depth-balanced (S_{k,l})_{ii} = σ_{k,i}^{1/L} (38) … the mode-i Jacobian entries are σ_{k,i}^{(L−1)/L} … and \
        therefore its squared norm is ‖J_i‖² = L Σ_k σ_{k,i}^{2(L−1)/L} (39). [(35)–(39) are RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.DefB.1"],
        parameters: globalMinimumParameters + [
            ParameterSpec("targetScale", .real, .positive, required: false,
                          meaning: "multiply Y by this after building the minimum (1 = a global minimum; ≠ 1 = negative control)"),
        ],
        method: """
        At a depth-balanced SVS global minimum of the FULL loss: the Jacobian J of θ ↦ vec(W) is assembled column by \
        column from the chain pushforwards (no Hessian code involved) and JᵀJ is compared with the dense Hessian from \
        HVPs (‖H − JᵀJ‖_F/‖H‖_F ≤ 1e-10). The mode-i Jacobian in the chart, ∂σ_i/∂(S_{k,l})_{ii}, is computed by central \
        differences of the framed end-to-end map and compared with σ_{k,i}^{(L−1)/L}; its squared norm with (39) \
        (rel. 1e-6). Negative control: the same parameters with Y scaled by 1.3 (not a minimum): H ≠ JᵀJ.
        """,
        expected: .confirmed
    ) { c in
        let m = try globalMinimumSpectrum(c)
        let scale = try c.number("targetScale", default: 1)
        let net = MultiPathwayLinearNetwork(target: scale * m.network.target, depths: m.network.depths)
        let n = net.dimension, d = net.width
        var jac = Matrix(rows: d * d, columns: n)
        var e = [Double](repeating: 0, count: n)
        let parts = (0..<net.pathways.count).map { net.pathwayParameters(m.θ, $0) }
        for j in 0..<n {
            e[j] = 1
            let k = net.offsets.lastIndex { $0 <= j }!
            let local = Array(e[net.offsets[k]..<net.offsets[k + 1]])
            jac.setColumn(j, net.pathways[k].endToEndDerivative(parts[k], local).storage)
            e[j] = 0
        }
        let gn = Matrix.product(jac, transposeA: true, jac)
        let h = DenseHessian(of: net, at: m.θ).matrix
        let rel = (h - gn).frobeniusNorm / h.frobeniusNorm
        // Mode-i Jacobian in the chart by central differences of σ_i along chart directions.
        let s = try c.vector("s")
        var worst = 0.0, worstNorm = 0.0
        for i in s.indices {
            var norm2 = 0.0
            for (k, depth) in net.depths.enumerated() {
                for l in 0..<depth {
                    let dir = m.chart.coordinateDirection(pathway: k, layer: l, mode: i)
                    let h0 = 1e-6
                    func sigmaI(_ t: Double) -> Double {
                        let w = m.chart.network.endToEnd(zip(m.θ, dir).map { $0 + t * $1 })
                        let u = m.chart.frames[0].last!, v = m.chart.frames[0][0]
                        return Matrix.product(Matrix.product(u, transposeA: true, w), v)[i, i]
                    }
                    let entry = (sigmaI(h0) - sigmaI(-h0)) / (2 * h0)
                    let predicted = pow(m.allocation[k][i], Double(depth - 1) / Double(depth))
                    worst = max(worst, abs(entry - predicted) / max(1, predicted))
                    norm2 += entry * entry
                }
            }
            let predicted39 = Double(net.depths[0]) * m.allocation.indices.reduce(0) {
                $0 + pow(m.allocation[$1][i], 2 * Double(net.depths[0] - 1) / Double(net.depths[0]))
            }
            worstNorm = max(worstNorm, abs(norm2 - predicted39) / predicted39)
        }
        return CaseOutcome([
            .judge("‖H − JᵀJ‖_F/‖H‖_F", rel, predicted: "≤ 1e-10 (Gauss–Newton exact at W = Y; rounding ≈ 1e-15)", holds: rel <= 1e-10),
            .judge("max |∂σ_i/∂(S_{k,l})_{ii} − σ_{k,i}^{(L−1)/L}| (central differences)", worst,
                   predicted: "≤ 1e-6 (central differences ≈ 1e-10)", holds: worst <= 1e-6),
            .judge("max relative gap of ‖J_i‖² to Eq. (39)", worstNorm, predicted: "≤ 1e-6", holds: worstNorm <= 1e-6),
        ])
    }
}
