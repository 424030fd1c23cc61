import FluentKit
import RapportCore
import SQLKit

/// `BankRepository` on SQLite or PostgreSQL.
public struct FluentBankRepository: BankRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func fetchFileID(contentHash: String) async throws -> String? {
        try await sql.select().column("id").from("bank_files").where("content_hash", .equal, contentHash).rows().first?.text("id")
    }

    public func insertFile(_ file: NewBankFile) async throws -> [CashItem] {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            let sequences = FluentSequenceRepository(database: tx)
            let fileID = "BF" + Self.pad(try await sequences.nextValue("bank_file"))
            try await sql.insert(into: "bank_files")
                .columns("id", "content_hash", "name", "format", "statements", "imported_at", "imported_by")
                .values(SQLBind(fileID), SQLBind(file.contentHash), SQLBind(file.name), SQLBind(file.format.rawValue),
                        SQLBind(file.statements), SQLBind(file.importedAt.secondsSinceEpoch), SQLBind(file.importedBy))
                .run()
            var known = Set<String>()
            for chunk in stride(from: 0, to: file.items.count, by: 500).map({ Array(file.items[$0..<min($0 + 500, file.items.count)]) }) {
                let rows = try await sql.select().column("entry_key").from("bank_details").where("entry_key", .in, chunk.map(\.key)).rows()
                for row in rows { known.insert(try row.text("entry_key")) }
            }
            var stored: [CashItem] = []
            for (key, item) in file.items where !known.contains(key) {
                known.insert(key)
                var item = item
                item.id = "BD" + Self.pad(try await sequences.nextValue("bank_detail"))
                item.fileID = fileID
                try await insert(item, key: key, sql)
                stored.append(item)
            }
            try await ChangeVersion.bump(sql)
            return stored
        }
    }

    private func insert(_ item: CashItem, key: String, _ sql: any SQLDatabase) async throws {
        let detail = item.detail
        let references = detail.creditorReferences.map { CashProposalRecord.Reference(type: $0.type, value: $0.value, valid: $0.valid) }
        try await sql.insert(into: "bank_details")
            .columns("id", "file_id", "entry_key", "statement_account", "amount", "currency", "booked_on", "value_on", "status",
                     "reversal", "bank_reference", "transaction_code", "end_to_end_id", "creditor_references", "remittance",
                     "debtor_name", "debtor_account", "return_reason", "state", "rule", "confidence", "evidence", "account_id",
                     "proposal", "decided_by", "decided_at")
            .values(SQLBind(item.id), SQLBind(item.fileID), SQLBind(key), SQLBind(item.statementAccount),
                    SQLBind(detail.amount.minorUnits), SQLBind(detail.amount.currency.code), SQLBind(item.bookedOn?.isoString),
                    SQLBind(item.valueOn?.isoString), SQLBind(item.status.rawValue), SQLBind(item.reversal ? 1 : 0),
                    SQLBind(item.bankReference), SQLBind(item.transactionCode), SQLBind(detail.endToEndID),
                    SQLBind(try CashProposalRecord.encode(references)), SQLBind(try CashProposalRecord.encode(detail.remittance)),
                    SQLBind(detail.debtorName), SQLBind(detail.debtorAccount), SQLBind(detail.returnReason), SQLBind(item.state.rawValue),
                    SQLBind(item.proposal?.rule.rawValue), SQLBind(item.proposal?.confidence),
                    SQLBind(item.proposal?.evidence.joined(separator: "\n") ?? ""), SQLBind(item.proposal?.accountID?.rawValue),
                    SQLBind(try item.proposal.map { try CashProposalRecord.encode(CashProposalRecord($0)) } ?? ""),
                    SQLBind(item.decidedBy), SQLBind(item.decidedAt?.secondsSinceEpoch))
            .run()
    }

    public func fetchItems(states: Set<CashItem.State>) async throws -> [CashItem] {
        try await sql.select().column("*").from("bank_details").where("state", .in, states.map(\.rawValue).sorted())
            .orderBy("booked_on").orderBy("id").rows().map(Self.item)
    }

    public func fetchItem(_ id: String) async throws -> CashItem? {
        try await sql.select().column("*").from("bank_details").where("id", .equal, id).rows().first.map(Self.item)
    }

    public func updateItem(_ id: String, state: CashItem.State, proposal: CashProposal?, decidedBy: String?, at: Instant?) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.update("bank_details")
                .set("state", to: state.rawValue)
                .set("rule", to: SQLBind(proposal?.rule.rawValue))
                .set("confidence", to: SQLBind(proposal?.confidence))
                .set("evidence", to: proposal?.evidence.joined(separator: "\n") ?? "")
                .set("account_id", to: SQLBind(proposal?.accountID?.rawValue))
                .set("proposal", to: try proposal.map { try CashProposalRecord.encode(CashProposalRecord($0)) } ?? "")
                .set("decided_by", to: SQLBind(decidedBy))
                .set("decided_at", to: SQLBind(at?.secondsSinceEpoch))
                .where("id", .equal, id).run()
            try await ChangeVersion.bump(sql)
        }
    }

    public func fetchBankAccounts() async throws -> [(bankAccount: String, accountID: Account.ID)] {
        try await sql.select().column("bank_account").column("account_id").from("bank_accounts").rows().map {
            (try $0.text("bank_account"), Account.ID(try $0.text("account_id")))
        }
    }

    public func insertBankAccount(_ bankAccount: String, accountID: Account.ID, source: String) async throws {
        let conflict = sql.dialect.name == "sqlite" ? "INSERT OR IGNORE INTO" : "INSERT INTO"
        let suffix = sql.dialect.name == "sqlite" ? "" : " ON CONFLICT DO NOTHING"
        try await sql.raw("\(unsafeRaw: conflict) bank_accounts (bank_account, account_id, source) VALUES (\(bind: bankAccount), \(bind: accountID.rawValue), \(bind: source))\(unsafeRaw: suffix)").run()
    }

    public func fetchOpenInvoices() async throws -> [OpenInvoiceForCash] {
        try await sql.raw("""
            SELECT ref_id, account_id, currency, day, open_minor FROM open_items WHERE kind = 'invoice' AND open_minor > 0
            """).rows().map {
            OpenInvoiceForCash(
                id: Invoice.ID(try $0.text("ref_id")), accountID: Account.ID(try $0.text("account_id")),
                open: Money(minorUnits: try $0.integer("open_minor"), currency: try Currency(try $0.text("currency"))), issueDate: try $0.day("day"))
        }
    }

    public func fetchPayers() async throws -> [PayerForCash] {
        var accounts: [Account.ID: Set<String>] = [:]
        for (bankAccount, id) in try await fetchBankAccounts() { accounts[id, default: []].insert(bankAccount) }
        return try await sql.raw("SELECT id, name, parent_id FROM accounts").rows().map {
            let id = Account.ID(try $0.text("id"))
            return PayerForCash(accountID: id, name: try $0.text("name"), parentID: try $0.optionalText("parent_id").map { Account.ID($0) },
                                bankAccounts: accounts[id] ?? [])
        }
    }

    private static func item(_ row: Cells) throws -> CashItem {
        let id = try row.text("id")
        let currency = try Currency(try row.text("currency"))
        let references = try CashProposalRecord.decode([CashProposalRecord.Reference].self, try row.text("creditor_references"))
        var reference = references.map { CreditorReference(type: $0.type, value: $0.value) }
        for index in reference.indices { reference[index].valid = references[index].valid }
        let detail = BankDetail(
            amount: Money(minorUnits: try row.integer("amount"), currency: currency), endToEndID: try row.optionalText("end_to_end_id"),
            creditorReferences: reference, remittance: try CashProposalRecord.decode([String].self, try row.text("remittance")),
            debtorName: try row.optionalText("debtor_name"), debtorAccount: try row.optionalText("debtor_account"),
            returnReason: try row.optionalText("return_reason"))
        guard let state = CashItem.State(rawValue: try row.text("state")), let status = BankEntry.Status(rawValue: try row.text("status")) else {
            throw CorruptRecord(table: "bank_details", id: id, reason: "unknown state or status")
        }
        let proposalText = try row.text("proposal")
        return CashItem(
            id: id, fileID: try row.text("file_id"), statementAccount: try row.text("statement_account"),
            bookedOn: try row.optionalDay("booked_on"), valueOn: try row.optionalDay("value_on"), status: status,
            reversal: try row.integer("reversal") != 0, bankReference: try row.optionalText("bank_reference"),
            transactionCode: try row.optionalText("transaction_code"), detail: detail, state: state,
            proposal: proposalText.isEmpty ? nil : try CashProposalRecord.decode(CashProposalRecord.self, proposalText).toDomain(),
            decidedBy: try row.optionalText("decided_by"), decidedAt: try row.optionalInteger("decided_at").map(Instant.init(secondsSinceEpoch:)))
    }

    private static func pad(_ value: Int64) -> String {
        let text = String(value)
        return text.count >= 6 ? text : String(repeating: "0", count: 6 - text.count) + text
    }
}
