import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web user settings")
struct UsersPageTests {
    @Test(arguments: TestDatabase.available)
    func onlyAnAdminSeesAndChangesUsers(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            #expect(try await mona.get("/settings/users").status == .forbidden)
            #expect(try await mona.post("/settings/users", ["username": "x"]).status == .forbidden)
            #expect(try await mona.post("/settings/users/kim/disable", [:]).status == .forbidden)

            let ada = WebClient(app)
            try await ada.signIn("ada", WebFixture.password)
            let page = try await ada.get("/settings/users")
            #expect(page.status == .ok && page.body.contains("<h1>Users</h1>") && page.body.contains("<title>Users"))
            #expect(page.body.contains("ada (you)") && page.body.contains(#"action="/settings/users/kim/disable""#))
            #expect(!page.body.contains(#"action="/settings/users/ada/disable""#))
            #expect(try await ada.post("/settings/users/kim/disable", [:], csrf: false).status == .forbidden)
            #expect(try await ada.post("/settings/users/nobody/disable", [:]).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.available)
    func addingAUserIsAuditedAndTheNewUserSignsIn(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let ada = WebClient(app)
            try await ada.signIn("ada", WebFixture.password)
            _ = try await ada.get("/settings/users")
            let token = Self.baseToken(ada)
            let fields = ["username": "dora", "name": "Dora <Diaz>", "role": "department", "department": "installation",
                          "password": "a long enough one"]
            let added = try await ada.post("/settings/users", fields, formToken: token)
            #expect(added.status == .seeOther && added.location == "/settings/users?flash=user-added")
            let again = try await ada.post("/settings/users", fields, formToken: token)
            #expect(again.location?.contains("flash=already") == true)
            let list = try await ada.get(try #require(added.location))
            #expect(list.body.contains("Dora &lt;Diaz&gt;") && list.body.contains("The user was added."))
            let stored = try await env.users.get("dora")
            #expect(stored.role == .department && stored.department == .installation)
            let audit = try await env.audit.list().filter { $0.entity == "user" && $0.entityID == "dora" }
            #expect(audit.map(\.action) == ["user.add"] && audit.first?.actor == "ada")

            let dora = WebClient(app)
            let signedIn = try await dora.signIn("dora", "a long enough one")
            #expect(signedIn.status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRefusedUserIsShownAgainWithItsValuesButNotThePassword(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let ada = WebClient(app)
            try await ada.signIn("ada", WebFixture.password)
            _ = try await ada.get("/settings/users")
            let short = try await ada.post("/settings/users", ["username": "dora", "name": "Dora Diaz", "role": "specialist", "password": "short1"],
                                           formToken: Self.baseToken(ada))
            #expect(short.status == .unprocessableEntity && short.body.contains("<title>Error: Users"))
            #expect(short.body.contains(##"href="#user-password""##) && short.body.contains("at least 10 characters"))
            #expect(short.body.contains(#"value="Dora Diaz""#) && !short.body.contains("short1"))
            #expect(short.body.contains(#"<option value="specialist" selected>"#))

            let missing = try await ada.post("/settings/users", ["username": "", "role": "chief"], formToken: Self.baseToken(ada))
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("Enter the username.") && missing.body.contains("Enter the full name.") && missing.body.contains("Choose one of: admin"))

            let taken = try await ada.post("/settings/users", ["username": "kim", "name": "Kim Again", "role": "specialist", "password": "a long enough one"],
                                           formToken: Self.baseToken(ada))
            #expect(taken.status == .unprocessableEntity && taken.body.contains("User kim already exists"))
            let departmentless = try await ada.post("/settings/users", ["username": "dora", "name": "Dora", "role": "department", "password": "a long enough one"],
                                                    formToken: Self.baseToken(ada))
            #expect(departmentless.status == .unprocessableEntity && departmentless.body.contains(##"href="#user-department""##))
            #expect((try? await env.users.get("dora")) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func disablingEnablingAndANewPasswordEndSessionsAndAreAudited(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            #expect(try await kim.get("/queue").status == .ok)

            let ada = WebClient(app)
            try await ada.signIn("ada", WebFixture.password)
            _ = try await ada.get("/settings/users")
            let token = Self.baseToken(ada)
            let disabled = try await ada.post("/settings/users/kim/disable", [:], formToken: "\(token)-disable-kim")
            #expect(disabled.location == "/settings/users?flash=user-disabled")
            #expect(try await kim.get("/queue").status == .seeOther)
            #expect(try await kim.signIn("kim", WebFixture.password).status != .seeOther)
            #expect(try await ada.get("/settings/users").body.contains(#"action="/settings/users/kim/enable""#))

            let enabled = try await ada.post("/settings/users/kim/enable", [:], formToken: "\(token)-enable-kim")
            #expect(enabled.location == "/settings/users?flash=user-enabled")
            #expect(try await kim.signIn("kim", WebFixture.password).status == .seeOther)

            let weak = try await ada.post("/settings/users/kim/password", ["password": "tiny"], formToken: "\(token)-password-kim")
            #expect(weak.status == .unprocessableEntity && weak.body.contains(##"href="#password-kim""##) && weak.body.contains("id=\"password-kim-error\""))
            _ = try await ada.get("/settings/users")
            let fresh = Self.baseToken(ada)
            let set = try await ada.post("/settings/users/kim/password", ["password": "kims new password"], formToken: "\(fresh)-password-kim")
            #expect(set.location == "/settings/users?flash=password-set")
            #expect(try await kim.get("/queue").status == .seeOther)
            #expect(try await kim.signIn("kim", "kims new password").status == .seeOther)

            let self_ = try await ada.post("/settings/users/ada/disable", [:])
            #expect(self_.status == .unprocessableEntity && self_.body.contains("You cannot disable yourself"))
            let byAda = try await env.audit.list().filter { $0.entity == "user" && $0.entityID == "kim" && $0.actor == "ada" }
            #expect(byAda.map(\.action) == ["user.disable", "user.enable", "user.password"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func theLastAdminWhoCanSignInIsNeverDisabled(engine: TestDatabase) async throws {
        try await withWebApp(engine) { _, env in
            await #expect(throws: AppError.invalid("ada is the last admin who can sign in; add another admin first")) {
                _ = try await env.users.disable("ada")
            }
            _ = try await env.users.add(.init(username: "abe", name: "Abe Admin", role: .admin, password: "another admin pass"))
            #expect(try await env.users.disable("ada").isDisabled)
            #expect(try await env.users.disable("ada").isDisabled, "disabling twice changes nothing")
            #expect(try await env.audit.list().filter { $0.action == "user.disable" }.count == 1)
        }
    }

    /// The page's form token: the add form's (the last on the page), which row forms extend with a suffix.
    static func baseToken(_ client: WebClient) -> String {
        let parts = client.lastBody.components(separatedBy: #"name="_form" value=""#)
        guard parts.count > 1, let last = parts.last else { return "" }
        return String(last.prefix { $0 != "\"" })
    }
}
