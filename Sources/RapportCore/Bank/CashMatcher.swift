/// The cash-application ladder: a pure, deterministic function from one bank detail and the open
/// invoices and known payers to a proposal with its evidence.
///
/// 1. a valid structured reference equal to an invoice's number; 2. invoice numbers (or the
/// end-to-end id) in the remittance text; 3. the customer identified (a known bank account, its
/// customer number in the text, its name) and one open invoice of exactly the amount; 4. the
/// customer and the one combination of its open invoices that adds up exactly; 5. what is left
/// stays unapplied on the customer, or in suspense when the payer is unknown. Steps 1–2 settle the
/// residual: a short payment within tolerance is written off, beyond it disputed; an overpayment
/// leaves the excess unapplied. Ambiguity (two invoices of the amount, two combinations, invoices of
/// another customer) is never automatic. Applied proposals consume what they pay, so a later
/// detail of the same file cannot pay the same invoice again.
public struct CashMatcher: Sendable {
    public let rules: CashMatchingRules
    private var open: [Invoice.ID: OpenInvoiceForCash] = [:]
    private var byCompact: [String: [Invoice.ID]] = [:]
    private var byDigits: [String: [Invoice.ID]] = [:]
    private var byAccount: [Account.ID: [Invoice.ID]] = [:]
    private var payers: [Account.ID: PayerForCash] = [:]
    private var children: [Account.ID: [Account.ID]] = [:]
    private var byBankAccount: [String: Set<Account.ID>] = [:]
    private var byName: [String: Set<Account.ID>] = [:]
    private var byCustomerNumber: [String: Account.ID] = [:]

    public init(invoices: [OpenInvoiceForCash], payers: [PayerForCash], rules: CashMatchingRules = CashMatchingRules()) {
        self.rules = rules
        for invoice in invoices.sorted(by: { ($0.issueDate, $0.id) < ($1.issueDate, $1.id) }) where invoice.open.isPositive {
            open[invoice.id] = invoice
            byCompact[CashText.compact(invoice.id.rawValue), default: []].append(invoice.id)
            let digits = CashText.digits(invoice.id.rawValue)
            if digits.count >= 4 { byDigits[String(digits.drop { $0 == "0" }), default: []].append(invoice.id) }
            byAccount[invoice.accountID, default: []].append(invoice.id)
        }
        for payer in payers {
            self.payers[payer.accountID] = payer
            if let parent = payer.parentID { children[parent, default: []].append(payer.accountID) }
            for account in payer.bankAccounts { byBankAccount[CashText.compact(account), default: []].insert(payer.accountID) }
            byName[CashText.nameKey(payer.name), default: []].insert(payer.accountID)
            let number = CashText.compact(payer.accountID.rawValue)
            if number.count >= 4 { byCustomerNumber[number] = payer.accountID }
        }
    }

    /// The proposal for `detail`; an automatic one is taken off the open invoices it pays.
    public mutating func match(_ detail: BankDetail) -> CashProposal {
        let proposal = propose(detail)
        if proposal.automatic { consume(proposal) }
        return proposal
    }

    /// Takes what `proposal` pays (and writes off) off the open invoices — for a person's decision too.
    public mutating func consume(_ proposal: CashProposal) {
        for allocation in proposal.allocations + [proposal.writeOff].compactMap({ $0 }) {
            guard var invoice = open[allocation.invoiceID] else { continue }
            invoice.open = Money(minorUnits: invoice.open.minorUnits - allocation.amount.minorUnits, currency: invoice.open.currency)
            open[allocation.invoiceID] = invoice.open.isPositive ? invoice : nil
        }
    }

