import EOSCore

/// The teacher–student experiment of Appendix B.3.1: teacher y = Σᵢ ReLU(eᵢᵀx) (Eq. 18), student
/// f(x; θ) = Σᵢ vᵢ ReLU(wᵢᵀx) (Eq. 19) with `width` neurons in ℝ^d, x uniform on S^{d−1} (m seeded samples),
/// loss L = (1/m) Σ (f − y)² (Eq. 20). Full-batch GD: one step per epoch.
///
/// Storage is contiguous: x is m×d row-major, w is width×d row-major.
struct CB23TeacherStudent {
    let d: Int
    let width: Int
    let m: Int
    let x: [Double]
    let y: [Double]

    init(dimension d: Int, width: Int, samples m: Int, seed: UInt64) {
        self.d = d; self.width = width; self.m = m
        var rng = SeededGenerator(seed: seed)
        var x = [Double](repeating: 0, count: m * d)
        var y = [Double](repeating: 0, count: m)
        for n in 0..<m {
            let g = rng.gaussianVector(d)
            let norm = g.euclideanNorm
            var label = 0.0
            for j in 0..<d {
                x[n * d + j] = g[j] / norm
                if j < width { label += max(x[n * d + j], 0) }
            }
            y[n] = label
        }
        self.x = x; self.y = y
    }

    /// Pre-activations z (m×width) and the residual r = f − y.
    private func forward(v: [Double], w: [Double]) -> (z: [Double], r: [Double]) {
        var z = [Double](repeating: 0, count: m * width)
        var r = [Double](repeating: 0, count: m)
        x.withUnsafeBufferPointer { xs in
            w.withUnsafeBufferPointer { ws in
                for n in 0..<m {
                    var f = 0.0
                    for i in 0..<width {
                        var s = 0.0
                        for j in 0..<d { s += xs[n * d + j] * ws[i * d + j] }
                        z[n * width + i] = s
                        if s > 0 { f += v[i] * s }
                    }
                    r[n] = f - y[n]
                }
            }
        }
        return (z, r)
    }

    /// Loss and gradient (∂L/∂v, ∂L/∂w) with the ReLU derivative 1[z > 0]. O(m·width·d).
    func lossAndGradient(v: [Double], w: [Double]) -> (loss: Double, gv: [Double], gw: [Double]) {
        let (z, r) = forward(v: v, w: w)
        var gv = [Double](repeating: 0, count: width), gw = [Double](repeating: 0, count: width * d)
        var loss = 0.0
        let scale = 2 / Double(m), width = self.width, d = self.d
        x.withUnsafeBufferPointer { xs in
            z.withUnsafeBufferPointer { zs in
                gw.withUnsafeMutableBufferPointer { g in
                    for n in 0..<m {
                        loss += r[n] * r[n]
                        for i in 0..<width where zs[n * width + i] > 0 {
                            gv[i] += scale * r[n] * zs[n * width + i]
                            let c = scale * r[n] * v[i]
                            for j in 0..<d { g[i * d + j] += c * xs[n * d + j] }
                        }
                    }
                }
            }
        }
        return (loss / Double(m), gv, gw)
    }

    /// The largest eigenvalue of the Gauss–Newton matrix (2/m)JᵀJ (J the m×P Jacobian of f), which is the
    /// Hessian at a zero-loss minimum; by power iteration from a seeded start. O(iterations·m·width·d).
    func gaussNewtonSharpness(v: [Double], w: [Double], iterations: Int = 40) -> Double {
        let (z, _) = forward(v: v, w: w)
        let p = width + width * d, width = self.width, d = self.d
        var rng = SeededGenerator(seed: 5)
        var u = rng.gaussianVector(p)
        var lambda = 0.0
        var out = [Double](repeating: 0, count: p)
        for _ in 0..<iterations {
            let norm = u.euclideanNorm
            for i in 0..<p { u[i] /= norm }
            for i in 0..<p { out[i] = 0 }
            x.withUnsafeBufferPointer { xs in
                z.withUnsafeBufferPointer { zs in
                    u.withUnsafeBufferPointer { us in
                        out.withUnsafeMutableBufferPointer { o in
                            for n in 0..<m {
                                var jv = 0.0
                                for i in 0..<width where zs[n * width + i] > 0 {
                                    var s = 0.0
                                    for j in 0..<d { s += xs[n * d + j] * us[width + i * d + j] }
                                    jv += zs[n * width + i] * us[i] + v[i] * s
                                }
                                let c = 2 / Double(m) * jv
                                for i in 0..<width where zs[n * width + i] > 0 {
                                    o[i] += c * zs[n * width + i]
                                    let cv = c * v[i]
                                    for j in 0..<d { o[width + i * d + j] += cv * xs[n * d + j] }
                                }
                            }
                        }
                    }
                }
            }
            lambda = out.dot(u)
            swap(&u, &out)
        }
        return lambda
    }

    /// The balanced-by-k minimum of Eq. (21): wᵢ = k eᵢ, vᵢ = 1/k (all neurons the same k).
    func minimum(k: Double) -> (v: [Double], w: [Double]) {
        var w = [Double](repeating: 0, count: width * d)
        for i in 0..<width { w[i * d + i] = k }
        return ([Double](repeating: 1 / k, count: width), w)
    }

    /// Eq. (22): wᵢ = kᵢ(eᵢ + 0.01ε), vᵢ = 1/kᵢ, kᵢ = 1 + 0.0625(i − 1).
    func initialisation(seed: UInt64) -> (v: [Double], w: [Double], k: [Double]) {
        var rng = SeededGenerator(seed: seed)
        let ks = (0..<width).map { 1 + 0.0625 * Double($0) }
        var w = [Double](repeating: 0, count: width * d)
        for i in 0..<width {
            for j in 0..<d { w[i * d + j] = ks[i] * ((i == j ? 1 : 0) + 0.01 * rng.nextGaussian()) }
        }
        return (ks.map { 1 / $0 }, w, ks)
    }

    /// ‖wᵢ‖/vᵢ for every neuron.
    func ratios(v: [Double], w: [Double]) -> [Double] {
        (0..<width).map { i in Array(w[(i * d)..<((i + 1) * d)]).euclideanNorm / v[i] }
    }
}
