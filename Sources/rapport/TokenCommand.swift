import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportStore

/// `rapport token`: the bearer tokens of the JSON API (docs/api.md).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke the JSON API's tokens.",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

/// `rapport token create`.
struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Make a token that acts as USERNAME; prints it once (only its hash is stored).")

    @Argument(help: "The user the token acts as (with that user's role).") var username: String
    @Option(help: "What the token is for (\"billing system\").") var name: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let created = try await database.withApp { app in try await app.apiTokens.create(username: username, name: name) }
        printError("created token \(created.token.id) for \(username); it is shown once, keep it now:")
        print(created.secret)
    }
}

/// `rapport token list`.
struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens (never their secrets).")

    @Option(help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct TokenJSON: Encodable {
        let id, username, name, createdAt: String
        let lastUsedAt, revokedAt: String?
        let revoked: Bool
    }

    func run() async throws {
        let tokens = try await database.withApp { app in try await app.apiTokens.list() }
        switch format {
        case .json:
            let rows = tokens.map { token in
                TokenJSON(id: token.id, username: token.userID.rawValue, name: token.name, createdAt: token.createdAt.isoString,
                          lastUsedAt: token.lastUsedAt?.isoString, revokedAt: token.revokedAt?.isoString, revoked: token.revokedAt != nil)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        case .table:
            print(renderTable(["id", "username", "name", "created", "last used", "status"], tokens.map { token in
                [token.id, token.userID.rawValue, token.name, token.createdAt.isoString, token.lastUsedAt?.isoString ?? "-",
                 token.revokedAt.map { "revoked \($0.isoString)" } ?? "active"]
            }))
        }
    }
}

/// `rapport token revoke`.
struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token for good.")

    @Argument(help: "The token's id (TK000001), as `rapport token list` shows it.") var id: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        _ = try await database.withApp { app in try await app.apiTokens.revoke(id) }
        print("revoked \(id)")
    }
}
