import Foundation

/// The entries of `shared/claims/INDEX.md`: every formal statement, prose claim and figure of
/// the seed papers with its stable ID. The checklist is generated from this list and the
/// registry, and a test fails when an indexed ID has no claim.
///
/// An entry is a bold ID at the start of a line (`**CB23.Thm2** — …`) or of a list item
/// (`- **DLN-EOS.Fig1** (l.38–46) …`). Some entries name several IDs; they are expanded:
/// `DLN-EOS.Eq3 / DLN-EOS.Eq4` and `CB23.Fig9, CB23.Fig10` are lists, `CB23.Cor2–Cor8` and
/// `BOMIS.Fig15–BOMIS.Fig18` are ranges.
public struct StatementIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        /// The entry's heading as printed in the index, e.g. `CB23.Cor2–Cor8`.
        public let heading: String
        /// The IDs it stands for, e.g. `CB23.Cor2`, …, `CB23.Cor8`.
        public let ids: [String]
        /// The rest of the entry's first line (kind, title, lines).
        public let summary: String
    }

    public let entries: [Entry]

    /// Every ID, in index order.
    public var ids: [String] { entries.flatMap(\.ids) }

    public init(markdown: String) {
        var entries: [Entry] = []
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw)
            if line.hasPrefix("- ") { line = line.dropFirst(2) }
            guard line.hasPrefix("**") else { continue }
            let rest = line.dropFirst(2)
            guard let end = rest.range(of: "**") else { continue }
            let heading = String(rest[..<end.lowerBound])
            guard heading.range(of: #"^(DLN-EOS|BOMIS|CB23|MPDLN)\."#, options: .regularExpression) != nil
            else { continue }
            let summary = rest[end.upperBound...].trimmingCharacters(in: .whitespaces)
            entries.append(Entry(heading: heading, ids: Self.expand(heading), summary: summary))
        }
        self.entries = entries
    }

    /// Expands an entry heading into the IDs it names.
    static func expand(_ heading: String) -> [String] {
        let parts = heading.components(separatedBy: CharacterSet(charactersIn: "/,"))
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var ids: [String] = []
        for part in parts {
            if let dash = part.firstIndex(of: "–") {
                let first = String(part[..<dash]), last = String(part[part.index(after: dash)...])
                ids.append(contentsOf: expandRange(first, last) ?? [part])
            } else {
                ids.append(part)
            }
        }
        return ids
    }

    /// `CB23.Cor2` … `Cor8` or `BOMIS.Fig15` … `BOMIS.Fig18` → each ID in between.
    /// Returns nil when the two ends are not a name followed by numbers.
    private static func expandRange(_ first: String, _ last: String) -> [String]? {
        guard let split = first.range(of: #"[0-9]+$"#, options: .regularExpression),
              let a = Int(first[split]) else { return nil }
        let stem = String(first[..<split.lowerBound])          // "CB23.Cor"
        guard let lastNum = last.range(of: #"[0-9]+$"#, options: .regularExpression),
              let b = Int(last[lastNum]), b >= a, b - a < 100 else { return nil }
        let lastStem = String(last[..<lastNum.lowerBound])      // "Cor" or "BOMIS.Fig"
        guard stem.hasSuffix(lastStem) else { return nil }
        return (a...b).map { stem + String($0) }
    }

    /// The index the package ships (`Fixtures/INDEX.md`, a copy of `shared/claims/INDEX.md`).
    public static func load(from store: FixtureStore = .default) throws -> StatementIndex {
        let url = store.root.appendingPathComponent("INDEX.md")
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw ClaimError.malformedFixture(path: url.path, reason: "the statement index cannot be read")
        }
        return StatementIndex(markdown: text)
    }
}
