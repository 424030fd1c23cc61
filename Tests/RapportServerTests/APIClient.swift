import Foundation
import RapportApp
import RapportServer
import RapportTestSupport
import Testing
import VaporTesting

/// A JSON API caller for in-process tests: a bearer token, JSON in and out.
struct APIClient {
    let app: Application
    let token: String?

    /// One answer: the status, the headers, the body and the body as JSON.
    struct Answer {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
        var contentType: String? { headers.first(name: .contentType) }
        /// The `field`s of a problem's `errors`.
        var errorFields: [String] { (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
    }

    func get(_ path: String) async throws -> Answer { try await send(.GET, path) }

    func post(_ path: String, _ json: [String: Any], key: String? = nil) async throws -> Answer {
        try await send(.POST, path, body: try Self.encode(json), headers: key.map { ["Idempotency-Key": $0] } ?? [:])
    }

    func put(_ path: String, _ json: [String: Any]) async throws -> Answer { try await send(.PUT, path, body: try Self.encode(json)) }

    func send(
        _ method: HTTPMethod, _ path: String, body: String? = nil, contentType: String = "application/json", headers extra: [String: String] = [:]
    ) async throws -> Answer {
        var headers = HTTPHeaders()
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        if body != nil { headers.add(name: .contentType, value: contentType) }
        for (name, value) in extra { headers.add(name: name, value: value) }
        let response = try await app.testing().sendRequest(method, "/api/v1" + path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let text = response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
        return Answer(status: response.status, headers: response.headers, body: text)
    }

    static func encode(_ json: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// The fixture company's web application with a token for each user.
func withAPI(_ engine: TestDatabase, _ body: (Application, AppEnvironment, [String: APIClient]) async throws -> Void) async throws {
    try await withWebApp(engine) { app, env in
        var clients: [String: APIClient] = [:]
        for user in ["kim", "lori", "mona", "ivan", "bea", "ada"] {
            clients[user] = APIClient(app: app, token: try await env.apiTokens.create(username: user, name: "test").secret)
        }
        try await body(app, env, clients)
    }
}
