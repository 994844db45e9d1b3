import Foundation
import EOSCore
import EOSModels

/// GD on the standard Holder table f(x, y) = −|sin x cos y exp(|1 − √(x² + y²)/π|)| (the form of
/// `DLN-EOS.Eq-Holder`'s corrected variant; global minima −19.2085 at (±8.05502, ±9.66459)).
///
/// Off the curves sin x cos y = 0 and r = π the function is smooth: with g = sin x cos y e^h,
/// h = |1 − r/π|, s = sign g, u = 1 − r/π,
///   ∂f/∂x = −s e^h (cos x cos y + sin x cos y · h_x),  ∂f/∂y = −s e^h (−sin x sin y + sin x cos y · h_y),
///   h_x = −sign(u) x/(πr),  h_y = −sign(u) y/(πr).
/// Every local minimum lies off those curves, so the sharpness there is the top eigenvalue of the
/// 2×2 Hessian, taken by central differences of the closed-form gradient (step 1e-5: truncation
/// O(1e-10)·f''', rounding O(1e-11); the sharpnesses compared are O(1)–O(20)).
enum HolderTable {
    static func value(_ x: Double, _ y: Double) -> Double {
        -abs(sin(x) * cos(y) * exp(abs(1 - (x * x + y * y).squareRoot() / Double.pi)))
    }

    static func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
        let r = max((x * x + y * y).squareRoot(), 1e-300), u = 1 - r / Double.pi
        let e = exp(abs(u)), su: Double = u >= 0 ? 1 : -1
        let hx = -su * x / (Double.pi * r), hy = -su * y / (Double.pi * r)
        let g = sin(x) * cos(y) * e, s: Double = g >= 0 ? 1 : -1
        let gx = e * (cos(x) * cos(y) + sin(x) * cos(y) * hx)
        let gy = e * (-sin(x) * sin(y) + sin(x) * cos(y) * hy)
        return (-s * gx, -s * gy)
    }

    /// λ_max of the (symmetrised) 2×2 Hessian at (x, y).
    static func sharpness(_ x: Double, _ y: Double) -> Double {
        let h = 1e-5
        let (ax, ay) = gradient(x + h, y), (bx, by) = gradient(x - h, y)
        let (cx, cy) = gradient(x, y + h), (dx, dy) = gradient(x, y - h)
        let hxx = (ax - bx) / (2 * h), hyx = (ay - by) / (2 * h)
        let hxy = (cx - dx) / (2 * h), hyy = (cy - dy) / (2 * h)
        let off = (hyx + hxy) / 2, mean = (hxx + hyy) / 2
        return mean + (((hxx - hyy) / 2) * ((hxx - hyy) / 2) + off * off).squareRoot()
    }

    /// `steps` GD steps from p with learning rate η; every iterate is appended to `path`.
    /// - Throws: `ClaimError.diverged` when an iterate leaves |x|, |y| ≤ 1e6.
    static func descend(from p: (Double, Double), eta: Double, steps: Int,
                        path: inout [(Double, Double)]) throws -> (Double, Double) {
        var (x, y) = p
        for t in 0..<steps {
            let (gx, gy) = gradient(x, y)
            x -= eta * gx; y -= eta * gy
            guard x.isFinite, y.isFinite, abs(x) < 1e6, abs(y) < 1e6 else {
                throw ClaimError.diverged(step: path.count + t, what: "GD on the Holder table")
            }
            path.append((x, y))
        }
        return (x, y)
    }

    /// The local minimum whose basin (under small-step GD, η = 0.01 ≪ 2/λ for every minimum in
    /// [−12, 12]², 20 000 steps: contraction ≥ 1 − 0.01·λ_min per step) contains p.
    static func basinMinimum(of p: (Double, Double)) throws -> (Double, Double) {
        var scratch: [(Double, Double)] = []
        scratch.reserveCapacity(20_000)
        return try descend(from: p, eta: 0.01, steps: 20_000, path: &scratch)
    }

    /// Whether two minima are the same point (minima of the table are ≥ ~2 apart).
    static func sameMinimum(_ a: (Double, Double), _ b: (Double, Double)) -> Bool {
        abs(a.0 - b.0) + abs(a.1 - b.1) < 1e-3
    }
}

extension HolderTable {
    /// λ_max of the closed-form Hessian at (x, y), off the curves sin x cos y = 0 and r = π.
    /// With A = sin x cos y, h = σ_u(1 − r/π) (σ_u = sign(1 − r/π)), G = A e^h and f = −sign(G)·G:
    ///   G_ij = e^h (A_ij + A_i h_j + A_j h_i + A h_i h_j + A h_ij),
    ///   A_x = cos x cos y, A_y = −sin x sin y, A_xx = A_yy = −A, A_xy = −cos x sin y,
    ///   h_x = −σ_u x/(πr), h_y = −σ_u y/(πr), h_xx = −σ_u y²/(πr³), h_yy = −σ_u x²/(πr³), h_xy = σ_u xy/(πr³).
    static func sharpnessClosedForm(_ x: Double, _ y: Double) -> Double {
        let r = (x * x + y * y).squareRoot(), u = 1 - r / Double.pi
        let su: Double = u >= 0 ? 1 : -1, e = exp(abs(u))
        let A = sin(x) * cos(y), Ax = cos(x) * cos(y), Ay = -sin(x) * sin(y), Axy = -cos(x) * sin(y)
        let pr3 = Double.pi * r * r * r
        let hx = -su * x / (Double.pi * r), hy = -su * y / (Double.pi * r)
        let hxx = -su * y * y / pr3, hyy = -su * x * x / pr3, hxy = su * x * y / pr3
        let s: Double = A >= 0 ? 1 : -1
        let fxx = -s * e * (-A + 2 * Ax * hx + A * hx * hx + A * hxx)
        let fyy = -s * e * (-A + 2 * Ay * hy + A * hy * hy + A * hyy)
        let fxy = -s * e * (Axy + Ax * hy + Ay * hx + A * hx * hy + A * hxy)
        let mean = (fxx + fyy) / 2, d = (fxx - fyy) / 2
        return mean + (d * d + fxy * fxy).squareRoot()
    }

    /// The top eigenvector of the closed-form Hessian at (x, y) (by finite differences of the
    /// closed-form gradient; only its direction is used, for a 1e-12 kick).
    static func topDirection(_ x: Double, _ y: Double) -> (Double, Double) {
        let h = 1e-5
        let (ax, ay) = gradient(x + h, y), (bx, by) = gradient(x - h, y)
        let (_, cy) = gradient(x, y + h), (_, dy) = gradient(x, y - h)
        let hxx = (ax - bx) / (2 * h), hyy = (cy - dy) / (2 * h), hxy = (ay - by) / (2 * h)
        let lam = (hxx + hyy) / 2 + (((hxx - hyy) / 2) * ((hxx - hyy) / 2) + hxy * hxy).squareRoot()
        var v = abs(hxy) > 1e-12 ? (lam - hyy, hxy) : (hxx >= hyy ? (1.0, 0.0) : (0.0, 1.0))
        let n = (v.0 * v.0 + v.1 * v.1).squareRoot()
        v = (v.0 / n, v.1 / n)
        return v
    }
}
