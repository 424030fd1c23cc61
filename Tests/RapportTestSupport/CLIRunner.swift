import Foundation

/// Runs the built `rapport` executable as a separate process, the way users and scripts do.
public struct CLIRunner: Sendable {
    /// What one run printed and how it ended.
    public struct Result: Sendable {
        public var code: Int32
        public var stdout: String
        public var stderr: String
    }

    public let executable: URL
    public let workingDirectory: URL
    /// Extra environment; `DATABASE_URL` is removed unless set here, so `--db` paths are honoured.
    public var environment: [String: String] = [:]

    public init(workingDirectory: URL) {
        // The test runner lives in the same build folder as the products it was built with.
        let buildFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidate = buildFolder.appendingPathComponent("rapport")
        if !FileManager.default.fileExists(atPath: candidate.path) {
            candidate = buildFolder.deletingLastPathComponent().appendingPathComponent("rapport")
        }
        executable = candidate
        self.workingDirectory = workingDirectory
    }

    func processEnvironment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = nil
        env["RAPPORT_DB"] = nil
        for (key, value) in environment { env[key] = value }
        return env
    }

    /// Runs `rapport ARGS…` to completion, with `input` (if any) on standard input.
    public func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        process.environment = processEnvironment()
        let outURL = workingDirectory.appendingPathComponent(".out-\(UUID().uuidString)")
        let errURL = workingDirectory.appendingPathComponent(".err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let inURL = workingDirectory.appendingPathComponent(".in-\(UUID().uuidString)")
        if let input {
            _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(input.utf8))
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        defer { try? FileManager.default.removeItem(at: inURL) }
        try process.run()
        process.waitUntilExit()
        return Result(
            code: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Starts `rapport ARGS…`, reads its standard error until a line contains `marker`, then
    /// kills it with SIGKILL. Standard input stays open, so a process waiting on it stays put.
    public func runAndKill(_ arguments: [String], whenStderrContains marker: String) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        process.environment = processEnvironment()
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while !seen.contains(marker) {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        return seen
    }
}

/// A fixture import through the CLI that did not succeed.
public struct CLIFailure: Error, CustomStringConvertible {
    public var description: String
}

extension Fixtures {
    /// The fixture text of each importable kind, by the name the CLI takes.
    public static let byKind: [String: String] = [
        "accounts": accounts, "locations": locations, "invoices": invoices, "payments": payments, "jobs": jobs,
        "followups": followups, "credit_memos": creditMemos, "contacts": contacts,
        "deposits": deposits,
    ]

    /// Writes the fixture files of `kinds`, imports them in order with the CLI into `db` (the
    /// `--db` arguments) and returns the runner; throws when an import fails.
    public func importedRunner(_ kinds: [String], db: [String]) throws -> CLIRunner {
        let cli = CLIRunner(workingDirectory: folder)
        for kind in kinds {
            try write("\(kind).csv", Fixtures.byKind[kind]!)
            let result = try cli.run(["import", kind, "\(kind).csv"] + db)
            guard result.code == 0 else { throw CLIFailure(description: "import \(kind): \(result.stderr)") }
        }
        return cli
    }
}
