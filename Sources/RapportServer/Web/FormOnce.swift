import RapportApp
import Vapor

/// The one-time token every form carries in `_form`: the first POST of a form does the work and
/// remembers where it went; a second POST of the same form does nothing and is sent there too.
struct FormOnce {
    let app: AppEnvironment

    /// Runs `work` (which answers with a redirect location) unless this form was already sent.
    /// A refused submission (`work` throws) frees the token so the corrected form can be sent.
    func run(_ request: Request, _ work: () async throws -> String) async throws -> Response {
        let user = try request.requireUser().user
        guard let token = try? request.content.get(String.self, at: "_form"), !token.isEmpty else {
            return request.redirect(to: try await work(), redirectType: .normal)
        }
        switch try await app.signIn.claimForm(token, user: user.id) {
        case .submitted(let location):
            return request.redirect(to: Self.withFlash(location, "already"), redirectType: .normal)
        case .inFlight:
            throw AppError.conflict("this form is already being sent; wait a moment and reload the page")
        case .fresh:
            do {
                let location = try await work()
                try await app.signIn.completeForm(token, location: location)
                return request.redirect(to: location, redirectType: .normal)
            } catch {
                try? await app.signIn.releaseForm(token)
                throw error
            }
        }
    }

    /// `location` with `flash=code` in its query (replacing any flash it had), its fragment kept.
    static func withFlash(_ location: String, _ code: String) -> String {
        guard var components = URLComponents(string: location) else { return location }
        var items = (components.queryItems ?? []).filter { $0.name != "flash" }
        items.append(URLQueryItem(name: "flash", value: code))
        components.queryItems = items
        return components.string ?? location
    }
}
