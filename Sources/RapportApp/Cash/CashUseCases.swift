import Foundation
import RapportCore
import RapportImport
import RapportStore

/// Cash application: store what a bank file says, run the matcher over what waits, apply what it
/// is sure of (payments allocated like the CSV import, write-offs, dispute cases), and let a
/// person decide the rest.
public struct CashUseCases: Sendable {
    let env: AppEnvironment

    /// What `rapport import bank` did.
    public struct ImportResult: Sendable, Equatable {
        public var file: String
        /// Set when the same file (same bytes) was imported before.
        public var alreadyImportedAs: String?
        public var detailsRead = 0
        public var detailsNew = 0
        public var applied = 0
        public var waiting = 0
        public var pending = 0
        public var outgoing = 0
        public var paymentsWritten = 0
        public var writeOffs = 0
        public var disputes = 0
        public var warnings: [String] = []

        /// "statement.xml: 32 details (32 new): 25 applied, 5 waiting for a person, 2 pending, 0 outgoing; 30 payments, 1 write-off, 1 dispute".
        public var line: String {
            "\(file): \(detailsRead) details (\(detailsNew) new)" + (alreadyImportedAs.map { ", the file was imported before as \($0)" } ?? "")
                + ": \(applied) applied, \(waiting) waiting for a person, \(pending) pending, \(outgoing) outgoing or reversed; "
                + "\(paymentsWritten) payments, \(writeOffs) write-offs, \(disputes) dispute cases"
        }
    }

