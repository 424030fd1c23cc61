import RapportCore
import RapportStore

/// Users: adding, listing, disabling and setting passwords — each change audited.
public struct UserUseCases: Sendable {
    let env: AppEnvironment

    /// What adding a user needs.
    public struct NewUser: Sendable {
        public var username: String
        public var name: String
        public var role: User.Role
        public var department: Department?
        public var password: String

        public init(username: String, name: String, role: User.Role, department: Department? = nil, password: String) {
            self.username = username
            self.name = name
            self.role = role
            self.department = department
            self.password = password
        }
    }

    /// Adds a user; refuses a username that exists (use `setPassword` for a new password).
    public func add(_ request: NewUser) async throws -> User {
        try Self.checkUsername(request.username)
        let name = request.name.trimmingSpaces
        guard !name.isEmpty else { throw InvalidField("name", "must not be empty") }
        if request.role == .department, request.department == nil {
            throw InvalidField("department", "is required for a department member")
        }
        try PasswordPolicy.check(request.password)
        let users = env.repositories.users
        if try await users.fetchUser(User.ID(request.username)) != nil {
            throw AppError.conflict("user \(request.username) already exists (set a new password with `rapport user password`)")
        }
        let user = User(id: User.ID(request.username), displayName: name, role: request.role, department: request.department)
        let hash = try await env.passwords.hash(request.password)
        try await users.insertUser(user, passwordHash: hash, at: env.now)
        try await env.audit.record("user.add", entity: "user", id: user.id.rawValue, after: Self.fields(user))
        return user
    }

    /// Every user, by username.
    public func list() async throws -> [StoredUser] {
        try await env.repositories.users.fetchUsers().map { StoredUser(user: $0.user, passwordHash: nil, createdAt: $0.createdAt) }
    }

    /// One user.
    public func get(_ username: String) async throws -> User {
        guard let stored = try await env.repositories.users.fetchUser(User.ID(username)) else {
            throw AppError.notFound("unknown user \(username)")
        }
        return stored.user
    }

    /// Disables a user and ends every session of theirs. Refuses to disable the acting user (nobody
    /// locks themselves out) or the last admin who can sign in (nobody could manage users again).
    public func disable(_ username: String) async throws -> User {
        var user = try await get(username)
        guard !user.isDisabled else { return user }
        if username == env.actor { throw AppError.invalid("you cannot disable yourself; another admin can") }
        if user.role == .admin {
            let admins = try await env.repositories.users.fetchUsers().filter { $0.user.role == .admin && !$0.user.isDisabled }
            if admins.count <= 1 { throw AppError.invalid("\(username) is the last admin who can sign in; add another admin first") }
        }
        let before = Self.fields(user)
        user.isDisabled = true
        try await env.repositories.users.updateDisabled(user.id, to: true)
        try await env.repositories.sessions.deleteSessions(of: user.id)
        try await env.audit.record("user.disable", entity: "user", id: username, before: before, after: Self.fields(user))
        return user
    }

    /// Lets a disabled user sign in again (with the password they had).
    public func enable(_ username: String) async throws -> User {
        var user = try await get(username)
        guard user.isDisabled else { return user }
        let before = Self.fields(user)
        user.isDisabled = false
        try await env.repositories.users.updateDisabled(user.id, to: false)
        try await env.audit.record("user.enable", entity: "user", id: username, before: before, after: Self.fields(user))
        return user
    }

    /// Sets a new password and ends every session of the user.
    public func setPassword(_ username: String, to password: String) async throws {
        let user = try await get(username)
        try PasswordPolicy.check(password)
        let hash = try await env.passwords.hash(password)
        try await env.repositories.users.updatePasswordHash(user.id, to: hash)
        try await env.repositories.sessions.deleteSessions(of: user.id)
        // The values are not recorded: a hash is a secret too.
        try await env.audit.record("user.password", entity: "user", id: username)
    }

    /// Sets one password on every user in `usernames` (the demo's, printed once), hashing it once.
    public func setDemoPassword(_ password: String, for usernames: [User.ID]) async throws {
        try PasswordPolicy.check(password)
        let hash = try await env.passwords.hash(password)
        for id in usernames { try await env.repositories.users.updatePasswordHash(id, to: hash) }
    }

    /// Letters, digits, `.`, `_`, `-` and `@`, 1 to 64 of them: the name accounts.csv's `specialist` column uses.
    static func checkUsername(_ username: String) throws {
        let allowed = username.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_@".unicodeScalars.contains(scalar)
        }
        guard !username.isEmpty, username.count <= 64, allowed else {
            throw InvalidField("username", "must be 1 to 64 letters, digits, '.', '_', '-' or '@'")
        }
    }

    static func fields(_ user: User) -> String {
        AuditEvent.fields(["name": user.displayName, "role": user.role.rawValue, "department": user.department?.rawValue,
                           "disabled": user.isDisabled ? "true" : "false"])
    }
}

extension AppEnvironment {
    /// Users and their passwords.
    public var users: UserUseCases { UserUseCases(env: self) }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
