import RapportApp
import RapportCore

/// The user an API request acts as, set by `BearerAuthMiddleware` for the length of the request.
enum APICaller {
    @TaskLocal static var user: User?

    /// The request's user; every operation runs behind the bearer middleware, so this holds there.
    static func current() throws -> User {
        guard let user else { throw APIProblem.unauthorized("Send `Authorization: Bearer TOKEN` (rapport token create).") }
        return user
    }

    /// The request's user, refused with 403 unless the role allows `permission`.
    @discardableResult
    static func require(_ permission: Permission) throws -> User {
        let user = try current()
        guard user.role.allows(permission) else {
            throw APIProblem.forbidden("The role \(user.role.rawValue) cannot do this (\(permission.rawValue)).")
        }
        return user
    }
}
