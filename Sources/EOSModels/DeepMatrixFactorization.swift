import EOSCore

/// The deep matrix factorization loss (DLN-EOS Eq. 1)
///
///     f(Θ) = c · ‖W_L ⋯ W_1 − M⋆‖²_F,   Θ = (W_1, …, W_L),   c = `scale` (default ½),
///
/// with its exact gradient and exact Hessian–vector products.
///
/// **Shapes.** `dimensions = [d_0, d_1, …, d_L]`; layer W_ℓ is d_ℓ × d_{ℓ−1}, the end-to-end
/// product W_{L:1} = W_L ⋯ W_1 is d_L × d_0, and the target M⋆ has that shape. The paper's
/// setting is the square chain d_ℓ = d (`init(target:depth:)`).
///
/// **Layout of θ.** W_1 first, then W_2, …, W_L; each matrix row-major, so entry (i, j) of W_ℓ
/// is `θ[layerOffsets[ℓ − 1] + i · d_{ℓ−1} + j]`. Arrays of layers (`flatten`, `unflatten`)
/// use index 0 for W_1.
///
/// **Scale.** The paper states Eq. 1 with c = ½; some of its figures used ‖·‖²_F without the
/// ½, which is c = 1 (every gradient, Hessian and sharpness doubles, so 2/η thresholds move).
///
/// **Derivatives.** With the prefix products P_ℓ = W_{ℓ:1} (P_0 = I) and the residual
/// R = P_L − M⋆, the back-propagated cotangents G_L = R, G_{ℓ−1} = W_ℓᵀ G_ℓ equal
/// W_{L:ℓ+1}ᵀ R, so
///
///     ∇_{W_ℓ} f = 2c · W_{L:ℓ+1}ᵀ R W_{ℓ−1:1}ᵀ = 2c · G_ℓ P_{ℓ−1}ᵀ.
///
/// For a direction V = (V_1, …, V_L), the directional derivatives of these recursions,
/// dP_0 = 0, dP_ℓ = V_ℓ P_{ℓ−1} + W_ℓ dP_{ℓ−1} (so dR = dP_L = Σ_k W_{L:k+1} V_k W_{k−1:1}) and
/// dG_L = dR, dG_{ℓ−1} = V_ℓᵀ G_ℓ + W_ℓᵀ dG_ℓ (so dG_ℓ = [dW_{L:ℓ+1}]ᵀ R + W_{L:ℓ+1}ᵀ dR), give
///
///     [∇²f · V]_ℓ = 2c · (dG_ℓ P_{ℓ−1}ᵀ + G_ℓ dP_{ℓ−1}ᵀ)
///                 = 2c · ([dW_{L:ℓ+1}]ᵀ R W_{ℓ−1:1}ᵀ + W_{L:ℓ+1}ᵀ dR W_{ℓ−1:1}ᵀ + W_{L:ℓ+1}ᵀ R [dW_{ℓ−1:1}]ᵀ).
///
/// **Complexity.** Value O(L d³), gradient 3L products O(L d³), HVP about 8L products
/// O(L d³) (6L per application of `hessianOperator(at:)`, which caches P_ℓ and G_ℓ); no
/// product is ever recomputed for another layer. The evaluator from `makeGradientEvaluator()`
/// allocates nothing per call.
///
/// The target-independent part (the chain Θ ↦ W_{L:1} with its pushforward and pullbacks) is
/// `Chain`, so sums of several chains (multi-pathway networks) can be assembled from it.
public struct DeepMatrixFactorization: DifferentiableLoss, Sendable {
    /// The parameterisation Θ ↦ W_{L:1}.
    public let chain: Chain
    /// M⋆, d_L × d_0.
    public let target: Matrix
    /// The factor c in f = c‖W_{L:1} − M⋆‖²_F (½ in Eq. 1).
    public let scale: Double

