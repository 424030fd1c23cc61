import RapportCore

/// The company and the month of payments `rapport bench cash` matches: 20,000 customers with open
/// invoices, and payments made the ways the research describes, each with the truth kept aside —
/// which invoices it pays, or none when no one could tell.
struct BenchCashCompany {
    /// How a generated payment was made, and so what a correct matcher does with it.
    enum Style: String, CaseIterable {
        case structuredReference = "exact RF reference"
        case invoiceNumber = "invoice number in the text"
        case severalInvoices = "several invoices in one payment"
        case typo = "invoice number with a typo (known bank account)"
        case bankAccountAndAmount = "no reference, known bank account, exact amount"
        case combination = "no reference, known bank account, two or three invoices"
        case shortBeyondTolerance = "short payment naming its invoice (95 %)"
        case shortWithinTolerance = "short by cents naming its invoice"
        case overpayment = "overpayment naming its invoice"
        case twoOfTheSameAmount = "no reference, two open invoices of the amount"
        case unknownPayer = "unknown payer, no reference"

        /// Out of 100 payments.
        var share: Int {
            switch self {
            case .structuredReference: 15
            case .invoiceNumber: 25
            case .severalInvoices: 10
            case .typo: 5
            case .bankAccountAndAmount: 13
            case .combination: 8
            case .shortBeyondTolerance: 5
            case .shortWithinTolerance: 3
            case .overpayment: 3
            case .twoOfTheSameAmount: 5
            case .unknownPayer: 8
            }
        }

        /// Whether one right answer exists that a matcher could find without asking anyone.
        var identifiable: Bool { self != .twoOfTheSameAmount && self != .unknownPayer }
    }

    /// One generated payment: the detail the bank reports and the truth.
    struct Payment {
        var style: Style
        var detail: BankDetail
        /// The invoices it pays and how much of each; empty when no one could tell.
        var truth: [CashProposal.Allocation]
    }

    var invoices: [OpenInvoiceForCash] = []
    var payers: [PayerForCash] = []
    var payments: [Payment] = []

