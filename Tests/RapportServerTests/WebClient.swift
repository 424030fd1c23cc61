import Foundation
import RapportApp
import RapportCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing
import VaporTesting

/// A browser for in-process tests: keeps cookies, signs in through the real form, reads the CSRF
/// and one-time form tokens out of the last page, and posts forms with them.
final class WebClient: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var lastBody = ""

    init(_ app: Application) { self.app = app }

    /// One response, as a test reads it.
    struct Page {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String
        var location: String? { headers.first(name: .location) }
    }

    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil)
    }

    /// Posts `fields` as a form; `csrf: true` adds the session's token from the last page, `form: true` its `_form` token.
    func post(_ path: String, _ fields: [String: String], csrf: Bool = true, formToken: String? = nil) async throws -> Page {
        var all = fields
        if csrf, all["_csrf"] == nil, let token = Self.hidden("_csrf", in: lastBody) { all["_csrf"] = token }
        if let formToken { all["_form"] = formToken }
        var components = URLComponents()
        components.queryItems = all.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return try await send(.POST, path, body: encoded)
    }

    /// Posts a multipart form with `fields` and one file, adding the session's CSRF token and the page's form token.
    func postFile(_ path: String, _ fields: [String: String], file: (field: String, name: String, text: String)) async throws -> Page {
        var all = fields
        if let token = Self.hidden("_csrf", in: lastBody) { all["_csrf"] = token }
        if let token = Self.hidden("_form", in: lastBody) { all["_form"] = token }
        let boundary = "rapport-test-boundary"
        var body = ""
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(file.text)\r\n--\(boundary)--\r\n"
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Signs in through `GET /login` and `POST /login`; returns the POST's answer.
    @discardableResult
    func signIn(_ username: String, _ password: String, next: String? = nil) async throws -> Page {
        _ = try await get("/login" + (next.map { "?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? ""))
        var fields = ["username": username, "password": password]
        if let next { fields["next"] = next }
        return try await post("/login", fields)
    }

    /// The value of the first hidden input `name` in the last page.
    func hidden(_ name: String) -> String? { Self.hidden(name, in: lastBody) }

    static func hidden(_ name: String, in body: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = body[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?, contentType: String? = nil) async throws -> Page {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
        else if body != nil { headers.contentType = .urlEncodedForm }
        let response = try await app.testing().sendRequest(
            method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for value in response.headers[.setCookie] {
            let pair = value.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), cookie = pair.count > 1 ? String(pair[1]) : ""
            if cookie.isEmpty || value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = cookie }
        }
        let text = response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
        if response.status == .ok || response.status == .unprocessableEntity || response.status == .unauthorized {
            lastBody = text
        }
        return Page(status: response.status, headers: response.headers, body: text)
    }
}

/// The server on a fresh database with the fixture company and one user of each role (password `correct-horse-1`).
func withWebApp(_ engine: TestDatabase, _ body: (Application, AppEnvironment) async throws -> Void) async throws {
    let files = try Fixtures()
    defer { files.removeAll() }
    try await engine.withDatabase { db in
        try await db.importFixtures([.accounts, .locations, .contacts, .jobs, .followups, .invoices, .payments], files: files)
        var env = db.app()
        env.passwords = BcryptPasswordHasher(cost: 4)
        // As `rapport serve` runs: kept queues and dashboards, single API records written in batches.
        env.derived = DerivedResults()
        env.importBatcher = ImportBatcher()
        let users: [UserUseCases.NewUser] = [
            .init(username: "kim", name: "Kim Specialist", role: .specialist, department: .clientRelations, password: WebFixture.password),
            .init(username: "lori", name: "Lori Specialist", role: .specialist, department: .clientRelations, password: WebFixture.password),
            .init(username: "mona", name: "Mona Manager", role: .manager, password: WebFixture.password),
            .init(username: "ivan", name: "Ivan Installer", role: .department, department: .installation, password: WebFixture.password),
            .init(username: "bea", name: "Bea Billing", role: .department, department: .billing, password: WebFixture.password),
            .init(username: "ada", name: "Ada Admin", role: .admin, password: WebFixture.password),
        ]
        for user in users { _ = try await env.users.add(user) }
        let app = try await RapportServer.makeApplication(app: env, configuration: ServerConfiguration(), environment: .testing)
        do {
            try await body(app, env)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

enum WebFixture {
    static let password = "correct-horse-1"
}
