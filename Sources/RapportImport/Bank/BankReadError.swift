import RapportCore

/// A bank file that cannot be read at all: the file, where in it (line, or line and XML path) and why.
public struct BankReadError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The XML path of the element at fault, for camt files.
    public var path: String?
    public var reason: String

    public init(file: String, line: Int?, path: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.path = path
        self.reason = reason
    }

    /// "statement.xml:42: Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt: "12,5" is not an amount".
    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + ": " + (path.map { "\($0): " } ?? "") + reason
    }
}

/// A format reader's failure before the file name is known; `BankFileReader` adds it.
struct BankSyntaxError: Error {
    var line: Int?
    var path: String?
    var reason: String
}