    /// A chain with the given `dimensions` [d_0, …, d_L] fitting `target` (d_L × d_0).
    public init(target: Matrix, dimensions: [Int], scale: Double = 0.5) {
        let chain = Chain(dimensions: dimensions)
        precondition(target.rows == dimensions.last! && target.columns == dimensions[0],
                     "Target is \(target.rows)×\(target.columns), the chain maps to \(dimensions.last!)×\(dimensions[0])")
        precondition(scale > 0 && scale.isFinite, "scale must be positive")
        self.chain = chain
        self.target = target
        self.scale = scale
    }

    /// The paper's square setting: L layers, each d × d, for a d × d target.
    public init(target: Matrix, depth: Int, scale: Double = 0.5) {
        precondition(target.isSquare, "init(target:depth:) needs a square target; use init(target:dimensions:)")
        self.init(target: target, dimensions: [Int](repeating: target.rows, count: depth + 1), scale: scale)
    }

    /// The number of layers L.
    public var depth: Int { chain.depth }
    /// [d_0, …, d_L].
    public var dimensions: [Int] { chain.dimensions }
    /// Σ_ℓ d_ℓ d_{ℓ−1}.
    public var dimension: Int { chain.parameterCount }

    /// The layers as one flat vector (W_1 first, row-major). See `Chain.flatten`.
    public func flatten(_ layers: [Matrix]) -> [Double] { chain.flatten(layers) }
    /// The layers [W_1, …, W_L] of θ. See `Chain.unflatten`.
    public func unflatten(_ θ: [Double]) -> [Matrix] { chain.unflatten(θ) }
    /// The end-to-end product W_{L:1}.
    public func endToEnd(_ θ: [Double]) -> Matrix { chain.endToEnd(θ) }

    /// The residual R = W_{L:1} − M⋆.
    public func residual(_ θ: [Double]) -> Matrix { chain.endToEnd(θ) - target }

    public func value(_ θ: [Double]) -> Double {
        let ws = chain.makeWorkspace()
        return θ.withUnsafeBufferPointer { t in
            chain.forward(t.baseAddress!, ws)
            return residualAndValue(ws)
        }
    }

    public func gradient(_ θ: [Double]) -> [Double] { valueAndGradient(θ).gradient }

    public func valueAndGradient(_ θ: [Double]) -> (value: Double, gradient: [Double]) {
        var g = [Double](repeating: 0, count: dimension)
        let f = valueAndGradient(θ, into: &g, chain.makeWorkspace())
        return (f, g)
    }

    public func hessianVectorProduct(_ θ: [Double], _ v: [Double]) -> [Double] {
        hessianOperator(at: θ)(v)
    }

    /// v ↦ ∇²f(θ)·v with P_ℓ, R and G_ℓ computed once. The closure owns scratch space: do not
    /// call one operator from two threads at once.
    public func hessianOperator(at θ: [Double]) -> ([Double]) -> [Double] {
        precondition(θ.count == dimension, "θ has \(θ.count) entries, expected \(dimension)")
        let ws = chain.makeWorkspace()
        let chain = self.chain
        let alpha = 2 * scale
        θ.withUnsafeBufferPointer { t in
            chain.forward(t.baseAddress!, ws)
            _ = residualAndValue(ws)
            chain.backward(t.baseAddress!, cotangent: UnsafePointer(ws.residual), alpha: alpha, ws, output: nil)
        }
        return { v in
            precondition(v.count == chain.parameterCount, "v has \(v.count) entries, expected \(chain.parameterCount)")
            var out = [Double](repeating: 0, count: chain.parameterCount)
            θ.withUnsafeBufferPointer { t in
                v.withUnsafeBufferPointer { vp in
                    out.withUnsafeMutableBufferPointer { o in
                        chain.tangentForward(t.baseAddress!, vp.baseAddress!, ws)
                        chain.tangentBackward(t.baseAddress!, vp.baseAddress!,
                                              cotangentDerivative: UnsafePointer(ws.tangentPrefix + ws.offset(chain.depth)),
                                              alpha: alpha, ws, output: o.baseAddress!)
                    }
                }
            }
            return out
        }
    }

