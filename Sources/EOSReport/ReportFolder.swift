import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Publishes a report (report.md, report.json, figures) as one unit.
///
/// Everything is written into a fresh sibling folder, which then *replaces* the report folder
/// in one atomic step: on Linux the two folders are exchanged with `renameat2(…,
/// RENAME_EXCHANGE)` (looked up at run time, as Swift's Glibc module does not declare it), on
/// Darwin with `renamex_np(…, RENAME_SWAP)`. Killing the process at any moment therefore leaves
/// either the previous complete report or the new complete one, never a mix of the two. A
/// folder that does not exist yet is created by a plain rename (also atomic).
///
/// To avoid ever replacing a folder that is not a report (say `--out .`), a report folder
/// holds a marker file `.eos-verify-report`; an existing folder without it must be empty.
public enum ReportFolder {
    public static let marker = ".eos-verify-report"

    public enum PublishError: Error, CustomStringConvertible {
        case notAReportFolder(String)
        case io(String)
        case badPath(String)
        public var description: String {
            switch self {
            case .notAReportFolder(let p):
                "refusing to replace \(p): it is neither empty nor a report folder written by eos-verify (no \(marker) file)"
            case .io(let what): "could not write the report: \(what)"
            case .badPath(let p): "refusing to write '\(p)' into a report folder: paths must be relative, without '.' or '..' components"
            }
        }
    }

    /// Writes `files` (relative path → bytes) as the complete content of `folder`. Paths may
    /// name subfolders (`figures/CB23.Thm2-1.svg`); they are created in the staging folder, so
    /// they are published in the same atomic step. A path that is absolute, empty, has an
    /// empty, `.` or `..` component, or is the marker, is refused before anything is written.
    public static func publish(_ files: [String: Data], to folder: URL) throws {
        for path in files.keys.sorted() where !isSafeRelativePath(path) {
            throw PublishError.badPath(path)
        }
        let fm = FileManager.default
        let target = folder.standardizedFileURL
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDir)
        if exists {
            let contents = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
            guard isDir.boolValue, contents.isEmpty || contents.contains(marker) else {
                throw PublishError.notAReportFolder(target.path)
            }
        }
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        // Staging folders of runs that were killed before they finished are removed first.
        let stagingPrefix = ".\(target.lastPathComponent).new-"
        for stale in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where stale.hasPrefix(stagingPrefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(stale))
        }
        let staging = parent.appendingPathComponent(stagingPrefix + String(getpid()))
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            try Data().write(to: staging.appendingPathComponent(marker))
            if exists {
                guard exchange(staging.path, target.path) else {
                    throw PublishError.io("exchanging \(staging.path) with \(target.path) failed (errno \(errno))")
                }
                try fm.removeItem(at: staging)   // now holds the previous report
            } else if rename(staging.path, target.path) != 0 {
                throw PublishError.io("renaming \(staging.path) to \(target.path) failed (errno \(errno))")
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Whether `path` stays inside the folder it is written to.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), path != marker, !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// Atomically exchanges two paths.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if canImport(Glibc)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1   // RENAME_EXCHANGE from <linux/fs.h>
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }
}
