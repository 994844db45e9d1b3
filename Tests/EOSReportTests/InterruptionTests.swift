import Foundation
import Testing
import EOSReport

/// Killing `eos-verify report` at any moment leaves either the previous complete report or
/// the new complete one, never a mix (ReportFolder publishes by an atomic folder exchange).
@Suite("Interrupted report runs")
struct InterruptionTests {
    /// The eos-verify executable SwiftPM built beside the test bundle.
    static var executable: URL? {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("eos-verify")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs `eos-verify report` into `folder`, killing it after `delay` seconds if given.
    /// Returns the exit status and what it printed on stderr.
    @discardableResult
    static func runReport(into folder: URL, killAfter delay: Double?) throws -> (Int32, String) {
        let p = Process()
        guard let executable = Self.executable else {
            Issue.record("eos-verify executable not found beside \(CommandLine.arguments[0])")
            return (-1, "")
        }
        p.executableURL = executable
        p.arguments = ["report", "CB23.Thm2", "--ci-only", "--out", folder.path]
        p.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        p.standardError = errors
        try p.run()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
        }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, stderr)
    }

    static func read(_ folder: URL) -> (String, String) {
        let md = (try? String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)) ?? "missing"
        let json = (try? String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8)) ?? "missing"
        return (md, json)
    }

    @Test("SIGKILL at 12 moments of a report run leaves the old or the new report, whole")
    func killAtAnyMoment() throws {
        guard Self.executable != nil else {
            Issue.record("eos-verify executable not found beside \(CommandLine.arguments[0])")
            return
        }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("eosverify-kill-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        let reference = base.appendingPathComponent("reference")
        let (status, stderr) = try Self.runReport(into: reference, killAfter: nil)
        try #require(status == 0, "the uninterrupted report run failed (exit \(status)): \(stderr)")
        let new = Self.read(reference)
        #expect(new.0.hasPrefix("# EOSVerify report") && new.1.hasSuffix("}\n"))

        let target = base.appendingPathComponent("target")
        let old = ("OLD COMPLETE REPORT", "{\"old\": true}")
        var sawOld = false, sawNew = false
        for delay in [0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5] {
            try? FileManager.default.removeItem(at: target)
            try ReportFolder.publish(["report.md": Data(old.0.utf8), "report.json": Data(old.1.utf8)], to: target)
            try Self.runReport(into: target, killAfter: delay)
            let now = Self.read(target)
            let isOld = now == old, isNew = now == new
            #expect(isOld || isNew, "after a kill at \(delay) s the report is a mix or partial")
            sawOld = sawOld || isOld
            sawNew = sawNew || isNew
        }
        // Informative, not asserted: which states the kills happened to hit depends on timing.
        print("kill test: saw old report \(sawOld), saw new report \(sawNew)")
    }
}