    /// Stores the statements of the bank file at `path` (nothing new for a file or an entry seen
    /// before) and proposes a match for every booked incoming detail still waiting; with `apply`,
    /// applies the proposals that are automatic.
    public func importFile(path: String, apply: Bool, rules: CashMatchingRules = CashMatchingRules()) async throws -> ImportResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BankReadError(file: path, line: nil, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")
        }
        let bytes = Array(data)
        let file = try BankFileReader.read(bytes, file: path)
        let bank = env.repositories.bank
        var result = ImportResult(file: path, warnings: file.warnings)
        let hash = SecretTokens.digest("bank-file", body: bytes)
        var items: [(key: String, item: CashItem)] = []
        for statement in file.statements {
            for (entryIndex, entry) in statement.entries.enumerated() {
                for (detailIndex, detail) in entry.details.enumerated() {
                    let fallback = "\(statement.id ?? "-")#\(entryIndex)"
                    items.append((CashItem.entryKey(account: statement.account, entry: entry, detailIndex: detailIndex, fallback: fallback),
                                  CashItem(id: "", fileID: "", statementAccount: statement.account, bookedOn: entry.bookedOn, valueOn: entry.valueOn,
                                           status: entry.status, reversal: entry.reversal, bankReference: entry.bankReference,
                                           transactionCode: entry.transactionCode, detail: detail, state: CashItem.state(of: entry, detail: detail))))
                }
            }
        }
        result.detailsRead = items.count
        if let known = try await bank.fetchFileID(contentHash: hash) {
            result.alreadyImportedAs = known
        } else {
            let stored = try await bank.insertFile(NewBankFile(
                contentHash: hash, name: (path as NSString).lastPathComponent, format: file.format, statements: file.statements.count,
                importedAt: env.now, importedBy: env.actor, items: items))
            result.detailsNew = stored.count
            if !stored.isEmpty {
                try await env.audit.record("bank.import", entity: "bank_file", id: stored[0].fileID,
                                           after: "\(path): \(stored.count) new details of \(items.count)")
            }
            for item in stored where item.state == .pending { result.pending += 1 }
            for item in stored where item.state == .outgoing { result.outgoing += 1 }
        }
        try await match(apply: apply, rules: rules, into: &result)
        return result
    }

    /// The details waiting for a person, with what the matcher proposed.
    public func exceptions() async throws -> [CashItem] {
        try await env.repositories.bank.fetchItems(states: [.waiting])
    }

    /// The `limit` latest applied details, newest first.
    public func applied(limit: Int) async throws -> [CashItem] {
        Array(try await env.repositories.bank.fetchItems(states: [.applied]).reversed().prefix(limit))
    }

    /// Applies waiting detail `id` to the invoices a person chose; teaches the payer's bank account.
    public func apply(_ id: String, invoices: [Invoice.ID]) async throws -> CashItem {
        let item = try await waitingItem(id)
        let open = try await env.repositories.bank.fetchOpenInvoices()
        let matcher = CashMatcher(invoices: open, payers: [])
        let proposal: CashProposal
        switch matcher.proposal(for: item.detail, paying: invoices, by: env.actor) {
        case .success(let made): proposal = made
        case .failure(let error): throw AppError.invalid("cannot apply \(id): \(error)")
        }
        var result = ImportResult(file: item.fileID)
        try await post([(item, proposal)], open: open, into: &result)
        return try await env.repositories.bank.fetchItem(id)!
    }

    /// Marks waiting detail `id` as not to be applied.
    public func reject(_ id: String) async throws -> CashItem {
        let item = try await waitingItem(id)
        try await env.repositories.bank.updateItem(id, state: .rejected, proposal: item.proposal, decidedBy: env.actor, at: env.now)
        try await env.audit.record("cash.reject", entity: "bank_detail", id: id, before: item.state.rawValue, after: CashItem.State.rejected.rawValue)
        return try await env.repositories.bank.fetchItem(id)!
    }

    private func waitingItem(_ id: String) async throws -> CashItem {
        guard let item = try await env.repositories.bank.fetchItem(id) else { throw AppError.notFound("unknown bank detail \(id)") }
        guard item.state == .waiting else { throw AppError.conflict("bank detail \(id) is \(item.state.rawValue), not waiting") }
        return item
    }

    /// Runs the matcher over every waiting detail, oldest first; applies the automatic proposals when `apply`.
    private func match(apply: Bool, rules: CashMatchingRules, into result: inout ImportResult) async throws {
        let bank = env.repositories.bank
        let waiting = try await bank.fetchItems(states: [.waiting])
        guard !waiting.isEmpty else { return }
        let open = try await bank.fetchOpenInvoices()
        var matcher = CashMatcher(invoices: open, payers: try await bank.fetchPayers(), rules: rules)
        var sure: [(CashItem, CashProposal)] = []
        for item in waiting {
            let proposal = apply ? matcher.match(item.detail) : matcher.propose(item.detail)
            if apply && proposal.automatic {
                sure.append((item, proposal))
            } else {
                result.waiting += 1
                if item.proposal != proposal { try await bank.updateItem(item.id, state: .waiting, proposal: proposal, decidedBy: nil, at: nil) }
            }
        }
        try await post(sure, open: open, into: &result)
    }

    /// Writes what `decisions` pay: one payment per invoice (and one for the excess), a credit memo
    /// per write-off, a dispute case per shortfall; marks each detail applied and learns its bank account.
    /// `open` are the open invoices the proposals were made from (they name each invoice's account).
    private func post(_ decisions: [(CashItem, CashProposal)], open: [OpenInvoiceForCash], into result: inout ImportResult) async throws {
        guard !decisions.isEmpty else { return }
        var payments = CSVWriter()
        payments.append(["payment_id", "account_id", "received_on", "amount", "currency", "invoice_id", "method"])
        var memos = CSVWriter()
        memos.append(["credit_memo_id", "account_id", "issued_on", "amount", "currency", "invoice_id", "reason"])
        var accountOf: [Invoice.ID: Account.ID] = [:]
        for invoice in open { accountOf[invoice.id] = invoice.accountID }
        var paymentCount = 0
        var memoCount = 0
        for (item, proposal) in decisions {
            let day = (item.bookedOn ?? item.valueOn ?? env.today).isoString
            for (index, allocation) in proposal.allocations.enumerated() {
                let account = try owner(of: allocation.invoiceID, accountOf, proposal, item)
                payments.append(["\(item.id)-\(index + 1)", account.rawValue, day, allocation.amount.decimalString,
                                 allocation.amount.currency.code, allocation.invoiceID.rawValue, "bank"])
                paymentCount += 1
            }
            if let excess = proposal.unapplied, let account = proposal.accountID {
                payments.append(["\(item.id)-U", account.rawValue, day, excess.decimalString, excess.currency.code, "", "bank"])
                paymentCount += 1
            }
            if let writeOff = proposal.writeOff {
                let account = try owner(of: writeOff.invoiceID, accountOf, proposal, item)
                memos.append(["\(item.id)-W", account.rawValue, day, writeOff.amount.decimalString, writeOff.amount.currency.code,
                              writeOff.invoiceID.rawValue, "short payment written off (bank detail \(item.id))"])
                memoCount += 1
            }
        }
        if paymentCount > 0 {
            result.paymentsWritten += try await env.imports.importText(.payments, csv: Array(payments.text.utf8), name: "bank payments").rowsWritten
        }
        if memoCount > 0 {
            result.writeOffs += try await env.imports.importText(.creditMemos, csv: Array(memos.text.utf8), name: "bank write-offs").rowsWritten
        }
        for (item, proposal) in decisions {
            if let shortfall = proposal.shortfall {
                let account = try owner(of: shortfall.invoiceID, accountOf, proposal, item)
                let paid = proposal.allocations.first { $0.invoiceID == shortfall.invoiceID }?.amount.decimalString ?? "0"
                _ = try await env.cases.open(.init(
                    accountID: account, category: .dispute, invoiceIDs: [shortfall.invoiceID], amount: shortfall.amount.decimalString,
                    currency: shortfall.amount.currency.code,
                    notes: "Paid \(paid) of invoice \(shortfall.invoiceID) by bank (detail \(item.id)): \(shortfall.amount.decimalString) short. Call the customer today.",
                    on: item.bookedOn))
                result.disputes += 1
            }
            try await env.repositories.bank.updateItem(item.id, state: .applied, proposal: proposal, decidedBy: env.actor, at: env.now)
            try await env.audit.record("cash.apply", entity: "bank_detail", id: item.id, before: item.state.rawValue,
                                       after: proposal.evidence.joined(separator: "; "))
            if let payerAccount = item.detail.debtorAccount, let account = proposal.accountID {
                try await env.repositories.bank.insertBankAccount(BankAccountNumber.normalized(payerAccount), accountID: account, source: "learned")
            }
            result.applied += 1
        }
    }
}

extension CashUseCases {
    /// The account an allocation's invoice belongs to (it may have been paid since it was proposed).
    private func owner(
        of invoice: Invoice.ID, _ accountOf: [Invoice.ID: Account.ID], _ proposal: CashProposal, _ item: CashItem
    ) throws -> Account.ID {
        guard let account = accountOf[invoice] ?? proposal.accountID else {
            throw AppError.conflict("bank detail \(item.id): invoice \(invoice) is no longer open")
        }
        return account
    }
}

extension AppEnvironment {
    /// Bank files and cash application.
    public var cash: CashUseCases { CashUseCases(env: self) }
}
