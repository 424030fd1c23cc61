import Foundation
import HTTPTypes
import OpenAPIRuntime
import RapportApp
import RapportCore
import RapportImport

/// An RFC 9457 problem the API answers with: a status, a title, a detail and, for bad input,
/// the fields at fault. Handlers throw it (or a use case's error, which `init(error:)` maps).
struct APIProblem: Error, Sendable, Equatable {
    /// One field of the request and what is wrong with it.
    struct FieldError: Sendable, Equatable, Encodable {
        var field: String
        var reason: String
    }

    var status: Int
    var title: String
    var detail: String
    var errors: [FieldError] = []

    static func badRequest(_ detail: String, field: String? = nil) -> APIProblem {
        APIProblem(status: 400, title: "Bad request", detail: detail, errors: field.map { [FieldError(field: $0, reason: detail)] } ?? [])
    }

    static func unauthorized(_ detail: String) -> APIProblem { APIProblem(status: 401, title: "Unauthorized", detail: detail) }
    static func forbidden(_ detail: String) -> APIProblem { APIProblem(status: 403, title: "Forbidden", detail: detail) }
    static func notFound(_ detail: String) -> APIProblem { APIProblem(status: 404, title: "Not found", detail: detail) }

    static func unprocessable(_ detail: String, field: String? = nil) -> APIProblem {
        APIProblem(status: 422, title: "Refused", detail: detail, errors: field.map { [FieldError(field: $0, reason: detail)] } ?? [])
    }

}

extension APIProblem {
    /// The problem a thrown error stands for; nil for an error of the server's own (a 500).
    init?(error: any Error) {
        switch error {
        case let problem as APIProblem: self = problem
        case let error as ServerError: self.init(serverError: error)
        case AppError.notFound(let message): self = .notFound(message)
        case AppError.invalid(let message): self = .unprocessable(message)
        case AppError.conflict(let message): self = APIProblem(status: 409, title: "Conflict", detail: message)
        case let error as InvalidField:
            let field = Self.jsonName(error.field)
            self = .unprocessable("\(field) \(error.reason)", field: field)
            errors = [FieldError(field: field, reason: error.reason)]
        case let error as CaseError: self = .unprocessable("\(error)")
        case let error as MoneyError: self = .unprocessable("\(error)")
        case let error as DayError: self = .badRequest("\(error)")
        case let error as MetricsError: self = .badRequest("\(error)")
        case let error as ImportError: self.init(importError: error)
        default: return nil
        }
    }

    /// A request the generated code could not decode is the client's fault (400); an error the handler threw is mapped as itself.
    private init?(serverError: ServerError) {
        if let inner = APIProblem(error: serverError.underlyingError) {
            self = inner
            return
        }
        // The generated code reports a missing or malformed parameter, header or body as a
        // runtime error whose description names it; the handler never ran.
        if serverError.operationInput == nil {
            self = .badRequest("The request could not be read: \(serverError.causeDescription).")
            return
        }
        return nil
    }

    private init(importError: ImportError) {
        switch importError {
        case .refused(_, let errors):
            self = .unprocessable("\(importError)")
            self.errors = errors.prefix(1000).map { FieldError(field: "line \($0.line): \($0.field)", reason: $0.reason) }
        case .badHeader(let error):
            self = .unprocessable(error.description, field: error.field)
        case .malformed, .unreadable:
            self = .unprocessable(importError.description)
        }
    }

    /// `next_on`, `next-on` → `nextOn`: a Core or CSV field name as the JSON spells it.
    static func jsonName(_ name: String) -> String {
        let parts = name.split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard let first = parts.first else { return name }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The problem as `application/problem+json`.
    func response() -> (HTTPResponse, HTTPBody) {
        struct Document: Encodable {
            var type: String
            var title: String
            var status: Int
            var detail: String
            var errors: [FieldError]?
        }
        let document = Document(type: "about:blank", title: title, status: status, detail: detail, errors: errors.isEmpty ? nil : errors)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = (try? encoder.encode(document)) ?? Data("{\"type\":\"about:blank\",\"title\":\"Error\",\"status\":\(status),\"detail\":\"\"}".utf8)
        var fields = HTTPFields()
        fields[.contentType] = "application/problem+json"
        return (HTTPResponse(status: .init(code: status), headerFields: fields), HTTPBody(Array(bytes)))
    }
}
