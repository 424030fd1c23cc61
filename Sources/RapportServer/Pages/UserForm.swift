import RapportApp
import RapportCore

/// The fields of the "add a user" form (`POST /settings/users`), as sent. The password is never
/// sent back to the page.
struct UserForm: Codable, Sendable {
    var username: String?
    var name: String?
    var role: String?
    var department: String?
    var password: String?

    /// The user to add, or the errors of each field (ids prefixed `user-`).
    func parse() -> Result<UserUseCases.NewUser, FormErrors> {
        var errors = FormErrors()
        if username.nonEmpty == nil { errors.add("username", "Enter the username.", prefix: "user") }
        if name.nonEmpty == nil { errors.add("name", "Enter the full name.", prefix: "user") }
        let parsedRole = role.nonEmpty.flatMap(User.Role.init(rawValue:))
        if parsedRole == nil { errors.add("role", "Choose one of: \(User.Role.allCases.map(\.rawValue).joined(separator: ", ")).", prefix: "user") }
        var parsedDepartment: Department?
        if let text = department.nonEmpty {
            parsedDepartment = Department(rawValue: text)
            if parsedDepartment == nil {
                errors.add("department", "Choose one of: \(Department.allCases.map(\.rawValue).joined(separator: ", ")).", prefix: "user")
            }
        }
        if (password ?? "").isEmpty { errors.add("password", "Enter a password of at least \(PasswordPolicy.minimumCharacters) characters.", prefix: "user") }
        guard errors.isEmpty, let username = username.nonEmpty, let name = name.nonEmpty, let parsedRole, let password else {
            return .failure(errors)
        }
        return .success(.init(username: username, name: name, role: parsedRole,
                              department: parsedRole == .department ? parsedDepartment : nil, password: password))
    }

    /// The form as shown again after a refusal: every value kept but the password.
    var redisplayed: UserForm { UserForm(username: username, name: name, role: role, department: department, password: nil) }
}