    /// An evaluator that reuses one workspace: no allocation per call.
    public func makeGradientEvaluator() -> GradientEvaluator {
        let ws = chain.makeWorkspace()
        return GradientEvaluator { θ, g in self.valueAndGradient(θ, into: &g, ws) }
    }

    // MARK: Internals

    /// Writes R = P_L − M⋆ into `ws.residual` (after `forward`) and returns c‖R‖²_F.
    func residualAndValue(_ ws: Chain.Workspace) -> Double {
        let pL = ws.prefix + ws.offset(chain.depth)
        let count = target.storage.count
        var s = 0.0
        target.storage.withUnsafeBufferPointer { m in
            for i in 0..<count {
                let r = pL[i] - m[i]
                ws.residual[i] = r
                s += r * r
            }
        }
        return scale * s
    }

    func valueAndGradient(_ θ: [Double], into g: inout [Double], _ ws: Chain.Workspace) -> Double {
        precondition(θ.count == dimension, "θ has \(θ.count) entries, expected \(dimension)")
        precondition(g.count == dimension, "gradient buffer has \(g.count) entries, expected \(dimension)")
        return θ.withUnsafeBufferPointer { t in
            g.withUnsafeMutableBufferPointer { gp in
                chain.forward(t.baseAddress!, ws)
                let f = residualAndValue(ws)
                chain.backward(t.baseAddress!, cotangent: UnsafePointer(ws.residual), alpha: 2 * scale, ws,
                               output: gp.baseAddress!)
                return f
            }
        }
    }
}

// MARK: - The singular-vector-stationary reduction

extension DeepMatrixFactorization {
    /// Balanced initialization (DLN-EOS Eq. 3): W_ℓ = αI for all ℓ. Square chains only.
    public func balancedInitialization(_ alpha: Double) -> [Double] {
        svsParameters([[Double]](repeating: [Double](repeating: alpha, count: squareWidth), count: depth))
    }

    /// Unbalanced initialization (DLN-EOS Eq. 4): W_L = 0 and W_ℓ = αI for ℓ < L. Square chains only.
    public func unbalancedInitialization(_ alpha: Double) -> [Double] {
        var σ = [[Double]](repeating: [Double](repeating: alpha, count: squareWidth), count: depth)
        σ[depth - 1] = [Double](repeating: 0, count: squareWidth)
        return svsParameters(σ)
    }

    /// A point of the singular vector stationary set (DLN-EOS Prop. 1):
    /// W_ℓ = Q_ℓ · diag(σ_{ℓ,1}, …, σ_{ℓ,d}) · Q_{ℓ−1}ᵀ.
    ///
    /// - Parameters:
    ///   - singularValues: `singularValues[ℓ − 1][i]` = σ_{ℓ,i} (d values per layer). They may
    ///     be negative or unsorted; they are then the singular values only up to sign and order.
    ///   - frames: orthogonal Q_0, …, Q_L (d × d), or nil for identities. The paper's SVS set
    ///     has Q_0 = V⋆ and Q_L = U⋆ (M⋆ = U⋆Σ⋆V⋆ᵀ) and free Q_1, …, Q_{L−1}.
    /// - Precondition: square chain (all d_ℓ = d); orthogonality of the frames is assumed, not checked.
    public func svsParameters(_ singularValues: [[Double]], frames: [Matrix]? = nil) -> [Double] {
        let d = squareWidth
        precondition(singularValues.count == depth && singularValues.allSatisfy { $0.count == d },
                     "Need \(depth) layers of \(d) singular values")
        let layers = (0..<depth).map { l -> Matrix in
            let sigma = Matrix.diagonal(singularValues[l])
            guard let q = frames else { return sigma }
            checkFrames(q)
            return Matrix.product(q[l + 1] * sigma, q[l], transposeB: true)
        }
        return flatten(layers)
    }

