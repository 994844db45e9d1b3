// swift-tools-version: 6.0
//
// EOSVerify: executable, claim-by-claim checks of the theory of gradient descent beyond the
// edge of stability. No package dependencies: the Swift toolchain, Foundation and Swift Testing.
//
// The modules are the rooms of the house:
//   EOSCore    numeric core (matrices, SVD, eigensolvers, Lanczos, Taylor AD, intervals,
//              roots, seeded random numbers, trajectory analysis). Depends on nothing.
//   EOSModels  losses with exact gradients and Hessian–vector products, and GD on them.
//   EOSClaims  the claim registry: every statement of the seed papers as a value with a check.
//   EOSReport  report.md / report.json / CHECKLIST.md writers, figures, dependency graph.
//   EOSCommandLine  the command-line front end (a library, so tests can drive it).
//   eos-verify the executable: one line that calls EOSCommandLine.
//   eos-bench  speed benchmarks (Benchmarks/; `swift run -c release eos-bench`, see README).
import PackageDescription

/// Code generation for the build machine's CPU on x86-64 (AVX2/AVX-512 and hardware FMA where
/// present): the matrix product's micro-kernel uses SIMD8<Double> fused multiply–adds, which
/// the x86-64 baseline (SSE2, no FMA) turns into library calls. Results do not change: Swift
/// never contracts a·b + c into an FMA by itself, and an explicit fma is correctly rounded
/// either way. The binaries then need a CPU like the one that built them (SwiftPM builds from
/// source on each machine). Other architectures (arm64 has FMA) need no flag.
#if arch(x86_64)
let nativeCodeGeneration = ["-Xcc", "-march=native"]
#else
let nativeCodeGeneration: [String] = []
#endif

/// Numeric kernels are compiled with optimisation even in debug builds: a plain triple loop
/// runs ~20x slower at -Onone, and the claim checks simulate thousands of GD steps.
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"] + nativeCodeGeneration)]

let package = Package(
    name: "EOSVerify",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eos-verify", targets: ["eos-verify"]),
        .library(name: "EOSCore", targets: ["EOSCore"]),
        .library(name: "EOSModels", targets: ["EOSModels"]),
        .library(name: "EOSClaims", targets: ["EOSClaims"]),
        .library(name: "EOSReport", targets: ["EOSReport"]),
    ],
    targets: [
        .target(name: "EOSCore", swiftSettings: optimised),
        .target(name: "EOSModels", dependencies: ["EOSCore"], swiftSettings: optimised),
        .target(name: "EOSClaims", dependencies: ["EOSCore", "EOSModels"], swiftSettings: optimised),
        .target(name: "EOSReport", dependencies: ["EOSClaims"]),
        .target(name: "EOSCommandLine", dependencies: ["EOSClaims", "EOSReport"]),
        .executableTarget(name: "eos-verify", dependencies: ["EOSCommandLine"]),
        .executableTarget(name: "eos-bench", dependencies: ["EOSCore", "EOSModels"], path: "Benchmarks",
                          exclude: ["numpy_baseline.py", "run.sh"], swiftSettings: optimised),
        .testTarget(name: "EOSCoreTests", dependencies: ["EOSCore"]),
        .testTarget(name: "EOSModelsTests", dependencies: ["EOSModels"]),
        .testTarget(name: "EOSClaimsTests", dependencies: ["EOSClaims"]),
        .testTarget(name: "EOSReportTests", dependencies: ["EOSReport", "EOSClaims", "EOSCommandLine"]),
    ]
)
