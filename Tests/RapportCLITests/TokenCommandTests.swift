import Foundation
import RapportTestSupport
import Testing

@Suite("rapport token")
struct TokenCommandTests {
    @Test func aTokenIsPrintedOnceListedWithoutItsSecretAndRevoked() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "t.sqlite"]
        let cli = CLIRunner(workingDirectory: files.folder)
        #expect(try cli.run(["user", "add", "kim", "--name", "Kim Lee", "--role", "specialist", "--password-stdin"] + db,
                            input: "a-long-password\n").code == 0)
        let unknown = try cli.run(["token", "create", "nobody", "--name", "x"] + db)
        #expect(unknown.code == 1 && unknown.stderr.contains("unknown user nobody"))
        let created = try cli.run(["token", "create", "kim", "--name", "phone system"] + db)
        #expect(created.code == 0 && created.stderr.contains("created token TK000001 for kim"))
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("rpt_") && secret.count > 40)
        let listed = try cli.run(["token", "list", "--format", "json"] + db)
        let tokens = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [[String: Any]]
        #expect(tokens.count == 1 && tokens[0]["id"] as? String == "TK000001" && tokens[0]["revoked"] as? Bool == false)
        #expect(!listed.stdout.contains(secret))
        #expect(try cli.run(["token", "revoke", "TK000001"] + db).stdout == "revoked TK000001\n")
        #expect(try cli.run(["token", "list"] + db).stdout.contains("revoked "))
        #expect(try cli.run(["token", "revoke", "TK9"] + db).code == 1)
        let audit = try cli.run(["audit", "list", "--format", "json"] + db).stdout
        #expect(audit.contains("token.create") && audit.contains("token.revoke") && !audit.contains(secret))
    }
}
