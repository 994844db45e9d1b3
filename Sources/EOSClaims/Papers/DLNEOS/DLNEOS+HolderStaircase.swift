import Foundation
import EOSCore
import EOSModels

/// The η staircase of Fig. 12.
enum HolderStaircase {
    struct Stage {
        var eta = 0.0, meanSharpness = 0.0, maxSharpness = 0.0, basin = (0.0, 0.0), basinSharpness = 0.0
        var catapult = false, pinned = false, pinnedByRounding = false
    }

    static func check(_ c: ClaimCase) throws -> CaseOutcome {
        let etas = try c.vector("etas"), n = try c.integer("stepsPerStage")
        var p = (try c.number("x0"), try c.number("y0"))
        var path: [(Double, Double)] = [p]
        path.reserveCapacity(etas.count * n + 1)
        var basin = try HolderTable.basinMinimum(of: p)
        var basinS = HolderTable.sharpnessClosedForm(basin.0, basin.1)
        var stages = [Stage]()
        var fdWorst = abs(basinS - HolderTable.sharpness(basin.0, basin.1)) / basinS
        var catapults = 0, steeper = 0, fromStable = 0, pinnedUnstable = 0, regulated = 0.0, peak = 0.0
        var landing = [String]()
        for eta in etas {
            let first = path.count, start = p
            p = try HolderTable.descend(from: p, eta: eta, steps: n, path: &path)
            var st = Stage(eta: eta)
            let tail = path[max(first, path.count - 200)...].map { HolderTable.sharpnessClosedForm($0.0, $0.1) }
            st.meanSharpness = tail.reduce(0, +) / Double(tail.count)
            st.maxSharpness = tail.max() ?? .nan
            // Pinned: no iterate of the stage moved 1e-12 (≈ 500 ulps at |x| ≈ 10) from the start.
            st.pinned = !path[first...].contains { abs($0.0 - start.0) + abs($0.1 - start.1) > 1e-12 }
            var excluded = false
            if st.pinned {
                let v = HolderTable.topDirection(start.0, start.1)
                var scratch: [(Double, Double)] = []
                let kicked = (start.0 + 1e-12 * v.0, start.1 + 1e-12 * v.1)
                let end = (try? HolderTable.descend(from: kicked, eta: eta, steps: 300, path: &scratch)) ?? (Double.nan, Double.nan)
                let left = scratch.contains { abs($0.0 - start.0) + abs($0.1 - start.1) > 1e-6 } || !end.0.isFinite
                if left { excluded = true; st.pinnedByRounding = true; pinnedUnstable += 1 }
            }
            if !excluded { regulated = max(regulated, st.meanSharpness * eta / 2); peak = max(peak, st.maxSharpness * eta / 2) }
            let next = try HolderTable.basinMinimum(of: p)
            st.basin = next
            st.basinSharpness = HolderTable.sharpnessClosedForm(next.0, next.1)
            fdWorst = max(fdWorst, abs(st.basinSharpness - HolderTable.sharpness(next.0, next.1)) / st.basinSharpness)
            if !HolderTable.sameMinimum(next, basin) {
                st.catapult = true
                catapults += 1
                if st.basinSharpness >= basinS { steeper += 1 }
                if eta * basinS <= 2 { fromStable += 1 }
                landing.append("η = \(formatNumber(eta)): S = \(formatNumber(st.basinSharpness, significantDigits: 4)), S·η/2 = \(formatNumber(st.basinSharpness * eta / 2, significantDigits: 3))")
            }
            basin = next; basinS = st.basinSharpness
            stages.append(st)
        }
        let ends = stages.indices.map { Double(($0 + 1) * n) }
        let k = max(1, path.count / 1500)
        let idx = Array(stride(from: 0, to: path.count, by: k))
        let fig = "Fig. 12: Holder table, η staircase \(etas.map { formatNumber($0) }.joined(separator: ", "))"
        return CaseOutcome([
            .judge("catapults (basin changes)", Double(catapults), predicted: "≥ 1", holds: catapults >= 1),
            .judge("catapults into a basin at least as sharp", Double(steeper), predicted: "0 (always flatter)", holds: steeper == 0),
            .judge("catapults from a basin with η·λ ≤ 2 (linearly stable)", Double(fromStable), predicted: "0", holds: fromStable == 0),
            .judge("max_k S_k·η_k/2 (S_k mean iterate sharpness, last 200 iterates)", regulated,
                   predicted: "≤ 1.05 (regulated by 2/η, \"about 2/η\")", holds: regulated <= 1.05),
            .context("stages pinned by rounding at an unstable minimum (not judged in the line above)", Double(pinnedUnstable)),
            .context("S_k·η_k/2 per stage", stages.map { formatNumber($0.meanSharpness * $0.eta / 2, significantDigits: 3) + ($0.pinnedByRounding ? " (pinned by rounding)" : "") }.joined(separator: ", ")),
            .context("largest single-iterate sharpness·η/2 in the judged tails", peak),
            .context("landing basins", landing.isEmpty ? "none" : landing.joined(separator: "; ")),
            .compare("max rel. |closed-form − finite-difference sharpness| at the basin minima", measured: fdWorst, predicted: 0,
                     .absolute(1e-8, "central differences, step 1e-5: O(1e-10) truncation, O(1e-11) rounding")),
        ], note: "\(etas.count) stages × \(n) steps", series: [
            DataSeries(name: "sharpness S_k (mean, last 200 iterates)", x: ends, y: stages.map(\.meanSharpness), figure: fig + " (left)",
                       xLabel: "GD step at the end of the stage", yLabel: "sharpness λ_max", yScale: .log, style: .points),
            DataSeries(name: "2/η", x: ends, y: stages.map { 2 / $0.eta }, figure: fig + " (left)",
                       xLabel: "GD step at the end of the stage", yLabel: "sharpness λ_max", yScale: .log),
            DataSeries(name: "sharpness of the basin minimum", x: ends, y: stages.map(\.basinSharpness), figure: fig + " (left)",
                       xLabel: "GD step at the end of the stage", yLabel: "sharpness λ_max", yScale: .log, style: .points),
            DataSeries(name: "GD iterates", x: idx.map { path[$0].0 }, y: idx.map { path[$0].1 }, figure: fig + " (right)",
                       xLabel: "x", yLabel: "y", style: .points),
        ])
    }
}
