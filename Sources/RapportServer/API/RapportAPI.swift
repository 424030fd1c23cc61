import OpenAPIRuntime
import RapportApp
import RapportCore

/// The JSON API: one method per operation of `openapi.yaml` (the protocol is generated from it).
/// Each parses its input, checks the caller's role, calls one use case and renders the result;
/// errors are thrown and mapped to problem documents by `ProblemMiddleware`.
struct RapportAPI: APIProtocol {
    let app: AppEnvironment

    /// The environment acting as the request's user (the audit log names them).
    func acting() throws -> AppEnvironment { app.acting(as: try APICaller.current().id.rawValue) }

    /// An optional `YYYY-MM-DD` of the request, refused as 400 naming `field`.
    static func day(_ text: String?, field: String) throws -> Day? {
        guard let text else { return nil }
        do { return try Day(iso: text) } catch { throw APIProblem.badRequest("\(field) must be a day as YYYY-MM-DD, not \"\(text)\".", field: field) }
    }

    /// A required `YYYY-MM-DD` of the request.
    static func day(_ text: String, field: String) throws -> Day {
        try day(Optional(text), field: field)!
    }

    /// A generated enum's value as Core's of the same raw value.
    static func core<Target: RawRepresentable>(_ value: some RawRepresentable<String>) throws -> Target where Target.RawValue == String {
        try APIRendering.choice(value)
    }
}
