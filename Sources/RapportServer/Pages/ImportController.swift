import Foundation
import RapportApp
import RapportImport
import Vapor

/// `GET /imports` and `POST /imports` (multipart: `kind`, `file`): upload any CSV kind the CLI
/// imports. A file with a bad row writes nothing; the result page lists every rejected row first.
struct ImportController {
    let app: AppEnvironment

    struct Content: Encodable, Sendable {
        var kinds: [Choice]
        var errors: [String]
        var hasErrors: Bool
        var summary: String?
        var fieldError: String?
        var formToken: String
    }

    struct Choice: Encodable, Sendable { var value: String; var selected: Bool }

    struct Upload: Decodable {
        var kind: String?
        var file: File?
    }

    func form(_ request: Request) async throws -> Response {
        try request.require(.imports)
        return try await render(request, kind: nil, errors: [], summary: request.query[String.self, at: "summary"], fieldError: nil,
                                status: .ok)
    }

    func upload(_ request: Request) async throws -> Response {
        let signedIn = try request.require(.imports)
        let upload = try request.content.decode(Upload.self)
        guard let kindText = upload.kind, let kind = ImportKind(rawValue: kindText) else {
            return try await render(request, kind: nil, errors: [], summary: nil,
                                    fieldError: "Choose what the file holds.", status: .unprocessableEntity)
        }
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await render(request, kind: kind, errors: [], summary: nil, fieldError: "Choose a CSV file to upload.",
                                    status: .unprocessableEntity)
        }
        let name = Self.safeName(file.filename, kind: kind)
        do {
            let summary = try await app.acting(as: signedIn.user.id.rawValue).imports
                .importText(kind, csv: Array(buffer: file.data), name: name)
            return request.redirect(to: "/imports?" + QueueController.query(["summary": summary.line]), redirectType: .normal)
        } catch let error as ImportError {
            let rows: [String]
            if case .refused(_, let errors) = error { rows = errors.prefix(1000).map(\.description) } else { rows = [] }
            return try await render(request, kind: kind, errors: rows + [error.description], summary: nil, fieldError: nil,
                                    status: .unprocessableEntity)
        }
    }

    private func render(
        _ request: Request, kind: ImportKind?, errors: [String], summary: String?, fieldError: String?, status: HTTPStatus
    ) async throws -> Response {
        let content = Content(
            kinds: ImportKind.allCases.map { Choice(value: $0.rawValue, selected: $0 == kind) }, errors: errors,
            hasErrors: !errors.isEmpty || fieldError != nil, summary: summary, fieldError: fieldError, formToken: app.signIn.newFormToken())
        return try await request.page("imports", title: "Import a CSV file", content, status: status,
                                      hasErrors: !errors.isEmpty || fieldError != nil)
    }

    /// The uploaded file's own name (letters, digits, `.`, `-`, `_`), or `KIND.csv`.
    static func safeName(_ filename: String, kind: ImportKind) -> String {
        let last = filename.split(separator: "/").last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || ".-_".unicodeScalars.contains($0) })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "\(kind.rawValue).csv" : cleaned
    }
}
