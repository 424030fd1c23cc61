import Testing
@testable import RapportCore

/// Money at stake is never summed across currencies nor silently dropped, thresholds are read in the
/// invoice's currency, and priority respects each currency's decimals.
@Suite("Queue with several currencies")
struct QueueCurrencyTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }
    let eur = try! Currency("EUR")
    let jpy = try! Currency("JPY")

    func invoice(_ id: String, _ money: Money, job: String? = nil, issued: String = "2024-03-01") -> QueueInvoice {
        QueueInvoice(id: Invoice.ID(id), accountID: "K1", issueDate: day(issued), dueDate: day(issued),
                     collectionStart: day(issued).adding(days: 30), total: money, open: money, jobID: job.map { Job.ID($0) })
    }

    @Test func anAccountOwingInTwoCurrenciesGetsOneTaskPerCurrency() {
        let key = Account(id: "K1", name: "Key", segment: .government, flags: [.keyAccount], openedOn: day("2023-01-01"))
        let input = QueueInput(day: day("2024-03-10"), accounts: [key], invoices: [
            invoice("U1", Money(minorUnits: 10_000, currency: .usd)), invoice("E1", Money(minorUnits: 20_000, currency: eur)),
            invoice("E2", Money(minorUnits: 5_000, currency: eur)),
        ])
        let reviews = Queue().tasks(input, risk: { _ in 0.5 }).filter { $0.rule == "key-account-review" }
        #expect(Set(reviews.map(\.atStake)) == [Money(minorUnits: 10_000, currency: .usd), Money(minorUnits: 25_000, currency: eur)])
    }

    @Test func aJobsCheckInCarriesEachCurrencyOfItsOpenInvoices() {
        let account = Account(id: "K1", name: "Key", segment: .commercial, openedOn: day("2023-01-01"))
        let job = Job(id: "J1", accountID: "K1", locationID: "L1", kind: .installation, ownerDepartment: .installation,
                      percentComplete: 95, billedOffOn: day("2024-03-01"))
        let input = QueueInput(day: day("2024-03-09"), accounts: [account], invoices: [
            invoice("U1", Money(minorUnits: 10_000, currency: .usd), job: "J1"), invoice("E1", Money(minorUnits: 20_000, currency: eur), job: "J1"),
        ], jobs: [job])
        let checkIns = Queue().tasks(input, risk: { _ in 0.5 }).filter { $0.rule == "check-in" }
        #expect(checkIns.map(\.atStake.currency.code).sorted() == ["EUR", "USD"])
    }

    @Test func theLargeInvoiceThresholdIsInTheInvoicesCurrencyAndConfigurablePerCurrency() {
        let account = Account(id: "K1", name: "Key", segment: .commercial, openedOn: day("2023-01-01"))
        var rule = Playbook.standard.rules.first { $0.trigger == .largeInvoice }!
        rule.threshold = "5000.00"
        rule.thresholds = ["JPY": "700000"]
        let input = QueueInput(day: day("2024-03-11"), accounts: [account], invoices: [
            invoice("E1", Money(minorUnits: 600_000, currency: eur)),        // 6,000.00 EUR ≥ 5,000.00 EUR
            invoice("J1", Money(minorUnits: 600_000, currency: jpy)),        // ¥600,000 < ¥700,000
            invoice("J2", Money(minorUnits: 800_000, currency: jpy)),        // ¥800,000
        ])
        let tasks = Queue(playbook: Playbook(version: 1, rules: [rule])).tasks(input, risk: { _ in 1 })
        #expect(Set(tasks.compactMap(\.invoiceID)) == ["E1", "J2"])
    }

    @Test func priorityCountsMajorUnitsOfEachCurrency() {
        let account = Account(id: "K1", name: "Key", segment: .commercial, openedOn: day("2023-01-01"))
        let input = QueueInput(day: day("2024-03-31"), accounts: [account], invoices: [invoice("J1", Money(minorUnits: 50_000, currency: jpy))])
        let task = Queue().tasks(input, risk: { _ in 1 }).first { $0.rule == "first-contact" }!
        #expect(task.priority == 50_000)                                  // ¥50,000 × risk 1 × urgency 1, not 500
    }
}