    init(accounts: Int, payments count: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let usd = Currency.usd
        var byAccount: [[OpenInvoiceForCash]] = []
        var number = 100_000
        let start = try! Day(iso: "2024-01-01")
        for index in 1...accounts {
            let id = Account.ID("C" + String(1_000_000 + index).dropFirst())
            payers.append(PayerForCash(accountID: id, name: "Customer \(index) Inc", bankAccounts: ["CH\(10_000_000 + index)"]))
            var own: [OpenInvoiceForCash] = []
            let open = Int.random(in: 2...6, using: &random)
            for _ in 0..<open {
                number += 1
                let amount = Int64.random(in: 2_000...500_000, using: &random)
                own.append(OpenInvoiceForCash(id: Invoice.ID("INV-\(number)"), accountID: id, open: Money(minorUnits: amount, currency: usd),
                                              issueDate: start.adding(days: Int.random(in: 0...90, using: &random))))
            }
            byAccount.append(own)
        }
        // Customers paying two invoices of one amount: give one account per such payment a twin invoice.
        var styles: [Style] = []
        for style in Style.allCases { styles += Array(repeating: style, count: style.share) }
        var used = Set<Int>()
        for paymentIndex in 0..<count {
            let style = styles[paymentIndex % styles.count]
            var accountIndex = Int.random(in: 0..<accounts, using: &random)
            while used.contains(accountIndex) { accountIndex = (accountIndex + 1) % accounts }
            used.insert(accountIndex)
            var own = byAccount[accountIndex]
            let payer = payers[accountIndex]
            let first = own[0]
            let amount = first.open
            func detail(_ money: Money, text: [String] = [], references: [CreditorReference] = [], known: Bool = true) -> BankDetail {
                BankDetail(amount: money, creditorReferences: references, remittance: text,
                           debtorName: known ? "CUSTOMER \(accountIndex + 1)" : "Walk-in \(paymentIndex)",
                           debtorAccount: known ? payer.bankAccounts.first : "XX\(paymentIndex)")
            }
            func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: usd) }
            let digits = String(first.id.rawValue.dropFirst(4))
            var payment: Payment
            switch style {
            case .structuredReference:
                payment = Payment(style: style, detail: detail(amount, references: [CreditorReference(type: "SCOR", value: Self.rf("INV" + digits))]),
                                  truth: [.init(invoiceID: first.id, amount: amount)])
            case .invoiceNumber:
                let forms = ["INV-\(digits)", "Inv \(digits)", "invoice \(digits) thank you", "inv.\(digits)"]
                payment = Payment(style: style, detail: detail(amount, text: [forms[paymentIndex % forms.count]]), truth: [.init(invoiceID: first.id, amount: amount)])
            case .severalInvoices:
                let second = own[1]
                payment = Payment(style: style, detail: detail(money(amount.minorUnits + second.open.minorUnits),
                                                              text: ["INV \(digits)/\(second.id.rawValue.dropFirst(4))"]),
                                  truth: [.init(invoiceID: first.id, amount: amount), .init(invoiceID: second.id, amount: second.open)])
            case .typo:
                // A transposed pair of digits: no such invoice; the bank account and the amount still tell.
                var typo = Array(digits)
                typo.swapAt(2, 3)
                if typo == Array(digits) { typo[4] = typo[4] == "9" ? "0" : "9" }
                payment = Payment(style: style, detail: detail(amount, text: ["INV-\(String(typo))"]), truth: [.init(invoiceID: first.id, amount: amount)])
            case .bankAccountAndAmount:
                payment = Payment(style: style, detail: detail(amount), truth: [.init(invoiceID: first.id, amount: amount)])
            case .combination:
                let set = Array(own.prefix(paymentIndex % 2 == 0 ? 2 : 3))
                payment = Payment(style: style, detail: detail(money(set.reduce(0) { $0 + $1.open.minorUnits })),
                                  truth: set.map { .init(invoiceID: $0.id, amount: $0.open) })
            case .shortBeyondTolerance:
                let paid = amount.minorUnits * 95 / 100
                payment = Payment(style: style, detail: detail(money(paid), text: ["INV-\(digits) less 5% punch list"]), truth: [.init(invoiceID: first.id, amount: money(paid))])
            case .shortWithinTolerance:
                // At most 0.5 % and at most 1.00 short.
                let short = min(100, amount.minorUnits * 5 / 1000)
                payment = Payment(style: style, detail: detail(money(amount.minorUnits - short), text: ["INV-\(digits)"]),
                                  truth: [.init(invoiceID: first.id, amount: money(amount.minorUnits - short))])
            case .overpayment:
                payment = Payment(style: style, detail: detail(money(amount.minorUnits + 1_000), text: ["INV-\(digits)"]), truth: [.init(invoiceID: first.id, amount: amount)])
            case .twoOfTheSameAmount:
                number += 1
                let twin = OpenInvoiceForCash(id: Invoice.ID("INV-\(number)"), accountID: payer.accountID, open: amount, issueDate: first.issueDate)
                own.append(twin)
                byAccount[accountIndex] = own
                payment = Payment(style: style, detail: detail(amount), truth: [])
            case .unknownPayer:
                payment = Payment(style: style, detail: detail(money(Int64.random(in: 1_000...90_000, using: &random)), text: ["payment"], known: false), truth: [])
            }
            payments.append(payment)
        }
        invoices = byAccount.flatMap { $0 }
    }

    /// An ISO 11649 reference for `body`: "RF" + the two check digits + the body.
    static func rf(_ body: String) -> String {
        var remainder = 0
        for scalar in (body + "RF00").unicodeScalars {
            remainder = scalar.value >= 65 ? (remainder * 100 + Int(scalar.value) - 55) % 97 : (remainder * 10 + Int(scalar.value) - 48) % 97
        }
        let check = 98 - remainder
        return "RF" + (check < 10 ? "0" : "") + String(check) + body
    }
}