    /// The per-index scalar reduction: σ_{ℓ,i} = (Q_ℓᵀ W_ℓ Q_{ℓ−1})_{ii}, returned as
    /// `result[ℓ − 1][i]`.
    ///
    /// On the SVS set with these frames (`svsResidual` ≈ 0) these are the layer singular values
    /// (up to sign and order) and f(Θ) = Σ_i c(Π_ℓ σ_{ℓ,i} − σ⋆,i)² + c‖offdiag(Q_Lᵀ M⋆ Q_0)‖²,
    /// i.e. a sum of `scalarLoss(index:frames:)` terms (DLN-EOS Eq. 5). Off the set the
    /// diagonal is merely a projection. Cost O(L d³). Square chains only.
    public func layerSingularValues(_ θ: [Double], frames: [Matrix]? = nil) -> [[Double]] {
        framedLayers(θ, frames: frames).map { $0.diagonalEntries }
    }

    /// The distance from the SVS set with these frames: √(Σ_ℓ ‖offdiag(Q_ℓᵀ W_ℓ Q_{ℓ−1})‖²_F).
    /// Zero exactly when every layer is diagonal in the frames. Square chains only.
    public func svsResidual(_ θ: [Double], frames: [Matrix]? = nil) -> Double {
        var s = 0.0
        for w in framedLayers(θ, frames: frames) {
            for i in 0..<w.rows { for j in 0..<w.columns where i != j { s += w[i, j] * w[i, j] } }
        }
        return s.squareRoot()
    }

    /// The scalar loss c(Π_ℓ σ_ℓ − σ⋆,i)² of index i on the SVS set (DLN-EOS Eq. 5), with
    /// σ⋆,i = (Q_Lᵀ M⋆ Q_0)_{ii} (the i-th singular value of M⋆ when Q_0 = V⋆, Q_L = U⋆).
    public func scalarLoss(index i: Int, frames: [Matrix]? = nil) -> ScalarProductLoss {
        let d = squareWidth
        precondition(0 <= i && i < d, "index \(i) outside 0..<\(d)")
        var sigmaStar = target[i, i]
        if let q = frames {
            checkFrames(q)
            sigmaStar = Matrix.product(q[depth], transposeA: true, target * q[0])[i, i]
        }
        return ScalarProductLoss(depth: depth, target: sigmaStar, scale: scale)
    }

    private var squareWidth: Int {
        let d = dimensions[0]
        precondition(dimensions.allSatisfy { $0 == d }, "The SVS reduction needs a square chain")
        return d
    }

    private func checkFrames(_ q: [Matrix]) {
        let d = squareWidth
        precondition(q.count == depth + 1 && q.allSatisfy { $0.rows == d && $0.columns == d },
                     "Need L + 1 = \(depth + 1) frames of size \(d)×\(d)")
    }

    private func framedLayers(_ θ: [Double], frames: [Matrix]?) -> [Matrix] {
        let layers = unflatten(θ)
        _ = squareWidth
        guard let q = frames else { return layers }
        checkFrames(q)
        return (0..<depth).map { l in Matrix.product(q[l + 1], transposeA: true, layers[l] * q[l]) }
    }
}

// MARK: - The chain Θ ↦ W_{L:1}

