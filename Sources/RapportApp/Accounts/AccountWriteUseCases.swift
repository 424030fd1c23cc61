import RapportCore

extension AccountUseCases {
    /// Creates `account` or replaces the stored account of its id (the API's `PUT /accounts/{id}`),
    /// checked by Core's `AccountWrite`; an update that moves the account to another segment or
    /// specialist moves its reporting summaries with it. Audited as `account.create` or
    /// `account.update` (the changed fields before and after).
    public func put(_ account: Account) async throws -> AccountWrite {
        let repositories = env.repositories
        let stored = try await repositories.accounts.fetchAccounts([account.id]).first
        let write = try AccountWrite(proposed: account, stored: stored, parentChain: try await ancestry(of: account.parentID))
        switch write.outcome {
        case .unchanged:
            break
        case .create:
            try await repositories.accounts.insertAccounts([write.account], progress: nil)
            let columns = AccountWrite.fields.map(\.column)
            try await env.audit.record("account.create", entity: "account", id: account.id.rawValue,
                                       after: AccountWrite.describe(write.account, columns))
        case .update(let changed):
            try await repositories.accounts.updateAccount(write.account, regroup: write.regroups)
            try await env.audit.record("account.update", entity: "account", id: account.id.rawValue,
                                       before: AccountWrite.describe(stored!, changed), after: AccountWrite.describe(write.account, changed))
        }
        return write
    }

    /// The stored ancestry of `parent`, nearest first, stopping at a repeat (a loop) or an unknown id.
    private func ancestry(of parent: Account.ID?) async throws -> [Account.ID] {
        var chain: [Account.ID] = []
        var next = parent
        while let id = next, !chain.contains(id), let account = try await env.repositories.accounts.fetchAccounts([id]).first {
            chain.append(id)
            next = account.parentID
        }
        return chain
    }
}
