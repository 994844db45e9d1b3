/// A dense real matrix stored row-major in one contiguous buffer.
///
/// Element (i, j) lives at `storage[i * columns + j]`. The type is a value type with
/// copy-on-write storage (a Swift `Array`), so a `Matrix` can be passed and captured freely.
/// Products, transposes and norms are in `Matrix+Arithmetic.swift`.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (m).
    public let rows: Int
    /// Number of columns (n).
    public let columns: Int
    /// Row-major elements, `rows * columns` of them.
    public var storage: [Double]

    /// A matrix with the given row-major elements.
    /// - Precondition: `storage.count == rows * columns`.
    public init(rows: Int, columns: Int, storage: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(storage.count == rows * columns,
                     "Matrix storage has \(storage.count) elements, expected \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// The m×n matrix with every element equal to `value` (zero by default).
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns,
                  storage: [Double](repeating: value, count: rows * columns))
    }

    /// A matrix from nested row arrays: `Matrix([[1, 2], [3, 4]])`.
    /// - Precondition: every row has the same length.
    public init(_ rowArrays: [[Double]]) {
        let m = rowArrays.count
        let n = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == n }, "Rows of unequal length")
        self.init(rows: m, columns: n, storage: rowArrays.flatMap { $0 })
    }

    /// The n×n identity Iₙ.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.storage[i * n + i] = 1 }
        return m
    }

    /// The square diagonal matrix diag(d₁, …, dₙ).
    public static func diagonal(_ d: [Double]) -> Matrix {
        diagonal(d, rows: d.count, columns: d.count)
    }

    /// The m×n matrix with `d` on its main diagonal (extra entries of `d` are an error).
    public static func diagonal(_ d: [Double], rows: Int, columns: Int) -> Matrix {
        precondition(d.count <= min(rows, columns), "Diagonal longer than the matrix allows")
        var m = Matrix(rows: rows, columns: columns)
        for i in 0..<d.count { m.storage[i * columns + i] = d[i] }
        return m
    }

    /// Element (i, j), zero-based.
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i * columns + j] }
        set { storage[i * columns + j] = newValue }
    }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// The main diagonal (min(m, n) entries).
    public var diagonalEntries: [Double] {
        (0..<min(rows, columns)).map { self[$0, $0] }
    }

    /// Row i as an array.
    public func row(_ i: Int) -> [Double] {
        Array(storage[(i * columns)..<((i + 1) * columns)])
    }

    /// Column j as an array.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { storage[$0 * columns + j] }
    }

    /// Replace column j with `v`.
    public mutating func setColumn(_ j: Int, _ v: [Double]) {
        precondition(v.count == rows, "Column length mismatch")
        for i in 0..<rows { storage[i * columns + j] = v[i] }
    }

    /// Whether every element is finite (no NaN or ±∞).
    public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        (0..<rows).map { i in
            row(i).map { "\($0)" }.joined(separator: " ")
        }.joined(separator: "\n")
    }
}