extension DeepMatrixFactorization {
    /// The parameterisation Θ = (W_1, …, W_L) ↦ W_{L:1} = W_L ⋯ W_1, independent of any target,
    /// with its derivatives:
    ///
    /// - pushforward (JVP)  dW_{L:1}[V] = Σ_k W_{L:k+1} V_k W_{k−1:1};
    /// - pullback (VJP) of a cotangent C (d_L × d_0): the gradient of Θ ↦ ⟨C, W_{L:1}⟩_F,
    ///   layer ℓ = W_{L:ℓ+1}ᵀ C W_{ℓ−1:1}ᵀ;
    /// - the derivative of the pullback along (V, dC) — the second-order term a Hessian–vector
    ///   product needs.
    ///
    /// For any loss ℓ(W_{L:1}) the chain rule gives ∇f = pullback(θ, ∇ℓ) and
    /// ∇²f·V = pullbackDerivative(θ, V, ∇ℓ, ∇²ℓ[dW_{L:1}[V]]). A sum of K chains
    /// Σ_k W^{(k)}_{L_k:1} with loss c‖Σ_k W^{(k)} − M⋆‖² uses C = 2cR and dC = 2c Σ_k dW^{(k)}.
    ///
    /// Layout as in `DeepMatrixFactorization` (W_1 first, row-major). Each call O(L d³).
    public struct Chain: Sendable, Equatable {
        /// [d_0, …, d_L]: W_ℓ is d_ℓ × d_{ℓ−1}.
        public let dimensions: [Int]
        /// `layerOffsets[ℓ − 1]` is where W_ℓ starts in θ; `layerOffsets[L]` = `parameterCount`.
        public let layerOffsets: [Int]

        /// - Precondition: at least one layer, every d_ℓ ≥ 1.
        public init(dimensions: [Int]) {
            precondition(dimensions.count >= 2, "A chain needs at least one layer")
            precondition(dimensions.allSatisfy { $0 >= 1 }, "Dimensions must be ≥ 1")
            self.dimensions = dimensions
            var offsets = [0]
            for l in 1..<dimensions.count { offsets.append(offsets.last! + dimensions[l] * dimensions[l - 1]) }
            self.layerOffsets = offsets
        }

        /// L square d × d layers.
        public init(width d: Int, depth: Int) {
            self.init(dimensions: [Int](repeating: d, count: depth + 1))
        }

        /// The number of layers L.
        public var depth: Int { dimensions.count - 1 }
        /// The length of θ, Σ_ℓ d_ℓ d_{ℓ−1}.
        public var parameterCount: Int { layerOffsets[depth] }

        /// θ from [W_1, …, W_L].
        public func flatten(_ layers: [Matrix]) -> [Double] {
            precondition(layers.count == depth, "Need \(depth) layers")
            var θ: [Double] = []
            θ.reserveCapacity(parameterCount)
            for (l, w) in layers.enumerated() {
                precondition(w.rows == dimensions[l + 1] && w.columns == dimensions[l],
                             "W_\(l + 1) is \(w.rows)×\(w.columns), expected \(dimensions[l + 1])×\(dimensions[l])")
                θ.append(contentsOf: w.storage)
            }
            return θ
        }

        /// [W_1, …, W_L] from θ.
        public func unflatten(_ θ: [Double]) -> [Matrix] {
            checkParameters(θ)
            return (0..<depth).map { l in
                Matrix(rows: dimensions[l + 1], columns: dimensions[l],
                       storage: Array(θ[layerOffsets[l]..<layerOffsets[l + 1]]))
            }
        }

        /// W_{L:1} = W_L ⋯ W_1 (d_L × d_0).
        public func endToEnd(_ θ: [Double]) -> Matrix {
            checkParameters(θ)
            let ws = makeWorkspace()
            θ.withUnsafeBufferPointer { forward($0.baseAddress!, ws) }
            return ws.matrix(ws.prefix, depth)
        }

        /// The pushforward dW_{L:1}[V] = Σ_k W_{L:k+1} V_k W_{k−1:1} (d_L × d_0).
        public func endToEndDerivative(_ θ: [Double], _ v: [Double]) -> Matrix {
            checkParameters(θ); checkParameters(v)
            let ws = makeWorkspace()
            θ.withUnsafeBufferPointer { t in
                v.withUnsafeBufferPointer { vp in
                    forward(t.baseAddress!, ws)
                    tangentForward(t.baseAddress!, vp.baseAddress!, ws)
                }
            }
            return ws.matrix(ws.tangentPrefix, depth)
        }

