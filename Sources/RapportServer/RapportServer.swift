import Foundation
import Leaf
import LeafKit
import RapportApp
import Vapor

/// Builds and runs Rapport's HTTP server on an application environment (built by the caller's composition root).
public enum RapportServer {
    /// Makes a configured application; the caller runs it (`execute()`) or tests it.
    public static func makeApplication(
        app environmentValue: AppEnvironment, configuration: ServerConfiguration, environment: Environment = .production
    ) async throws -> Application {
        var environment = environment
        environment.arguments = ["rapport"]
        let app = try await Application.make(environment)
        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        // Forms are small; only an import upload may be large.
        app.routes.defaultMaxBodySize = ByteCount(value: CSRFCheck.formLimit)
        // The bundle holds the copied `Resources` folder (views and static files).
        let resources = Bundle.module.bundleURL.appendingPathComponent("Resources").path + "/"
        app.directory.viewsDirectory = resources + "Views/"
        app.directory.publicDirectory = resources + "Public/"
        // The templates live in the build folder (.build/…), which Leaf's default hidden-path rule
        // would refuse: sandbox Leaf to the views folder itself instead.
        app.leaf.sources = .singleSource(NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: app.directory.viewsDirectory,
            viewDirectory: app.directory.viewsDirectory))
        app.views.use(.leaf)
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ErrorPageMiddleware())
        app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory, defaultFile: nil))
        app.middleware.use(SessionAuthenticator(app: environmentValue))
        try routes(app, environment: environmentValue)
        try APIRoutes.register(on: app, environment: environmentValue)
        return app
    }

    /// The largest CSV a `POST /imports` takes, in bytes (larger files: `rapport import` on the command line).
    static let uploadLimit = 64 << 20

    /// Serves until interrupted.
    public static func run(app environmentValue: AppEnvironment, configuration: ServerConfiguration) async throws {
        let app = try await makeApplication(app: environmentValue, configuration: configuration)
        do {
            try await app.execute()
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func routes(_ app: Application, environment: AppEnvironment) throws {
        app.get("health") { _ async throws -> HealthDTO in
            try await HealthController(app: environment).health()
        }
        let login = LoginController(app: environment)
        app.get("login") { try await login.form($0) }
        app.post("login") { try await login.submit($0) }

        let signedIn = app.grouped(RequireSignIn(), CSRFCheck())
        signedIn.post("logout") { try await login.logout($0) }
        let home = HomeController(app: environment)
        signedIn.get { try await home.home($0) }
        let queue = QueueController(app: environment)
        signedIn.get("queue") { try await queue.show($0) }
        let accounts = AccountController(app: environment)
        signedIn.get("accounts") { try await accounts.search($0) }
        signedIn.get("accounts", ":id") { try await accounts.show($0) }
        let statements = StatementController(app: environment)
        signedIn.get("accounts", ":id", "statement") { try await statements.show($0) }
        signedIn.post("accounts", ":id", "interactions") { try await accounts.logTouch($0) }
        let agreements = AccountActionsController(app: environment)
        signedIn.post("accounts", ":id", "promises") { try await agreements.promise($0) }
        signedIn.post("accounts", ":id", "arrangements") { try await agreements.arrangement($0) }
        signedIn.post("accounts", ":id", "billing-changes") { try await agreements.billingChange($0) }
        signedIn.post("accounts", ":id", "change-requests") { try await agreements.changeRequest($0) }
        let invoices = InvoiceController(app: environment)
        signedIn.get("invoices", ":id") { try await invoices.show($0) }
        let cases = CaseController(app: environment)
        signedIn.get("cases") { try await cases.list($0) }
        signedIn.post("cases") { try await cases.open($0) }
        signedIn.get("cases", ":id") { try await cases.show($0) }
        for action in ["route", "start", "wait", "resolve", "close", "reopen", "comment"] {
            signedIn.post("cases", ":id", PathComponent(stringLiteral: action)) { try await cases.move($0, action: action) }
        }
        let followUps = FollowUpController(app: environment)
        signedIn.get("followups") { try await followUps.list($0) }
        signedIn.post("followups", ":id", "done") { try await followUps.done($0) }
        let imports = ImportController(app: environment)
        signedIn.get("imports") { try await imports.form($0) }
        signedIn.on(.POST, "imports", body: .collect(maxSize: ByteCount(value: uploadLimit))) { try await imports.upload($0) }
        let audit = AuditController(app: environment)
        signedIn.get("audit") { try await audit.list($0) }
        let promises = PromiseController(app: environment)
        signedIn.get("promises") { try await promises.list($0) }
        let cash = CashController(app: environment)
        signedIn.get("cash") { try await cash.list($0) }
        signedIn.post("cash", ":detail", "apply") { try await cash.apply($0) }
        signedIn.post("cash", ":detail", "reject") { try await cash.reject($0) }
        let playbook = PlaybookController(playbook: .standard)
        let users = UsersController(app: environment)
        signedIn.get("settings", "playbook") { try await playbook.show($0) }
        signedIn.get("settings", "users") { try await users.list($0) }
        signedIn.post("settings", "users") { try await users.add($0) }
        for action in ["disable", "enable", "password"] {
            signedIn.post("settings", "users", ":username", PathComponent(stringLiteral: action)) { try await users.change($0, action) }
        }
        let changeRequests = ChangeRequestController(app: environment)
        signedIn.get("change-requests") { try await changeRequests.list($0) }
        signedIn.post("change-requests", ":id", "apply") { try await changeRequests.apply($0) }
        let correctiveActions = CorrectiveActionController(app: environment)
        signedIn.get("corrective-actions") { try await correctiveActions.list($0) }
        let reports = ReportsController(app: environment)
        signedIn.get("reports") { request async throws -> Response in request.redirect(to: "/reports/metrics") }
        signedIn.get("reports", "metrics") { try await reports.metrics($0) }
        signedIn.get("reports", "aging") { try await reports.aging($0) }
        signedIn.get("reports", "trend") { try await reports.trend($0) }
        signedIn.get("reports", "root-causes") { try await reports.rootCauses($0) }
        signedIn.get("reports", "productivity") { try await reports.productivity($0) }
        signedIn.get("reports", "retention") { try await reports.retention($0) }
    }
}
