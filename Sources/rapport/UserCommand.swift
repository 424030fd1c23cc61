import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport user`: the people who sign in to the web application.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list, disable and enable users, and set their passwords.",
        subcommands: [UserAddCommand.self, UserListCommand.self, UserDisableCommand.self, UserEnableCommand.self, UserPasswordCommand.self])
}

extension User.Role: ExpressibleByArgument {}

/// Reads the one line of standard input that `--password-stdin` promises (without its line ending).
func readPasswordFromStandardInput() throws -> String {
    guard var line = readLine(strippingNewline: false) else { throw UserError("--password-stdin: standard input is empty") }
    if line.hasSuffix("\n") { line.removeLast() }
    if line.hasSuffix("\r") { line.removeLast() }
    return line
}

/// `rapport user add`.
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user (the password is read from standard input).")

    @Argument(help: "The username; a specialist's is the name in accounts.csv's specialist column.") var username: String
    @Option(help: "The full name.") var name: String
    @Option(help: "admin, manager, specialist or department.") var role: User.Role
    @Option(help: "installation, sales, service, customer_care, billing or client_relations (required for department).")
    var department: Department?
    @Flag(name: .customLong("password-stdin"), help: "Read the password (at least 10 characters) from standard input.")
    var passwordStdin = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if !passwordStdin { throw ValidationError("--password-stdin is required: a password is never given as a flag") }
    }

    func run() async throws {
        let password = try readPasswordFromStandardInput()
        let user = try await database.withApp { app in
            try await app.users.add(.init(username: username, name: name, role: role, department: department, password: password))
        }
        print("added \(user.role.rawValue) \(user.id)\(user.department.map { " (\($0.rawValue))" } ?? "")")
    }
}

/// `rapport user list`.
struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users.")

    @Option(help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct UserJSON: Encodable {
        let username, name, role: String
        let department: String?
        let disabled, canSignIn: Bool
        let createdAt: String?
    }

    func run() async throws {
        let users = try await database.withApp { app in try await app.users.list() }
        switch format {
        case .json:
            let rows = users.map { stored in
                UserJSON(username: stored.user.id.rawValue, name: stored.user.displayName, role: stored.user.role.rawValue,
                         department: stored.user.department?.rawValue, disabled: stored.user.isDisabled,
                         canSignIn: !stored.user.isDisabled, createdAt: stored.createdAt?.isoString)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        case .table:
            print(renderTable(["username", "name", "role", "department", "status"], users.map { stored in
                [stored.user.id.rawValue, stored.user.displayName, stored.user.role.rawValue, stored.user.department?.rawValue ?? "-",
                 stored.user.isDisabled ? "disabled" : "active"]
            }))
        }
    }
}

/// `rapport user disable`.
struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user and end their sessions.")

    @Argument(help: "The username.") var username: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        _ = try await database.withApp { app in try await app.users.disable(username) }
        print("disabled \(username)")
    }
}

/// `rapport user enable`.
struct UserEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled user sign in again.")

    @Argument(help: "The username.") var username: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        _ = try await database.withApp { app in try await app.users.enable(username) }
        print("enabled \(username)")
    }
}

/// `rapport user password`.
struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Set a user's password (read from standard input) and end their sessions.")

    @Argument(help: "The username.") var username: String
    @Flag(name: .customLong("password-stdin"), help: "Read the new password from standard input.") var passwordStdin = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if !passwordStdin { throw ValidationError("--password-stdin is required: a password is never given as a flag") }
    }

    func run() async throws {
        let password = try readPasswordFromStandardInput()
        try await database.withApp { app in try await app.users.setPassword(username, to: password) }
        print("set a new password for \(username)")
    }
}