    /// The proposal for `detail`, changing nothing.
    public func propose(_ detail: BankDetail) -> CashProposal {
        let amount = detail.amount
        guard amount.isPositive else {
            return CashProposal(rule: .residual, accountID: nil, confidence: 0, evidence: ["not incoming money (\(amount.decimalString) \(amount.currency))"], automatic: false)
        }
        let payer = identify(detail)
        var evidence = payer.map { [$0.how] } ?? []
        // Step 1: structured references.
        var referenced: [OpenInvoiceForCash] = []
        // An ISO 11649 reference written into the text (formats without a structured field, such as BAI2) counts as one.
        let written = (detail.remittance + [detail.endToEndID].compactMap { $0 }).flatMap { CashText.rfReferences(in: $0) }
            .map { CreditorReference(type: "RF in the text", value: $0) }
        for reference in detail.creditorReferences + written {
            if reference.valid == false {
                evidence.append("reference \(reference.value) has a wrong check digit; not used")
                continue
            }
            if let invoice = invoiceNamed(byReference: reference, currency: amount.currency, payer: payer?.accountID) {
                if !referenced.contains(invoice) { referenced.append(invoice) }
                evidence.append("structured reference \(reference.value)\(reference.valid == true ? " (check digit valid)" : "") is invoice \(invoice.id)")
            }
        }
        if !referenced.isEmpty { return settle(detail, named: referenced, rule: .structuredReference, payer: payer, evidence: evidence) }
        // Step 2: invoice numbers in the text.
        var mentioned: [OpenInvoiceForCash] = []
        var unknown: [String] = []
        for text in detail.remittance + [detail.endToEndID].compactMap({ $0 }) {
            let mentions = CashText.mentions(text)
            var named = mentions.compact.compactMap { unique(byCompact[$0], currency: amount.currency) }
            for run in mentions.digits {
                if let invoice = unique(byDigits[String(run.drop { $0 == "0" })], currency: amount.currency, preferring: payer?.accountID),
                   !named.contains(invoice) {
                    named.append(invoice)
                }
            }
            for invoice in named where !mentioned.contains(invoice) {
                mentioned.append(invoice)
                evidence.append("the text \"\(text)\" names invoice \(invoice.id)")
            }
            if named.isEmpty, let first = mentions.compact.first { unknown.append(first) }
        }
        if !mentioned.isEmpty {
            let named = settle(detail, named: mentioned, rule: .invoiceNumber, payer: payer, evidence: evidence)
            // A number of another customer's invoice, of another amount, from a payer known by its bank account who
            // owes exactly the amount once: a mistyped number. The account and the amount decide.
            if !named.automatic, let payer, payer.confidence >= 90,
               mentioned.allSatisfy({ root(of: $0.accountID) != root(of: payer.accountID) }),
               mentioned.reduce(0, { $0 + $1.open.minorUnits }) != amount.minorUnits {
                let own = byAmount(detail, payer: payer, evidence: evidence + [
                    "the text names \(mentioned.map(\.id.rawValue).joined(separator: ", ")) of another customer and another amount: read as a mistyped number",
                ])
                if own.automatic && own.rule == .customerAndAmount { return own }
            }
            return named
        }
        if !unknown.isEmpty { evidence.append("the text mentions \(unknown.joined(separator: ", ")), which is no open invoice") }
        guard let payer else {
            return CashProposal(rule: .residual, accountID: nil, confidence: 0,
                                evidence: evidence + ["no reference, invoice number, known bank account, customer number or name identifies the payer: suspense"],
                                automatic: false)
        }
        return byAmount(detail, payer: payer, evidence: evidence)
    }

    /// What applying `detail` to the invoices a person chose gives (oldest first, with the same
    /// write-off, dispute and excess rules as a named invoice); nil with the reason when one of
    /// them is not open in the detail's currency.
    public func proposal(for detail: BankDetail, paying invoiceIDs: [Invoice.ID], by person: String) -> Result<CashProposal, CashDecisionError> {
        guard detail.amount.isPositive else { return .failure(.notIncoming) }
        var chosen: [OpenInvoiceForCash] = []
        for id in invoiceIDs {
            guard let invoice = open[id], invoice.open.currency == detail.amount.currency else {
                return .failure(.notOpen(id, currency: detail.amount.currency))
            }
            if !chosen.contains(invoice) { chosen.append(invoice) }
        }
        guard !chosen.isEmpty else { return .failure(.noInvoice) }
        var proposal = settle(detail, named: chosen, rule: .person, payer: nil, evidence: ["\(person) chose \(chosen.map(\.id.rawValue).joined(separator: ", "))"])
        proposal.automatic = false
        proposal.confidence = 100
        proposal.candidates = []
        return .success(proposal)
    }

    // MARK: the steps

