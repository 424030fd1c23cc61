import Foundation
import RapportTestSupport
import Testing

@Suite("rapport user and rapport audit")
struct UserCommandTests {
    @Test func usersAreAddedListedGivenPasswordsAndDisabledWithAnAuditTrail() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "u.sqlite"]
        let cli = CLIRunner(workingDirectory: files.folder)
        let added = try cli.run(["user", "add", "kim", "--name", "Kim Lee", "--role", "specialist", "--password-stdin"] + db,
                                input: "a-long-password\n")
        #expect(added.code == 0, "\(added.stderr)")
        #expect(added.stdout == "added specialist kim\n")
        // The same username again fails and changes nothing.
        let again = try cli.run(["user", "add", "kim", "--name", "Other", "--role", "manager", "--password-stdin"] + db, input: "another-password\n")
        #expect(again.code == 1 && again.stderr.contains("user kim already exists"))
        let short = try cli.run(["user", "add", "ivy", "--name", "Ivy", "--role", "manager", "--password-stdin"] + db, input: "short\n")
        #expect(short.code == 1 && short.stderr.contains("--password must have at least 10 characters"))
        let long = try cli.run(["user", "add", "ivy", "--name", "Ivy", "--role", "manager", "--password-stdin"] + db,
                               input: String(repeating: "é", count: 37) + "\n")
        #expect(long.code == 1 && long.stderr.contains("at most 72 bytes"))
        let noDepartment = try cli.run(["user", "add", "ivan", "--name", "Ivan", "--role", "department", "--password-stdin"] + db,
                                       input: "a-long-password\n")
        #expect(noDepartment.code == 1 && noDepartment.stderr.contains("--department is required for a department member"))
        let flagOnly = try cli.run(["user", "add", "ivan", "--name", "Ivan", "--role", "manager"] + db)
        #expect(flagOnly.code == 2 && flagOnly.stderr.contains("--password-stdin is required"))
        #expect(try cli.run(["user", "add", "ivan", "--name", "Ivan", "--role", "department", "--department", "installation",
                             "--password-stdin"] + db, input: "a-long-password\r\n").code == 0)
        #expect(try cli.run(["user", "password", "kim", "--password-stdin"] + db, input: "a-newer-password\n").code == 0)
        #expect(try cli.run(["user", "disable", "ivan"] + db).code == 0)
        let listed = try cli.run(["user", "list", "--format", "json"] + db)
        let users = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [[String: Any]]
        #expect(users.map { $0["username"] as? String } == ["ivan", "kim"])
        #expect(users[0]["department"] as? String == "installation" && users[0]["disabled"] as? Bool == true)
        #expect(users[1]["role"] as? String == "specialist" && users[1]["disabled"] as? Bool == false)
        #expect(!listed.stdout.contains("$2"), "no password hash is ever printed")
        let table = try cli.run(["user", "list"] + db)
        #expect(table.stdout.contains("kim       Kim Lee") && table.stdout.contains("disabled"))
        let audit = try cli.run(["audit", "list", "--format", "json"] + db)
        let events = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as! [[String: Any]]
        #expect(events.map { $0["action"] as? String } == ["user.add", "user.add", "user.password", "user.disable"])
        #expect(events.allSatisfy { $0["actor"] as? String == "cli" && ($0["at"] as? String)?.hasSuffix("Z") == true })
        #expect((events[3]["before"] as? String)?.contains("disabled=false") == true && (events[3]["after"] as? String)?.contains("disabled=true") == true)
        #expect(!audit.stdout.contains("a-newer-password") && !audit.stdout.contains("$2"))
        let none = try cli.run(["audit", "list", "--since", "2999-01-01", "--format", "json"] + db)
        #expect(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || none.stdout.contains("[]"))
    }
}
