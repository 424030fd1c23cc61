import RapportApp
import RapportCore
import Vapor

/// `GET /settings/users` (admin): every user, with forms to add one (`POST /settings/users`),
/// disable or enable one (`POST /settings/users/{username}/disable|enable`) and set a new password
/// (`POST /settings/users/{username}/password`). Every change is audited by the use case.
struct UsersController {
    let app: AppEnvironment

    struct Row: Encodable, Sendable {
        var username: String
        var name: String
        var role: String
        var department: String
        var disabled: Bool
        var addedOn: String
        var isSelf: Bool
        /// The message of a refused password or status change on this row.
        var error: String?
    }

    struct Content: Encodable, Sendable {
        var rows: [Row]
        var form: UserForm
        var errors: FormErrors
        var summary: [FormErrors.Item]
        var hasErrors: Bool
        var roles: [String]
        var departments: [String]
        var formToken: String
        var minimumCharacters: Int
    }

    func list(_ request: Request) async throws -> Response {
        try request.require(.administer)
        return try await render(request, form: UserForm(), errors: FormErrors(), status: .ok)
    }

    func add(_ request: Request) async throws -> Response {
        let admin = try request.require(.administer).user
        let form = try request.content.decode(UserForm.self)
        switch form.parse() {
        case .failure(let errors):
            return try await render(request, form: form.redisplayed, errors: errors, status: .unprocessableEntity)
        case .success(let newUser):
            do {
                return try await FormOnce(app: app).run(request) {
                    _ = try await app.acting(as: admin.id.rawValue).users.add(newUser)
                    return "/settings/users?flash=user-added"
                }
            } catch let error as InvalidField {
                var errors = FormErrors()
                errors.add(error.field, error.description.capitalizedFirst + ".", prefix: "user")
                return try await render(request, form: form.redisplayed, errors: errors, status: .unprocessableEntity)
            } catch let error as AppError {
                // The one conflict adding can meet: the username is taken.
                var errors = FormErrors()
                errors.add("username", error.description.capitalizedFirst + ".", prefix: "user")
                return try await render(request, form: form.redisplayed, errors: errors, status: .unprocessableEntity)
            }
        }
    }

    /// One change to the user named in the path: `disable`, `enable` or `password`.
    func change(_ request: Request, _ action: String) async throws -> Response {
        let admin = try request.require(.administer).user
        guard let username = request.parameters.get("username"), !username.isEmpty else { throw WebError.notFound("No user was given.") }
        let users = app.acting(as: admin.id.rawValue).users
        _ = try await users.get(username)
        do {
            return try await FormOnce(app: app).run(request) {
                switch action {
                case "disable": _ = try await users.disable(username); return "/settings/users?flash=user-disabled"
                case "enable": _ = try await users.enable(username); return "/settings/users?flash=user-enabled"
                default:
                    let password = (try? request.content.get(String.self, at: "password")) ?? ""
                    try await users.setPassword(username, to: password)
                    return "/settings/users?flash=password-set"
                }
            }
        } catch let error where error is InvalidField || error is AppError {
            let message = String(describing: error).capitalizedFirst + "."
            return try await render(request, form: UserForm(), errors: FormErrors(), rowError: (username, message), status: .unprocessableEntity)
        }
    }

    func render(
        _ request: Request, form: UserForm, errors: FormErrors, rowError: (username: String, message: String)? = nil, status: HTTPStatus
    ) async throws -> Response {
        let me = try request.requireUser().user
        let rows = try await app.users.list().map { stored in
            let user = stored.user
            return Row(username: user.id.rawValue, name: user.displayName, role: user.role.rawValue,
                       department: user.department?.rawValue.replacing("_", with: " ") ?? "", disabled: user.isDisabled,
                       addedOn: stored.createdAt.map { String($0.isoString.prefix(10)) } ?? "", isSelf: user.id == me.id,
                       error: rowError?.username == user.id.rawValue ? rowError?.message : nil)
        }
        var summary = errors.items
        if let rowError {
            summary.append(.init(field: "password", anchor: "password-\(rowError.username)", message: "\(rowError.username): \(rowError.message)"))
        }
        let content = Content(
            rows: rows, form: form, errors: errors, summary: summary, hasErrors: !summary.isEmpty,
            roles: User.Role.allCases.map(\.rawValue), departments: Department.allCases.map(\.rawValue),
            formToken: app.signIn.newFormToken(), minimumCharacters: PasswordPolicy.minimumCharacters)
        return try await request.page("users", title: "Users", content, status: status, hasErrors: !summary.isEmpty)
    }
}