    /// Steps 3 and 4, then the residual: the customer is known, no invoice is named.
    private func byAmount(_ detail: BankDetail, payer: (accountID: Account.ID, how: String, confidence: Int), evidence: [String]) -> CashProposal {
        let amount = detail.amount
        let invoices = family(of: payer.accountID).flatMap { byAccount[$0] ?? [] }.compactMap { open[$0] }
            .filter { $0.open.currency == amount.currency }.sorted { ($0.issueDate, $0.id) < ($1.issueDate, $1.id) }
        let exact = invoices.filter { $0.open == amount }
        if exact.count == 1 {
            return CashProposal(
                rule: .customerAndAmount, accountID: exact[0].accountID, allocations: [.init(invoiceID: exact[0].id, amount: amount)],
                confidence: payer.confidence, evidence: evidence + ["invoice \(exact[0].id) is the customer's one open invoice of exactly \(amount.decimalString) \(amount.currency)"],
                automatic: CashProposal.Rule.customerAndAmount.rawValue <= rules.autoApplyThrough)
        }
        if exact.count > 1 {
            return CashProposal(
                rule: .customerAndAmount, accountID: payer.accountID, unapplied: amount, confidence: 40,
                evidence: evidence + ["\(exact.count) open invoices of exactly \(amount.decimalString) \(amount.currency) (\(exact.map(\.id.rawValue).joined(separator: ", "))): a person decides"],
                automatic: false,
                candidates: exact.map { .init(invoiceIDs: [$0.id], confidence: 40, evidence: "open \(amount.decimalString), issued \($0.issueDate)") })
        }
        let combinations = InvoiceCombinations.exact(Array(invoices.prefix(rules.combinationInvoices)), adding: amount.minorUnits, size: rules.combinationSize)
        if combinations.count == 1 {
            let set = combinations[0]
            return CashProposal(
                rule: .customerAndCombination, accountID: payer.accountID, allocations: set.map { .init(invoiceID: $0.id, amount: $0.open) },
                confidence: min(payer.confidence, 75),
                evidence: evidence + ["invoices \(set.map(\.id.rawValue).joined(separator: " + ")) add up to exactly \(amount.decimalString) \(amount.currency), and no other set does"],
                automatic: CashProposal.Rule.customerAndCombination.rawValue <= rules.autoApplyThrough)
        }
        if combinations.count > 1 {
            return CashProposal(
                rule: .customerAndCombination, accountID: payer.accountID, unapplied: amount, confidence: 30,
                evidence: evidence + ["several sets of open invoices add up to \(amount.decimalString) \(amount.currency): a person decides"],
                automatic: false,
                candidates: combinations.map { .init(invoiceIDs: $0.map(\.id), confidence: 30, evidence: "adds up exactly, oldest first") })
        }
        let near = invoices.filter { $0.open.minorUnits > amount.minorUnits }.prefix(3)
        return CashProposal(
            rule: .residual, accountID: payer.accountID, unapplied: amount, confidence: 0,
            evidence: evidence + ["no open invoice or set of them of exactly \(amount.decimalString) \(amount.currency): unapplied cash on the customer"],
            automatic: false,
            candidates: near.map { .init(invoiceIDs: [$0.id], confidence: 10, evidence: "open \($0.open.decimalString), more than paid") })
    }

