import Foundation
import Testing
import EOSClaims
import EOSReport

/// Two runs give the same bytes: report.md, report.json, graph.md and every SVG.
@Suite("Deterministic report folder")
struct DeterminismTests {
    static func tree(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        let walker = try #require(FileManager.default.enumerator(atPath: base))
        while let p = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + p, isDirectory: &isDir), !isDir.boolValue {
                out[p] = FileManager.default.contents(atPath: base + "/" + p)
            }
        }
        return out
    }

    @Test("the bundle of a claim with figures is byte-identical across runs and is published with its subfolder")
    func bundle() throws {
        let claim = SyntheticClaims.squaring(id: "CB23.F1")
        let provenance = Provenance(commit: "0123456789abcdef0123456789abcdef01234567", tiers: ["ci"],
                                    fixturesDigest: "fnv1a64:0000000000000000 (0 files)")
        let a = try ReportBundle.files([SyntheticClaims.result(claim)], index: nil, provenance: provenance)
        let b = try ReportBundle.files([SyntheticClaims.result(claim)], index: nil, provenance: provenance)
        #expect(a == b)
        // Two figures of the as-printed case (titled, untitled) and two of the control.
        #expect(a.keys.sorted() == ["figures/CB23.F1-1.svg", "figures/CB23.F1-2.svg", "figures/CB23.F1-3.svg",
                                    "figures/CB23.F1-4.svg", "graph.md", "report.json", "report.md"])
        let md = String(decoding: a["report.md"]!, as: UTF8.self)
        #expect(md.contains("![Fig. 99: growth — x = 2](figures/CB23.F1-1.svg)"))
        #expect(md.contains("What the paper says it shows (Theorem 99): x² equals four at x = ±2."))
        #expect(md.contains("| commit | `0123456789abcdef0123456789abcdef01234567`"))
        let json = try JSONSerialization.jsonObject(with: a["report.json"]!) as? [String: Any]
        #expect((json?["provenance"] as? [String: Any])?["seedPolicy"] as? String == Provenance.seedPolicyText)
        let claims = try #require(json?["claims"] as? [[String: Any]])
        #expect((claims.first?["figures"] as? [String])?.count == 4)

        let base = FileManager.default.temporaryDirectory.appendingPathComponent("eosverify-determinism-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        try ReportFolder.publish(a, to: base.appendingPathComponent("one"))
        try ReportFolder.publish(b, to: base.appendingPathComponent("two"))
        let one = try Self.tree(base.appendingPathComponent("one")), two = try Self.tree(base.appendingPathComponent("two"))
        #expect(one == two)
        #expect(one["figures/CB23.F1-1.svg"] == a["figures/CB23.F1-1.svg"])
    }

    @Test("publishing replaces the whole folder: figures of the previous report do not survive")
    func staleFiguresRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eosverify-stale-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ReportFolder.publish(["report.md": Data("old".utf8), "figures/OLD-1.svg": Data("<svg/>".utf8)], to: folder)
        try ReportFolder.publish(["report.md": Data("new".utf8), "figures/NEW-1.svg": Data("<svg/>".utf8)], to: folder)
        let files = try Self.tree(folder)
        #expect(files.keys.sorted() == [".eos-verify-report", "figures/NEW-1.svg", "report.md"])
        #expect(files["report.md"] == Data("new".utf8))
    }

    @Test("report paths outside the folder are refused", arguments: ["/etc/x", "../x", "figures/../../x", "", "a//b", ".eos-verify-report"])
    func unsafePaths(path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eosverify-paths-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ReportFolder.PublishError.self) { try ReportFolder.publish([path: Data()], to: folder) }
    }

    @Test("provenance: the commit is read from .git without a subprocess; the toolchain is fixed at compile time")
    func provenance() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("eosverify-git-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let git = root.appendingPathComponent(".git")
        #expect(Provenance.gitCommit(root: root) == "unknown")
        try FileManager.default.createDirectory(at: git.appendingPathComponent("refs/heads"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: git.appendingPathComponent("HEAD"))
        let hash = String(repeating: "ab", count: 20)
        try Data("# pack-refs\n\(hash) refs/heads/main\n".utf8).write(to: git.appendingPathComponent("packed-refs"))
        #expect(Provenance.gitCommit(root: root) == hash)
        let loose = String(repeating: "cd", count: 20)
        try Data((loose + "\n").utf8).write(to: git.appendingPathComponent("refs/heads/main"))
        #expect(Provenance.gitCommit(root: root) == loose)
        #expect(Provenance.compiler.hasPrefix("Swift compiler "))
        #expect(Provenance.current(tiers: [.ci]) == Provenance.current(tiers: [.ci]))
    }
}
