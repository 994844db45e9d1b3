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
import PackageDescription

/// Numeric kernels are compiled with optimisation even in debug builds: a plain triple loop
/// runs ~20x slower at -Onone, and the claim checks simulate thousands of GD steps.
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"])]

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
        .testTarget(name: "EOSCoreTests", dependencies: ["EOSCore"]),
        .testTarget(name: "EOSModelsTests", dependencies: ["EOSModels"]),
        .testTarget(name: "EOSClaimsTests", dependencies: ["EOSClaims"]),
        .testTarget(name: "EOSReportTests", dependencies: ["EOSReport", "EOSClaims", "EOSCommandLine"]),
    ]
)
