import OpenAPIRuntime
import RapportApp
import RapportCore
import RapportImport

extension RapportAPI {
    func importCSV(_ input: Operations.ImportCSV.Input) async throws -> Operations.ImportCSV.Output {
        try APICaller.require(.imports)
        guard case .csv(let body) = input.body else { throw APIProblem.badRequest("Send the file as text/csv.") }
        let kind: ImportKind = try Self.core(input.path.kind)
        let bytes: [UInt8]
        do { bytes = try await [UInt8](collecting: body, upTo: RapportServer.uploadLimit) } catch {
            throw APIProblem(status: 413, title: "Too large", detail: "The file is larger than \(RapportServer.uploadLimit >> 20) MiB; use `rapport import` for it.")
        }
        let summary = try await acting().imports.importText(
            kind, csv: bytes, name: "\(kind.rawValue).csv", skipInvalid: input.query.skipInvalid ?? false)
        return .ok(.init(body: .json(.init(
            kind: input.path.kind, rowsRead: summary.rowsRead, rowsWritten: summary.rowsWritten, rowsUnchanged: summary.rowsUnchanged,
            rowsRejected: summary.rowsRejected,
            rejected: summary.rejected.prefix(1000).map { .init(line: $0.line, field: $0.field, reason: $0.reason) }))))
    }
}
