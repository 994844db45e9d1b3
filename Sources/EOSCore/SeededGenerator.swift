/// xoshiro256** (Blackman & Vigna, 2018): a small, fast, seeded pseudo-random generator.
///
/// The state is 256 bits, filled from the 64-bit seed by SplitMix64 as the authors recommend,
/// so every seed (including 0) gives a valid, well-mixed state. The same seed gives the same
/// sequence on every platform and every run: all randomness in EOSVerify flows from here, and
/// every check records its seed.
///
/// `next()` is the reference algorithm:
/// `result = rotl(s1 · 5, 7) · 9; t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
///  s2 ^= t; s3 = rotl(s3, 45)`.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    /// A Gaussian left over from the last Box–Muller pair.
    private var spareGaussian: Double?

    /// The seed this generator was created with.
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        var sm = seed
        func splitMix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal sample N(0, 1) by the Box–Muller transform
    /// z = √(−2 ln u₁) · cos(2πu₂), with u₁ ∈ (0, 1] so the logarithm is finite.
    public mutating func nextGaussian() -> Double {
        if let z = spareGaussian { spareGaussian = nil; return z }
        let u1 = 1.0 - nextUniform()            // (0, 1]
        let u2 = nextUniform()
        let r = (-2.0 * _log(u1)).squareRoot()
        let theta = 2.0 * Double.pi * u2
        spareGaussian = r * _sin(theta)
        return r * _cos(theta)
    }

    /// n independent N(0, σ²) samples.
    public mutating func gaussianVector(_ n: Int, standardDeviation sigma: Double = 1) -> [Double] {
        (0..<n).map { _ in sigma * nextGaussian() }
    }

    /// An m×n matrix with independent N(0, σ²) entries.
    public mutating func gaussianMatrix(rows: Int, columns: Int,
                                        standardDeviation sigma: Double = 1) -> Matrix {
        Matrix(rows: rows, columns: columns,
               storage: gaussianVector(rows * columns, standardDeviation: sigma))
    }
}
