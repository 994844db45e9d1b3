import Foundation
import EOSClaims

/// What a report was made with, so a reader can reproduce it: the toolchain, the commit of the
/// checkout, which tiers of cases ran, a digest of the fixtures, and the seed policy.
///
/// Every field is a function of the build and the checkout, never of the clock or the machine's
/// load, so two runs of the same build on the same checkout write the same bytes:
/// - the compiler version is fixed at compile time (a `#if compiler(>=…)` chain: the newest
///   version the compiler admits to being at least), with the OS and architecture;
/// - the commit is read from `.git/HEAD` of the package root (following a `ref:` to its file,
///   or to `packed-refs`); "unknown" when there is no repository. Uncommitted edits are not
///   detected, which the report says;
/// - the fixture digest is FNV-1a (64 bit) over the sorted relative paths and bytes of every
///   `.json` and `.md` file under the fixture root: it changes when any case changes.
public struct Provenance: Sendable, Encodable, Equatable {
    public let toolchain: String
    public let commit: String
    public let tiers: [String]
    public let fixturesDigest: String
    public let seedPolicy: String

    public static let seedPolicyText = "All randomness is SeededGenerator (xoshiro256**) with seeds fixed in the claim code or in the fixture's case parameters; nothing reads the clock, and claims run concurrently but each claim's computation is sequential, so results do not depend on the number of threads. Reports contain no timestamps or timings."

    public init(toolchain: String = Provenance.compiler, commit: String, tiers: [String], fixturesDigest: String,
                seedPolicy: String = Provenance.seedPolicyText) {
        self.toolchain = toolchain
        self.commit = commit
        self.tiers = tiers
        self.fixturesDigest = fixturesDigest
        self.seedPolicy = seedPolicy
    }

    /// The provenance of a run of the given tiers on the fixtures of `store`, in the checkout
    /// at `root` (the package root by default).
    public static func current(tiers: Set<ClaimCase.Tier>, store: FixtureStore = .default,
                               root: URL = FixtureStore.packageRoot) -> Provenance {
        Provenance(commit: gitCommit(root: root),
                   tiers: [ClaimCase.Tier.ci, .full].filter(tiers.contains).map(\.rawValue),
                   fixturesDigest: digest(of: store.root))
    }

    /// The compiler version this module was built with, the OS and the architecture.
    public static var compiler: String {
        var v = "Swift compiler "
        #if compiler(>=7.0)
        v += "≥ 7.0"
        #elseif compiler(>=6.3.2)
        v += "≥ 6.3.2"
        #elseif compiler(>=6.3.1)
        v += "6.3.1"
        #elseif compiler(>=6.3)
        v += "6.3.0"
        #elseif compiler(>=6.2.1)
        v += "6.2.1"
        #elseif compiler(>=6.2)
        v += "6.2.0"
        #elseif compiler(>=6.1)
        v += "6.1"
        #elseif compiler(>=6.0)
        v += "6.0"
        #else
        v += "< 6.0"
        #endif
        #if os(Linux)
        v += ", Linux"
        #elseif os(macOS)
        v += ", macOS"
        #else
        v += ", other OS"
        #endif
        #if arch(x86_64)
        v += " x86_64"
        #elseif arch(arm64)
        v += " arm64"
        #else
        v += " other architecture"
        #endif
        return v
    }

    /// The commit checked out at `root`: `.git/HEAD`, following `ref: refs/…` to the ref file
    /// or to `packed-refs`. A `.git` file (a worktree) points to the git folder with `gitdir:`.
    public static func gitCommit(root: URL) -> String {
        var git = root.appendingPathComponent(".git")
        if let text = read(git), text.hasPrefix("gitdir:") {
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            git = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        }
        guard let head = read(git.appendingPathComponent("HEAD"))?.trimmingCharacters(in: .whitespacesAndNewlines)
        else { return "unknown" }
        if !head.hasPrefix("ref:") { return isHash(head) ? head : "unknown" }
        let ref = head.dropFirst(4).trimmingCharacters(in: .whitespaces)
        // A worktree keeps its refs in the common folder named by `commondir`.
        var folders = [git]
        if let common = read(git.appendingPathComponent("commondir"))?.trimmingCharacters(in: .whitespacesAndNewlines) {
            folders.append(common.hasPrefix("/") ? URL(fileURLWithPath: common) : git.appendingPathComponent(common))
        }
        for folder in folders {
            if let hash = read(folder.appendingPathComponent(ref))?.trimmingCharacters(in: .whitespacesAndNewlines),
               isHash(hash) { return hash }
            if let packed = read(folder.appendingPathComponent("packed-refs")) {
                for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                    let hash = String(line.prefix { $0 != " " })
                    if isHash(hash) { return hash }
                }
            }
        }
        return "unknown"
    }

    private static func read(_ url: URL) -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    private static func isHash(_ s: String) -> Bool {
        (s.count == 40 || s.count == 64) && s.allSatisfy(\.isHexDigit)
    }

    /// FNV-1a 64 over the sorted relative paths and contents of the `.json` and `.md` files
    /// under `folder`, as 16 hex digits, with the number of files.
    public static func digest(of folder: URL) -> String {
        let fm = FileManager.default
        let base = folder.standardizedFileURL.path
        var files: [String] = []
        if let walker = fm.enumerator(atPath: base) {
            while let p = walker.nextObject() as? String {
                if p.hasSuffix(".json") || p.hasSuffix(".md") { files.append(p) }
            }
        }
        files.sort()
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        for p in files {
            mix(p.utf8); mix([0])
            if let data = fm.contents(atPath: base + "/" + p) { mix(data) }
            mix([0])
        }
        let hex = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex + " (\(files.count) files)"
    }

    /// The "How this report was made" block of report.md.
    public var markdown: String {
        var s = "## How this report was made\n\n"
        s += "| | |\n|---|---|\n"
        s += "| toolchain | \(toolchain) |\n"
        s += "| commit | `\(commit)` (uncommitted edits of the checkout, if any, are not detected) |\n"
        s += "| cases run | tier \(tiers.joined(separator: " and ")) |\n"
        s += "| fixtures | \(fixturesDigest) |\n"
        s += "| seeds | \(seedPolicy) |\n\n"
        return s
    }
}
