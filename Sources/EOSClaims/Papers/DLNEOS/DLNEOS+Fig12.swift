import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// Figure 12 (l.969–972; setup l.944–964): GD on the Holder table with η raised stepwise.
    static let figure12 = Claim(
        id: "DLN-EOS.Fig12",
        title: "Holder table, η raised stepwise: sharpness regulated by 2/η; the iterates catapult to flatter basins",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 12 (with App. B.1 setup)", lines: 944...972),
        statement: """
        By observation, we initialize near a sharp minima and run GD with an increasing learning rate step size as shown \
        in the lefthand side of Figure 12. When the learning rate is fixed, we observe that oscillations take place inside \
        the local valley, but when learning rate is increased, it jumps out of the local valley to find a flatter basin. \
        Similar to the observations by Cohen et al. (2021), the sharpness of the GD iterates are "regulated" by the \
        threshold 2/η, as it seems to closely follow this value as shown in Figure 12. […] Figure 12: […] Left: plot of \
        the learning rate steps and sharpness, showing that sharpness follows the EOS limit 2/η. Right: Plot showing that \
        the iterates catapult out of a local basin when the learning rate is increased and jumps out to a surface where \
        the sharpness is about 2/η.
        """,
        uses: ["DLN-EOS.Eq-Holder"],
        parameters: [
            ParameterSpec("etas", .vector(minCount: 2, distinct: false, descending: false), .open(0, 2),
                          meaning: "the learning-rate staircase (values not printed in the paper)"),
            ParameterSpec("stepsPerStage", .integer, .closed(300, 100_000), meaning: "GD steps at each η"),
            ParameterSpec("x0", .real, .closed(-12, 12), meaning: "initial x (near the sharp global minimum (8.055, 9.665))"),
            ParameterSpec("y0", .real, .closed(-12, 12), meaning: "initial y"),
        ],
        method: """
        GD on the standard Holder table (the extracted formula lost the inner |·|, see DLN-EOS.Eq-Holder) through the η \
        staircase, the last iterate of a stage starting the next. Sharpness is λ_max of the closed-form 2×2 Hessian (valid \
        off sin x cos y = 0 and r = π, where every iterate and minimum examined lies; cross-checked against the \
        finite-difference `HolderTable.sharpness` at the basin minima). Per stage k: S_k = mean sharpness of the last \
        200 iterates (what Fig. 12 plots; an even count, so both points of a period-2 orbit weigh equally — its median \
        would be one of the two points), and the basin B_k of the last iterate (small-step GD, `HolderTable.basinMinimum`). \
        Judged: (i) ≥ 1 catapult (B_k ≠ B_{k−1}); (ii) every catapult lands in a flatter basin; (iii) a catapult \
        happens only when 2/η_k is below the sharpness of the basin being left (η_k·λ(B_{k−1}) > 2: no catapult from \
        a linearly stable minimum); (iv) regulation: max_k S_k·η_k/2 ≤ 1.05 ("about 2/η": orbits born at ηS = 2 put \
        the mean iterate sharpness slightly above 2/η; measured 1.03–1.04 on the oscillating stages, whose two orbit points \
        sit at ≈ 0.8 and ≈ 1.28 (η = 0.45) resp. 0.64 and 1.42 (η = 0.25, full staircase) × 2/η — reported, not judged). Stages \
        "pinned by rounding" are counted, not judged in (iv): no iterate moved 1e-12 from the stage's start (a few \
        hundred ulps) although the start is a linearly unstable minimum — shown by the same stage run from the start \
        + 1e-12 along the top eigenvector, which must leave (distance > 1e-6) within 300 steps; a pinned stage that does \
        not leave is judged. Why they exist: at η = 0.12 the previous stage left GD at the sharp minimum (S = 20.26, \
        S·η/2 = 1.22) to the last bit; the step η∇f there is ≈ 1 ulp and the multiplier |1 − ηS| = 1.43 < 1.5 maps a \
        1-ulp offset back to 1 ulp, a 2-cycle on the float64 lattice; the same start in 60-digit arithmetic (mpmath, \
        offline) leaves the minimum within ≈ 100 steps. The sharpness is not mis-measured (closed form = finite \
        differences to 1e-8). Measured on the as-printed staircase: catapults at η = 0.2 (to S = 10.04, S·η/2 = 1.004), \
        0.3 (S = 4.99, 0.75), 0.7 (S = 2.49, 0.87); η = 0.45 oscillates inside the S = 4.99 valley with mean S·η/2 = \
        1.04. The dynamics are chaotic: a 1e-9 kick at each stage start changes the course (divergence at η = 0.2), so \
        the cases pin the float64 trajectory. η values and stage lengths are not printed. Negative control: η held at \
        0.05 (< 2/20.26), and η raised only up to 0.09 (< 2/20.26 = 0.0987): no catapult.
        """,
        expected: .confirmed
    ) { c in try HolderStaircase.check(c) }
}