        /// The pullback of a cotangent C (d_L × d_0): layer ℓ is W_{L:ℓ+1}ᵀ C W_{ℓ−1:1}ᵀ, i.e. the
        /// gradient of Θ ↦ ⟨C, W_{L:1}(Θ)⟩_F.
        public func pullback(_ θ: [Double], cotangent: Matrix) -> [Double] {
            checkParameters(θ); checkEndToEnd(cotangent)
            let ws = makeWorkspace()
            var out = [Double](repeating: 0, count: parameterCount)
            θ.withUnsafeBufferPointer { t in
                cotangent.storage.withUnsafeBufferPointer { c in
                    out.withUnsafeMutableBufferPointer { o in
                        forward(t.baseAddress!, ws)
                        backward(t.baseAddress!, cotangent: c.baseAddress!, alpha: 1, ws, output: o.baseAddress!)
                    }
                }
            }
            return out
        }

        /// d/dε pullback(Θ + εV, C + ε dC) at ε = 0: layer ℓ is
        /// [dW_{L:ℓ+1}]ᵀ C W_{ℓ−1:1}ᵀ + W_{L:ℓ+1}ᵀ dC W_{ℓ−1:1}ᵀ + W_{L:ℓ+1}ᵀ C [dW_{ℓ−1:1}]ᵀ.
        public func pullbackDerivative(_ θ: [Double], _ v: [Double], cotangent: Matrix,
                                       cotangentDerivative: Matrix) -> [Double] {
            checkParameters(θ); checkParameters(v)
            checkEndToEnd(cotangent); checkEndToEnd(cotangentDerivative)
            let ws = makeWorkspace()
            var out = [Double](repeating: 0, count: parameterCount)
            θ.withUnsafeBufferPointer { t in
                v.withUnsafeBufferPointer { vp in
                    cotangent.storage.withUnsafeBufferPointer { c in
                        cotangentDerivative.storage.withUnsafeBufferPointer { dc in
                            out.withUnsafeMutableBufferPointer { o in
                                forward(t.baseAddress!, ws)
                                backward(t.baseAddress!, cotangent: c.baseAddress!, alpha: 1, ws, output: nil)
                                tangentForward(t.baseAddress!, vp.baseAddress!, ws)
                                tangentBackward(t.baseAddress!, vp.baseAddress!, cotangentDerivative: dc.baseAddress!,
                                                alpha: 1, ws, output: o.baseAddress!)
                            }
                        }
                    }
                }
            }
            return out
        }

        private func checkParameters(_ θ: [Double]) {
            precondition(θ.count == parameterCount, "Parameter vector has \(θ.count) entries, expected \(parameterCount)")
        }

        private func checkEndToEnd(_ m: Matrix) {
            precondition(m.rows == dimensions[depth] && m.columns == dimensions[0],
                         "Expected a \(dimensions[depth])×\(dimensions[0]) matrix, got \(m.rows)×\(m.columns)")
        }
    }
}

// MARK: - Workspace and kernels

extension DeepMatrixFactorization.Chain {
    /// Scratch space for the recursions: P_ℓ, G_ℓ, dP_ℓ (ℓ = 0…L, each d_ℓ × d_0, stored
    /// back to back), two d_max × d_0 ping-pong buffers for dG_ℓ, and R (d_L × d_0).
    final class Workspace {
        let dimensions: [Int]
        /// `blockOffsets[ℓ]`: start of block ℓ in `prefix`, `cotangents`, `tangentPrefix`.
        let blockOffsets: [Int]
        let prefix: UnsafeMutablePointer<Double>
        let cotangents: UnsafeMutablePointer<Double>
        let tangentPrefix: UnsafeMutablePointer<Double>
        let pingPong: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)
        let residual: UnsafeMutablePointer<Double>
        private let blockTotal: Int
        private let pingSize: Int

