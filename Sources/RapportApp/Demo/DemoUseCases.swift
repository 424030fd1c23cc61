import RapportCore

/// The demo company: a simulated ledger written to an empty database.
public struct DemoUseCases: Sendable {
    let env: AppEnvironment

    /// Writes `ledger` and `users`; refuses a database that already holds accounts.
    public func write(_ ledger: SimulatedLedger, users: [User], progress: @escaping @Sendable (String) -> Void) async throws {
        guard try await env.repositories.accounts.countAccounts() == 0 else {
            throw AppError.conflict("the database already holds accounts: the demo needs an empty database")
        }
        try await env.repositories.demo.write(ledger, users: users, progress: progress)
    }
}

extension DemoUseCases {
    /// The demo's people: the manager, the specialists and one member of each department.
    public static func users(_ specialists: [String]) -> [User] {
        [User(id: "lori", displayName: "Lori (client relations manager)", role: .manager, department: .clientRelations)]
            + specialists.map { User(id: User.ID($0), displayName: $0.capitalized, role: .specialist, department: .clientRelations) }
            + [Department.installation, .billing, .sales, .service, .customerCare].map { department in
                User(id: User.ID("\(department.rawValue)-desk"), displayName: "\(department.rawValue) desk", role: .department,
                     department: department)
            }
            + [User(id: "admin", displayName: "Rapport administrator", role: .admin)]
    }
}

extension AppEnvironment {
    /// The demo company.
    public var demo: DemoUseCases { DemoUseCases(env: self) }
}
