import Foundation
import RapportStore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web sign-in, sessions and security headers")
struct SignInTests {
    @Test(arguments: TestDatabase.available)
    func signingInSetsASafeCookieAndSendsEachRoleHome(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let web = WebClient(app)
            let form = try await web.get("/login")
            #expect(form.status == .ok && form.body.contains("name=\"_csrf\"") && form.body.contains("<title>Sign in – Rapport</title>"))
            let signedIn = try await web.signIn("kim", WebFixture.password)
            #expect(signedIn.status == .seeOther && signedIn.location == "/")
            let cookie = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix("rapport_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            #expect(try await web.get("/").location == "/queue")
            let department = WebClient(app)
            try await department.signIn("ivan", WebFixture.password)
            #expect(try await department.get("/").location == "/cases")
            let manager = WebClient(app)
            try await manager.signIn("mona", WebFixture.password)
            let home = try await manager.get("/")
            #expect(home.status == .ok && home.body.contains("<h1>Dashboard</h1>") && home.body.contains("<svg"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPageWithoutASessionGoesToSignInAndComesBack(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let web = WebClient(app)
            let page = try await web.get("/accounts/A1?x=1")
            #expect(page.status == .seeOther && page.location == "/login?next=%2Faccounts%2FA1%3Fx%3D1")
            let back = try await web.signIn("kim", WebFixture.password, next: "/accounts/A1")
            #expect(back.location == "/accounts/A1")
            // Somewhere else than this site is never a destination.
            let other = WebClient(app)
            #expect(try await other.signIn("kim", WebFixture.password, next: "//evil.example/x").location == "/")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aWrongPasswordAndAnUnknownUserGetTheSameAnswer(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let wrong = try await WebClient(app).signIn("kim", "not-the-password")
            let unknown = try await WebClient(app).signIn("nobody", "not-the-password")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            func message(_ body: String) -> String? { body.range(of: "<p>[^<]*</p>", options: .regularExpression).map { String(body[$0]) } }
            #expect(message(wrong.body) == "<p>The username or password is not right.</p>" && message(wrong.body) == message(unknown.body))
            #expect(wrong.headers[.setCookie].allSatisfy { !$0.hasPrefix("rapport_session=") })
        }
    }

    @Test(arguments: TestDatabase.available)
    func tenFailuresLockTheUsernameEvenForTheRightPassword(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            for _ in 1...9 { #expect(try await WebClient(app).signIn("kim", "wrong-password-x").body.contains("not right")) }
            let tenth = try await WebClient(app).signIn("kim", "wrong-password-x")
            #expect(tenth.status == .unauthorized && tenth.body.contains("Too many failed sign-ins"))
            let right = try await WebClient(app).signIn("kim", WebFixture.password)
            #expect(right.status == .unauthorized && right.body.contains("Too many failed sign-ins"))
            // Another username is not locked.
            #expect(try await WebClient(app).signIn("lori", WebFixture.password).status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.available)
    func signInWithoutItsCSRFTokenIsRefused(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let web = WebClient(app)
            _ = try await web.get("/login")
            let forged = try await web.post("/login", ["username": "kim", "password": WebFixture.password, "_csrf": "forged"])
            #expect(forged.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.available)
    func signingOutEndsTheSessionOnTheServer(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let web = WebClient(app)
            try await web.signIn("kim", WebFixture.password)
            let cookie = try #require(web.cookies["rapport_session"])
            _ = try await web.get("/queue")
            #expect(try await web.post("/logout", [:]).location == "/login?flash=signed-out")
            // Replaying the old cookie finds no session.
            let replay = try await app.testing().sendRequest(.GET, "/queue", headers: ["Cookie": "rapport_session=\(cookie)"])
            #expect(replay.status == .seeOther && replay.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func disablingAUserEndsTheirSessions(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let web = WebClient(app)
            try await web.signIn("kim", WebFixture.password)
            #expect(try await web.get("/queue").status == .ok)
            _ = try await env.users.disable("kim")
            #expect(try await web.get("/queue").status == .seeOther)
            #expect(try await WebClient(app).signIn("kim", WebFixture.password).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.available)
    func everyResponseCarriesTheSecurityHeaders(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let web = WebClient(app)
            var pages = [try await web.get("/login"), try await web.get("/queue"), try await web.get("/static/app.js")]
            try await web.signIn("kim", WebFixture.password)
            pages += [try await web.get("/queue"), try await web.get("/nowhere"), try await web.get("/health")]
            for page in pages {
                let policy = page.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
                #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(page.headers.first(name: "Referrer-Policy") != nil)
            }
            #expect(pages[4].status == .notFound && pages[4].body.contains("<h1>Not found</h1>"))
        }
    }
}