        init(dimensions: [Int]) {
            self.dimensions = dimensions
            let d0 = dimensions[0]
            var offsets = [0]
            for d in dimensions { offsets.append(offsets.last! + d * d0) }
            blockOffsets = offsets
            blockTotal = offsets.last!
            pingSize = dimensions.max()! * d0
            prefix = .allocate(capacity: blockTotal)
            cotangents = .allocate(capacity: blockTotal)
            tangentPrefix = .allocate(capacity: blockTotal)
            pingPong = (.allocate(capacity: pingSize), .allocate(capacity: pingSize))
            residual = .allocate(capacity: dimensions.last! * d0)
            prefix.initialize(repeating: 0, count: blockTotal)
            cotangents.initialize(repeating: 0, count: blockTotal)
            tangentPrefix.initialize(repeating: 0, count: blockTotal)
            pingPong.0.initialize(repeating: 0, count: pingSize)
            pingPong.1.initialize(repeating: 0, count: pingSize)
            residual.initialize(repeating: 0, count: dimensions.last! * d0)
        }

        deinit {
            prefix.deallocate(); cotangents.deallocate(); tangentPrefix.deallocate()
            pingPong.0.deallocate(); pingPong.1.deallocate(); residual.deallocate()
        }

        @inline(__always) func offset(_ l: Int) -> Int { blockOffsets[l] }

