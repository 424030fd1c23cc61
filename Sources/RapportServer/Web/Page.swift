import RapportCore
import Vapor

/// What every page's layout shows: the title (which is also the `<h1>`), who is signed in, the
/// navigation their role allows, the CSRF token for the sign-out form, and a flash message.
struct Layout: Encodable, Sendable {
    struct NavItem: Encodable, Sendable {
        var href: String
        var label: String
        var current: Bool
    }

    var title: String
    var userName: String?
    var userRole: String?
    var csrf: String?
    var nav: [NavItem]
    var flash: String?
    /// "Error: " before the title when a form has errors.
    var titlePrefix: String

    init(title: String, request: Request, flash: String? = nil, hasErrors: Bool = false) {
        self.title = title
        let signedIn = request.signedIn
        userName = signedIn?.user.displayName
        userRole = signedIn?.user.role.rawValue
        csrf = signedIn?.session.csrfToken
        self.flash = flash ?? request.query[String.self, at: "flash"].flatMap(Layout.flashText)
        titlePrefix = hasErrors ? "Error: " : ""
        let path = request.url.path
        nav = signedIn.map { Layout.navigation(for: $0.user) }?.map { item in
            NavItem(href: item.0, label: item.1, current: path == item.0 || (item.0 != "/" && path.hasPrefix(item.0 + "/")))
        } ?? []
    }

    static func navigation(for user: User) -> [(String, String)] {
        var items: [(String, String)] = []
        let role = user.role
        if role.allows(.reports) { items.append(("/", "Dashboard")); items.append(("/reports", "Reports")) }
        if role.allows(.ownQueue) { items.append(("/queue", "Queue")) }
        if role.allows(.readAccounts) { items.append(("/accounts", "Accounts")); items.append(("/promises", "Promises")) }
        if role.allows(.workAccounts) { items.append(("/cash", "Cash")) }
        if role.allows(.departmentCases) || role.allows(.allDepartmentCases) {
            items.append(("/cases", "Cases"))
            items.append(("/followups", "Follow-ups"))
        }
        if role.allows(.readAccounts) || user.department == .billing { items.append(("/change-requests", "Change requests")) }
        if role.allows(.manage) { items.append(("/corrective-actions", "Corrective actions")) }
        if role.allows(.imports) { items.append(("/imports", "Imports")) }
        if role.allows(.audit) { items.append(("/audit", "Audit log")) }
        if role.allows(.administer) { items.append(("/settings/users", "Users")); items.append(("/settings/playbook", "Playbook")) }
        return items
    }

    /// Flash messages are codes in the redirect's query, never text from the request.
    static func flashText(_ code: String) -> String? {
        [
            "logged": "The touch was logged.", "case-opened": "The case was opened.", "case-moved": "The case was updated.",
            "signed-out": "You are signed out.", "followup-done": "The item was marked done.", "change-applied": "The change request was marked applied.", "cash-applied": "The payment was applied.", "cash-rejected": "The payment was rejected.", "promise-recorded": "The promise was recorded.", "arrangement-recorded": "The arrangement was recorded.",
            "billing-changed": "The annual invoice was credited and re-billed monthly.", "change-reported": "The change request was sent to Billing.",
            "user-added": "The user was added.", "user-disabled": "The user was disabled and signed out.",
            "user-enabled": "The user can sign in again.", "password-set": "The password was set; the user's sessions were ended.",
            "already": "That form was already sent; nothing new was recorded.",
        ][code]
    }
}

/// A page: its layout and its own content, rendered by the Leaf view of the same name.
struct Page<Content: Encodable & Sendable>: Encodable, Sendable {
    var layout: Layout
    var content: Content
}

extension Request {
    /// Renders `view` with `content` under the layout, with `status`.
    func page<Content: Encodable & Sendable>(
        _ view: String, title: String, _ content: Content, status: HTTPStatus = .ok, hasErrors: Bool = false, flash: String? = nil
    ) async throws -> Response {
        let page = Page(layout: Layout(title: title, request: self, flash: flash, hasErrors: hasErrors), content: content)
        let rendered = try await self.view.render(view, page)
        let response = try await rendered.encodeResponse(for: self)
        response.status = status
        return response
    }
}

/// No content of a page's own.
struct NoContent: Encodable, Sendable {}
