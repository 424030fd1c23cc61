import Foundation

/// An import file read row by row: the header is checked up front, and rows are handed out one at
/// a time so that the file's text is never held as a million separate records.
struct RowSource {
    let file: String
    let header: CSVHeader
    private var parser: CSVParser
    private let log: @Sendable (String) -> Void
    private let progressInterval: Int

    init(_ kind: ImportKind, path: String, log: @escaping @Sendable (String) -> Void, progressInterval: Int) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw ImportError.unreadable(file: path, reason: reason)
        }
        try self.init(kind, bytes: [UInt8](data), file: path, log: log, progressInterval: progressInterval)
    }

    /// The text of a file named `file` (an upload, a request body), already in memory.
    init(_ kind: ImportKind, bytes: [UInt8], file: String, log: @escaping @Sendable (String) -> Void, progressInterval: Int) throws {
        var parser = CSVParser(bytes: bytes)
        let first: CSVRecord?
        do { first = try parser.next() } catch { throw ImportError.malformed(file: file, error) }
        guard let first else {
            throw ImportError.badHeader(RowError(file: file, line: 1, field: "header", reason: "the file is empty"))
        }
        do { header = try CSVHeader(first, file: file, required: kind.requiredColumns) } catch {
            throw ImportError.badHeader(error)
        }
        self.file = file
        self.parser = parser
        self.log = log
        self.progressInterval = progressInterval
    }

    /// Calls `body` with each data row in order; returns how many there were.
    mutating func forEachRow(_ body: (RowReader) throws -> Void) throws -> Int {
        var count = 0
        while true {
            let record: CSVRecord?
            do { record = try parser.next() } catch { throw ImportError.malformed(file: file, error) }
            guard let record else { return count }
            try body(RowReader(file: file, header: header, record: record))
            count += 1
            if count % progressInterval == 0 { log("\(file): read \(count) rows") }
        }
    }
}