        /// Block ℓ of `base` as a d_ℓ × d_0 matrix.
        func matrix(_ base: UnsafeMutablePointer<Double>, _ l: Int) -> Matrix {
            let n = dimensions[l] * dimensions[0]
            return Matrix(rows: dimensions[l], columns: dimensions[0],
                          storage: Array(UnsafeBufferPointer(start: base + blockOffsets[l], count: n)))
        }
    }

    func makeWorkspace() -> Workspace { Workspace(dimensions: dimensions) }

    /// P_0 = I, P_ℓ = W_ℓ P_{ℓ−1} (d_ℓ × d_0) into `ws.prefix`.
    func forward(_ θ: UnsafePointer<Double>, _ ws: Workspace) {
        let d0 = dimensions[0]
        let p0 = ws.prefix
        for i in 0..<(d0 * d0) { p0[i] = 0 }
        for i in 0..<d0 { p0[i * d0 + i] = 1 }
        // P_1 = W_1 · I = W_1: a copy.
        (ws.prefix + ws.offset(1)).update(from: θ, count: dimensions[1] * d0)
        if depth < 2 { return }
        for l in 2...depth {
            Matrix.gemm(dimensions[l], d0, dimensions[l - 1],
                 θ + layerOffsets[l - 1], transposeA: false,
                 UnsafePointer(ws.prefix + ws.offset(l - 1)), transposeB: false,
                 ws.prefix + ws.offset(l), alpha: 1, accumulate: false)
        }
    }

    /// With C in `cotangent` (d_L × d_0, may alias `ws.residual`): G_L = C,
    /// G_{ℓ−1} = W_ℓᵀ G_ℓ into `ws.cotangents` (ℓ ≥ 1), and if `output` is given, layer ℓ of the
    /// output ← α · G_ℓ P_{ℓ−1}ᵀ. Needs `forward` first.
    func backward(_ θ: UnsafePointer<Double>, cotangent: UnsafePointer<Double>, alpha: Double,
                  _ ws: Workspace, output: UnsafeMutablePointer<Double>?) {
        let d0 = dimensions[0]
        (ws.cotangents + ws.offset(depth)).update(from: cotangent, count: dimensions[depth] * d0)
        for l in stride(from: depth, through: 1, by: -1) {
            let g = UnsafePointer(ws.cotangents + ws.offset(l))
            if let out = output {
                Matrix.gemm(dimensions[l], dimensions[l - 1], d0,
                     g, transposeA: false,
                     UnsafePointer(ws.prefix + ws.offset(l - 1)), transposeB: true,
                     out + layerOffsets[l - 1], alpha: alpha, accumulate: false)
            }
            if l > 1 {
                Matrix.gemm(dimensions[l - 1], d0, dimensions[l],
                     θ + layerOffsets[l - 1], transposeA: true,
                     g, transposeB: false,
                     ws.cotangents + ws.offset(l - 1), alpha: 1, accumulate: false)
            }
        }
    }

    /// dP_0 = 0, dP_ℓ = V_ℓ P_{ℓ−1} + W_ℓ dP_{ℓ−1} into `ws.tangentPrefix`. Needs `forward` first.
    func tangentForward(_ θ: UnsafePointer<Double>, _ v: UnsafePointer<Double>, _ ws: Workspace) {
        let d0 = dimensions[0]
        for i in 0..<(d0 * d0) { ws.tangentPrefix[i] = 0 }
        (ws.tangentPrefix + ws.offset(1)).update(from: v, count: dimensions[1] * d0)   // dP_1 = V_1
        if depth < 2 { return }
        for l in 2...depth {
            let out = ws.tangentPrefix + ws.offset(l)
            Matrix.gemm(dimensions[l], d0, dimensions[l - 1],
                 v + layerOffsets[l - 1], transposeA: false,
                 UnsafePointer(ws.prefix + ws.offset(l - 1)), transposeB: false,
                 out, alpha: 1, accumulate: false)
            Matrix.gemm(dimensions[l], d0, dimensions[l - 1],
                 θ + layerOffsets[l - 1], transposeA: false,
                 UnsafePointer(ws.tangentPrefix + ws.offset(l - 1)), transposeB: false,
                 out, alpha: 1, accumulate: true)
        }
    }

    /// dG_L = dC, dG_{ℓ−1} = V_ℓᵀ G_ℓ + W_ℓᵀ dG_ℓ, and layer ℓ of the output ←
    /// α (dG_ℓ P_{ℓ−1}ᵀ + G_ℓ dP_{ℓ−1}ᵀ). Needs `forward`, `backward` and `tangentForward` first.
    func tangentBackward(_ θ: UnsafePointer<Double>, _ v: UnsafePointer<Double>,
                         cotangentDerivative: UnsafePointer<Double>, alpha: Double,
                         _ ws: Workspace, output: UnsafeMutablePointer<Double>) {
        let d0 = dimensions[0]
        var current = ws.pingPong.0, next = ws.pingPong.1
        current.update(from: cotangentDerivative, count: dimensions[depth] * d0)
        for l in stride(from: depth, through: 1, by: -1) {
            let out = output + layerOffsets[l - 1]
            let g = UnsafePointer(ws.cotangents + ws.offset(l))
            Matrix.gemm(dimensions[l], dimensions[l - 1], d0,
                 UnsafePointer(current), transposeA: false,
                 UnsafePointer(ws.prefix + ws.offset(l - 1)), transposeB: true,
                 out, alpha: alpha, accumulate: false)
            if l > 1 {
                // dP_0 = 0, so the second term vanishes for ℓ = 1.
                Matrix.gemm(dimensions[l], dimensions[l - 1], d0,
                     g, transposeA: false,
                     UnsafePointer(ws.tangentPrefix + ws.offset(l - 1)), transposeB: true,
                     out, alpha: alpha, accumulate: true)
                Matrix.gemm(dimensions[l - 1], d0, dimensions[l],
                     v + layerOffsets[l - 1], transposeA: true,
                     g, transposeB: false,
                     next, alpha: 1, accumulate: false)
                Matrix.gemm(dimensions[l - 1], d0, dimensions[l],
                     θ + layerOffsets[l - 1], transposeA: true,
                     UnsafePointer(current), transposeB: false,
                     next, alpha: 1, accumulate: true)
                swap(&current, &next)
            }
        }
    }
}

