#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

/// The two-layer single-neuron ReLU model of Section 5 under the population loss on the sphere:
/// f(x; v, w) = v·σ(wᵀx), labels σ(w̃ᵀx), x uniform on S^{d−1},
///
///     L(v, w) = E (vσ(wᵀx) − σ(w̃ᵀx))² = v²‖w‖²/(2d) − v‖w‖‖w̃‖ h(α)/(πd) + ‖w̃‖²/(2d),
///     h(α) = sin α + (π − α) cos α,  α = ∠(w, w̃),
///
/// from E σ(aᵀx)σ(bᵀx) = ‖a‖‖b‖ h(∠(a, b))/(2πd) on the sphere (the Gaussian arc-cosine kernel
/// ‖a‖‖b‖h/(2π) divided by E‖g‖² = d, since x = g/‖g‖ with ‖g‖ independent of x).
enum CB23SingleNeuron {
    /// ∠(a, b) = atan2(‖a − proj_b a‖, a·b̂): accurate near 0 and π, where acos of the cosine would
    /// lose half the digits (acos(1 − δ) ≈ √(2δ)), which matters for finite differences at w ∥ w̃.
    static func angle(_ a: [Double], _ b: [Double]) -> Double {
        let nb = b.euclideanNorm
        guard a.euclideanNorm > 0, nb > 0 else { return 0 }
        let along = a.dot(b) / nb
        let perp = zip(a, b).map { $0 - along / nb * $1 }.euclideanNorm
        return atan2(perp, along)
    }

    static func h(_ alpha: Double) -> Double { sin(alpha) + (Double.pi - alpha) * cos(alpha) }

    /// E σ(aᵀx)σ(bᵀx) for x uniform on S^{d−1}.
    static func kernel(_ a: [Double], _ b: [Double]) -> Double {
        a.euclideanNorm * b.euclideanNorm * h(angle(a, b)) / (2 * Double.pi * Double(a.count))
    }

    /// The population loss in closed form.
    static func loss(v: Double, w: [Double], teacher: [Double]) -> Double {
        v * v * kernel(w, w) - 2 * v * kernel(w, teacher) + kernel(teacher, teacher)
    }

    /// The gradient as printed in Section 5 (l.166): (1/d)[v‖w‖² − (‖w‖/π) h(α)‖w̃‖,
    /// v²w − (v/π)(π − α + ½ sin 2α) w̃ − (v/π)(½ − ½ cos 2α)‖w̃‖ w̃⊥], w̃⊥ the normalised w − proj_w̃ w.
    static func printedGradient(v: Double, w: [Double], teacher: [Double]) -> [Double] {
        let d = Double(w.count), a = angle(w, teacher), nw = w.euclideanNorm, nt = teacher.euclideanNorm
        let proj = w.dot(teacher) / (nt * nt)
        var perp = zip(w, teacher).map { $0 - proj * $1 }
        let np = perp.euclideanNorm
        perp = np > 0 ? perp.map { $0 / np } : perp.map { _ in 0 }
        var g = [(v * nw * nw - nw / Double.pi * h(a) * nt) / d]
        let cx = Double.pi - a + 0.5 * sin(2 * a), cy = 0.5 - 0.5 * cos(2 * a)
        for i in w.indices {
            g.append((v * v * w[i] - v / Double.pi * cx * teacher[i] - v / Double.pi * cy * nt * perp[i]) / d)
        }
        return g
    }

    /// One GD step on (v, w) with η = K·d, using the printed gradient.
    static func step(_ theta: [Double], k: Double, teacher: [Double]) -> [Double] {
        let g = printedGradient(v: theta[0], w: Array(theta.dropFirst()), teacher: teacher)
        let eta = k * Double(teacher.count)
        return zip(theta, g).map { $0 - eta * $1 }
    }

    /// The reduced dynamics in (v, w_x, w_y) with w̃ = [1, 0] (dimension-free: the 1/d of the gradient
    /// cancels η = Kd). w_y is kept as signed; the loss depends on |w_y| only.
    static func reducedStep(_ s: [Double], k: Double) -> [Double] {
        let (v, wx, wy) = (s[0], s[1], s[2])
        let n = (wx * wx + wy * wy).squareRoot()
        let a = n > 0 ? abs(atan2(wy, wx)) : 0
        let gv = v * n * n - n / Double.pi * h(a)
        let cx = Double.pi - a + 0.5 * sin(2 * a), cy = 0.5 - 0.5 * cos(2 * a)
        let gx = v * v * wx - v / Double.pi * cx
        let gy = v * v * wy - v / Double.pi * cy * (wy >= 0 ? 1 : -1)
        return [v - k * gv, wx - k * gx, wy - k * gy]
    }
}