    /// Steps 1 and 2 with their residual: the named invoices, oldest first, are paid in full while the money lasts.
    private func settle(
        _ detail: BankDetail, named: [OpenInvoiceForCash], rule: CashProposal.Rule,
        payer: (accountID: Account.ID, how: String, confidence: Int)?, evidence: [String]
    ) -> CashProposal {
        var evidence = evidence
        let invoices = named.sorted { ($0.issueDate, $0.id) < ($1.issueDate, $1.id) }
        let owners = Set(invoices.map { root(of: $0.accountID) })
        var conflict = owners.count > 1
        if conflict { evidence.append("the invoices named belong to different customers") }
        if let payer, !owners.contains(root(of: payer.accountID)) {
            conflict = true
            evidence.append("the invoices named are not the paying customer's (\(payer.accountID))")
        }
        var remaining = detail.amount.minorUnits
        var allocations: [CashProposal.Allocation] = []
        var writeOff: CashProposal.Allocation?
        var shortfall: CashProposal.Allocation?
        for invoice in invoices where remaining > 0 {
            let paid = min(remaining, invoice.open.minorUnits)
            remaining -= paid
            allocations.append(.init(invoiceID: invoice.id, amount: Money(minorUnits: paid, currency: invoice.open.currency)))
            let short = Money(minorUnits: invoice.open.minorUnits - paid, currency: invoice.open.currency)
            guard short.isPositive else { continue }
            if rules.writesOff(short, of: invoice.open) {
                writeOff = .init(invoiceID: invoice.id, amount: short)
                evidence.append("\(short.decimalString) short on \(invoice.id), within the tolerance: written off")
            } else {
                shortfall = .init(invoiceID: invoice.id, amount: short)
                evidence.append("\(short.decimalString) short on \(invoice.id): the invoice stays open for it and a dispute case opens")
            }
        }
        let unpaid = invoices.filter { invoice in !allocations.contains { $0.invoiceID == invoice.id } }
        if !unpaid.isEmpty { evidence.append("nothing left for \(unpaid.map(\.id.rawValue).joined(separator: ", ")), also named") }
        let excess = remaining > 0 ? Money(minorUnits: remaining, currency: detail.amount.currency) : nil
        if let excess { evidence.append("\(excess.decimalString) more than the invoices named: unapplied on the customer") }
        let confidence = rule == .structuredReference ? 99 : 95
        if rule == .person, owners.count > 1 { conflict = false }
        return CashProposal(
            rule: rule, accountID: invoices[0].accountID, allocations: allocations, writeOff: writeOff, shortfall: shortfall,
            unapplied: excess, confidence: conflict ? 30 : confidence, evidence: evidence,
            automatic: !conflict && rule.rawValue <= rules.autoApplyThrough,
            candidates: conflict ? [.init(invoiceIDs: invoices.map(\.id), confidence: 30, evidence: "named in the payment")] : [])
    }

    // MARK: look-ups

    /// The payer from its bank account, then its customer number in the text, then its name.
    private func identify(_ detail: BankDetail) -> (accountID: Account.ID, how: String, confidence: Int)? {
        if let account = detail.debtorAccount, let ids = byBankAccount[CashText.compact(account)], ids.count == 1, let id = ids.first {
            return (id, "pays from \(account), a known bank account of \(id)", 90)
        }
        for text in detail.remittance + [detail.endToEndID].compactMap({ $0 }) {
            for token in CashText.mentions(text).compact {
                if let id = byCustomerNumber[token] { return (id, "the text names customer number \(id)", 85) }
            }
        }
        if let name = detail.debtorName, let ids = byName[CashText.nameKey(name)], ids.count == 1, let id = ids.first {
            return (id, "the payer's name \"\(name)\" is \(payers[id]?.name ?? id.rawValue) (\(id))", 80)
        }
        return nil
    }

    /// The open invoice a structured reference names (CONTRACTS: RFkk + the number without its punctuation, or its digits).
    private func invoiceNamed(byReference reference: CreditorReference, currency: Currency, payer: Account.ID?) -> OpenInvoiceForCash? {
        var body = CashText.compact(reference.value)
        if body.hasPrefix("RF"), reference.valid == true { body = String(body.dropFirst(4)) }
        if reference.valid == true, body.count == 27, body.allSatisfy(\.isNumber) { body = String(body.dropLast()) }
        if let invoice = unique(byCompact[body], currency: currency) { return invoice }
        let digits = CashText.digits(body)
        guard digits.count >= 4 else { return nil }
        return unique(byDigits[String(digits.drop { $0 == "0" })], currency: currency, preferring: payer)
    }

    /// The one open invoice among `ids` in `currency` — preferring the payer's family when several share the key.
    private func unique(_ ids: [Invoice.ID]?, currency: Currency, preferring payer: Account.ID? = nil) -> OpenInvoiceForCash? {
        let candidates = (ids ?? []).compactMap { open[$0] }.filter { $0.open.currency == currency }
        if candidates.count == 1 { return candidates[0] }
        guard let payer, candidates.count > 1 else { return nil }
        let family = Set(family(of: payer))
        let own = candidates.filter { family.contains($0.accountID) }
        return own.count == 1 ? own[0] : nil
    }

    /// The account and its child accounts.
    private func family(of id: Account.ID) -> [Account.ID] { [id] + (children[id] ?? []) }

    private func root(of id: Account.ID) -> Account.ID { payers[id]?.parentID ?? id }
}
