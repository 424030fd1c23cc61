import RapportApp
import RapportCore
import OpenAPIRuntime
import Vapor

/// Turns every error into a page with the right status: 403 for a role or a CSRF refusal, 404 for
/// an unknown id or path, 422 for a rule a request broke, 503 when the database is unavailable, 500
/// otherwise — never the driver's text. The one place the web maps errors to statuses.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct Content: Encodable, Sendable {
        var message: String
        var status: Int
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, title, message) = Self.describe(error)
            if status == .internalServerError || status == .serviceUnavailable {
                request.logger.error("\(request.method) \(request.url.path): \(String(reflecting: error))")
            }
            if request.url.path.hasPrefix(APIRoutes.basePath + "/") || request.url.path == APIRoutes.basePath {
                // Outside any operation (an unknown path or method): the API still answers a problem document.
                let (head, body) = APIProblem(status: Int(status.code), title: title, detail: message).response()
                var headers = HTTPHeaders()
                for field in head.headerFields { headers.add(name: field.name.rawName, value: field.value) }
                return Response(status: status, headers: headers, body: .init(data: Data(try await [UInt8](collecting: body, upTo: 1 << 20))))
            }
            do {
                let response = try await request.page("error", title: title, Content(message: message, status: Int(status.code)), status: status)
                if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: "5") }
                return response
            } catch {
                return Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .init(string: "\(title)\n"))
            }
        }
    }

    static func describe(_ error: any Error) -> (HTTPStatus, String, String) {
        switch error {
        case WebError.forbidden(let message): return (.forbidden, "Not allowed", message)
        case WebError.badCSRF:
            return (.forbidden, "Not allowed", "The form had expired or did not come from Rapport. Go back, reload the page and send it again.")
        case WebError.notFound(let message): return (.notFound, "Not found", message)
        case AppError.notFound(let message): return (.notFound, "Not found", message.prefix(1).uppercased() + message.dropFirst() + ".")
        case AppError.invalid(let message), AppError.conflict(let message): return (.unprocessableEntity, "Refused", message)
        case let error as InvalidField: return (.unprocessableEntity, "Refused", "\(error.field) \(error.reason)")
        case let error as CaseError: return (.unprocessableEntity, "Refused", "\(error)")
        case let error as MoneyError: return (.unprocessableEntity, "Refused", "\(error)")
        case let error as any AbortError:
            switch error.status {
            case .notFound: return (.notFound, "Not found", "There is no page at this address.")
            case .unauthorized: return (.unauthorized, "Sign in", "Sign in to see this page.")
            case .payloadTooLarge: return (.payloadTooLarge, "Too large", "The request was too large.")
            case .badRequest, .unsupportedMediaType: return (error.status, "Bad request", "The request could not be read.")
            case .methodNotAllowed: return (.methodNotAllowed, "Not allowed", "This address does not take that method.")
            default:
                let status = error.status
                return (status, status.reasonPhrase, status.code >= 500 ? "Something went wrong on our side." : status.reasonPhrase)
            }
        default:
            let text = String(describing: error).lowercased()
            if ["connection", "database is locked", "readonly", "disk is full", "psqlerror"].contains(where: text.contains) {
                return (.serviceUnavailable, "Unavailable", "The database is unavailable. Try again in a few seconds.")
            }
            return (.internalServerError, "Something went wrong", "Something went wrong on our side; it has been logged.")
        }
    }
}
