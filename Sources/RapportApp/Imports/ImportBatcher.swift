import RapportCore
import RapportImport

/// Writes the single records that arrive at once (the API's `POST /invoices`, `/payments`, …)
/// together: one import and one transaction for every request of the same kind and user that
/// came while the previous batch was written (group commit). Each request keeps the answer it
/// would get alone — all or nothing, its own row errors on its own lines, created or unchanged —
/// since a row error rejects only its own record and two requests for the same id never share a
/// batch. One per server process; the CLI writes directly.
public actor ImportBatcher {
    private struct Key: Hashable {
        var kind: ImportKind
        var actor: String
    }

    private struct Pending {
        var id: String
        var rows: [[String]]
        var continuation: CheckedContinuation<Bool, any Error>
    }

    private let maxBatch: Int
    private var queues: [Key: [Pending]] = [:]
    private var environments: [Key: AppEnvironment] = [:]
    /// Batches written, and the requests they held (for tests and logs).
    public private(set) var batches = 0, requests = 0

    public init(maxBatch: Int = 200) { self.maxBatch = max(1, maxBatch) }

    /// Imports `rows` (one record of `kind`: its file rows, cells in `kind.columns` order, the
    /// first cell its id) as `env`'s user; true when it was new. Throws `ImportError.refused`
    /// with the record's own errors, lines counted from 2 as in a file of its rows alone.
    public func write(_ kind: ImportKind, rows: [[String]], env: AppEnvironment) async throws -> Bool {
        let key = Key(kind: kind, actor: env.actor)
        let id = rows.first?.first ?? ""
        return try await withCheckedThrowingContinuation { continuation in
            queues[key, default: []].append(Pending(id: id, rows: rows, continuation: continuation))
            if environments[key] == nil {
                environments[key] = env
                Task { await drain(key) }
            }
        }
    }

    /// Writes the queue of `key` a batch at a time until it is empty; requests that come while a
    /// batch is written wait for the next.
    private func drain(_ key: Key) async {
        while let env = environments[key], let queue = queues[key], !queue.isEmpty {
            var batch: [Pending] = []
            var rest: [Pending] = []
            var ids: Set<String> = []
            for pending in queue {
                if batch.count < maxBatch, ids.insert(pending.id).inserted { batch.append(pending) } else { rest.append(pending) }
            }
            queues[key] = rest
            batches += 1
            requests += batch.count
            let outcomes = await Self.run(batch.map(\.rows), kind: key.kind, env: env)
            for (pending, outcome) in zip(batch, outcomes) { pending.continuation.resume(with: outcome) }
        }
        queues[key] = nil
        environments[key] = nil
    }

    /// One import of every record of `batch`, and each record's outcome.
    private static func run(_ batch: [[[String]]], kind: ImportKind, env: AppEnvironment) async -> [Result<Bool, any Error>] {
        var writer = CSVWriter()
        writer.append(kind.columns)
        var firstLines: [Int] = []
        var line = 2
        for rows in batch {
            firstLines.append(line)
            for row in rows { writer.append(row) }
            line += rows.count
        }
        let name = "api-\(kind.rawValue).csv"
        do {
            let (summary, written) = try await env.imports.importKeepingGood(kind, csv: Array(writer.take().utf8), name: name)
            return batch.indices.map { index in
                let lines = firstLines[index]..<(firstLines[index] + batch[index].count)
                let errors = summary.rejected.filter { lines.contains($0.line) }.map { error in
                    RowError(file: name, line: error.line - lines.lowerBound + 2, field: error.field, reason: rebased(error.reason, lines))
                }
                if !errors.isEmpty { return .failure(ImportError.refused(file: name, errors: errors)) }
                return .success(written.contains(batch[index].first?.first ?? ""))
            }
        } catch {
            return batch.map { _ in .failure(error) }
        }
    }

    /// `reason` with the lines of the batch's file it names ("has an invalid line (line 7)")
    /// counted as in a file of the record's rows alone.
    private static func rebased(_ reason: String, _ lines: Range<Int>) -> String {
        reason.replacing(/line (\d+)/) { match in
            guard let number = Int(match.1), lines.contains(number) else { return String(match.0) }
            return "line \(number - lines.lowerBound + 2)"
        }
    }
}
