import EOSCore

/// The per-index scalar loss of deep matrix factorization on the singular vector stationary
/// set (DLN-EOS Eq. 5, Lemmas 2–4):
///
///     L(σ_1, …, σ_L) = c · (π − σ⋆)²,   π = Π_ℓ σ_ℓ,   c = `scale` (½ in the paper).
///
/// With r = π − σ⋆ and π_{−i} = Π_{ℓ≠i} σ_ℓ, π_{−i,−j} = Π_{ℓ∉{i,j}} σ_ℓ:
///
///     ∂_i L = 2c · r · π_{−i},
///     ∂_i∂_j L = 2c · (π_{−i} π_{−j} + r · π_{−i,−j})  (i ≠ j),   ∂_i² L = 2c · π_{−i}².
///
/// At a global minimum (r = 0) the Hessian is the rank-one 2c · g gᵀ with g_i = π_{−i}
/// (= σ⋆/σ_i when no σ_i is 0), whose top eigenvalue is 2c‖g‖² = 2c Σ_i σ⋆²/σ_i² (Lemma 3).
///
/// **Numerics.** The partial products are formed from prefix and suffix products, never by
/// dividing π by σ_i, so they are exact-as-multiplication even when some σ_i = 0 (the
/// unbalanced initialization has σ_L = 0). θ = (σ_1, …, σ_L) in that order.
/// Value, gradient and HVP are O(L); the dense `hessian` is O(L²).
public struct ScalarProductLoss: DifferentiableLoss, Sendable, Equatable {
    /// L, the number of factors.
    public let depth: Int
    /// σ⋆.
    public let target: Double
    /// c in L = c(π − σ⋆)².
    public let scale: Double

    /// - Precondition: depth ≥ 1, scale > 0.
    public init(depth: Int, target: Double, scale: Double = 0.5) {
        precondition(depth >= 1, "depth must be ≥ 1")
        precondition(scale > 0 && scale.isFinite, "scale must be positive")
        self.depth = depth
        self.target = target
        self.scale = scale
    }

    public var dimension: Int { depth }

    /// π = Π_ℓ σ_ℓ.
    public func product(_ σ: [Double]) -> Double {
        check(σ)
        return σ.reduce(1, *)
    }

    public func value(_ σ: [Double]) -> Double {
        let r = product(σ) - target
        return scale * r * r
    }

    public func gradient(_ σ: [Double]) -> [Double] { valueAndGradient(σ).gradient }

    public func valueAndGradient(_ σ: [Double]) -> (value: Double, gradient: [Double]) {
        let (prefix, suffix) = partialProducts(σ)
        let r = prefix[depth] - target
        let g = (0..<depth).map { i in 2 * scale * r * prefix[i] * suffix[i + 1] }
        return (scale * r * r, g)
    }

    /// The dense Hessian ∇²L(σ) (L × L, exactly symmetric) from the closed form above.
    public func hessian(_ σ: [Double]) -> Matrix {
        let (prefix, suffix) = partialProducts(σ)
        let r = prefix[depth] - target
        let without = (0..<depth).map { prefix[$0] * suffix[$0 + 1] }   // π_{−i}
        var h = Matrix(rows: depth, columns: depth)
        for i in 0..<depth {
            h[i, i] = 2 * scale * without[i] * without[i]
            var middle = 1.0                                              // Π_{i<m<j} σ_m
            for j in (i + 1)..<depth {
                let withoutBoth = prefix[i] * middle * suffix[j + 1]      // π_{−i,−j}
                let hij = 2 * scale * (without[i] * without[j] + r * withoutBoth)
                h[i, j] = hij
                h[j, i] = hij
                middle *= σ[j]
            }
        }
        return h
    }

    /// ∇²L(σ)·v = 2c (dπ · π_{−i} + r · dπ_{−i})_i, with dπ = Σ_j π_{−j} v_j and
    /// dπ_{−i} = Σ_{j≠i} π_{−i,−j} v_j the directional derivatives of the prefix/suffix
    /// products (forward-mode, O(L)).
    public func hessianVectorProduct(_ σ: [Double], _ v: [Double]) -> [Double] {
        precondition(v.count == depth, "v has \(v.count) entries, expected \(depth)")
        let (prefix, suffix) = partialProducts(σ)
        var dPrefix = [Double](repeating: 0, count: depth + 1)
        var dSuffix = [Double](repeating: 0, count: depth + 1)
        for k in 0..<depth { dPrefix[k + 1] = dPrefix[k] * σ[k] + prefix[k] * v[k] }
        for k in stride(from: depth - 1, through: 0, by: -1) {
            dSuffix[k] = dSuffix[k + 1] * σ[k] + suffix[k + 1] * v[k]
        }
        let r = prefix[depth] - target
        let dPi = dPrefix[depth]
        return (0..<depth).map { i in
            let without = prefix[i] * suffix[i + 1]
            let dWithout = dPrefix[i] * suffix[i + 1] + prefix[i] * dSuffix[i + 1]
            return 2 * scale * (dPi * without + r * dWithout)
        }
    }

    /// prefix[k] = Π_{j<k} σ_j and suffix[k] = Π_{j≥k} σ_j, k = 0…L.
    private func partialProducts(_ σ: [Double]) -> (prefix: [Double], suffix: [Double]) {
        check(σ)
        var prefix = [Double](repeating: 1, count: depth + 1)
        var suffix = [Double](repeating: 1, count: depth + 1)
        for k in 0..<depth { prefix[k + 1] = prefix[k] * σ[k] }
        for k in stride(from: depth - 1, through: 0, by: -1) { suffix[k] = suffix[k + 1] * σ[k] }
        return (prefix, suffix)
    }

    private func check(_ σ: [Double]) {
        precondition(σ.count == depth, "σ has \(σ.count) entries, expected \(depth)")
    }
}
