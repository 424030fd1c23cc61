import ArgumentParser
import RapportCore
import RapportImport

/// `rapport bench cash`: cash application measured, not claimed — a generated company and a
/// month of payments written as camt.053 and BAI2, read and matched, each proposal compared with
/// the truth kept aside.
struct BenchCashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cash", abstract: "Match a generated month of bank payments against the truth (docs/performance.md).")

    @Option(help: "Customers.") var accounts = 20_000
    @Option(help: "Payments in the month (at most the customers).") var payments = 10_000
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func validate() throws {
        guard accounts > 0, payments > 0, payments <= accounts else { throw ValidationError("need 0 < --payments ≤ --accounts") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        var company: BenchCashCompany!
        let generated = clock.measure { company = BenchCashCompany(accounts: accounts, payments: payments, seed: seed) }
        print("company: \(accounts) customers, \(company.invoices.count) open invoices, \(payments) payments (seed \(seed)), generated in \(Self.ms(generated))")
        for (format, text) in [("camt.053", BenchCashFiles.camt053(company.payments)), ("bai2", BenchCashFiles.bai2(company.payments))] {
            let bytes = Array(text.utf8)
            var file: BankFile!
            let read = try clock.measure { file = try BankFileReader.read(bytes, file: "bench.\(format)") }
            let details = file.statements.flatMap(\.entries).flatMap(\.details)
            guard details.count == company.payments.count else { throw ValidationError("\(format): read \(details.count) details, wrote \(company.payments.count)") }
            var proposals: [CashProposal] = []
            let matched = clock.measure {
                var matcher = CashMatcher(invoices: company.invoices, payers: company.payers)
                proposals = details.map { matcher.match($0) }
            }
            let score = BenchCashScore(company.payments, proposals)
            print("\n== \(format): \(bytes.count / 1024) KiB, \(file.warnings.count) warnings; read \(Self.ms(read)), matched \(Self.ms(matched)); "
                + "\(Int(Double(details.count) / ((read + matched) / .seconds(1)))) payments/s")
            print(score.table())
            print(score.summary)
        }
    }

    static func ms(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return value >= 1000 ? String(format2(value / 1000)) + " s" : String(format2(value)) + " ms"
    }

    private static func format2(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return String(rounded)
    }
}

/// The comparison of proposals with the truth: per style and overall, payments and invoices.
struct BenchCashScore {
    struct Row { var payments = 0; var automatic = 0; var right = 0; var wrong = 0 }
    var rows: [BenchCashCompany.Style: Row] = [:]
    var invoicesTrue = 0
    var invoicesApplied = 0

    init(_ payments: [BenchCashCompany.Payment], _ proposals: [CashProposal]) {
        for (payment, proposal) in zip(payments, proposals) {
            var row = rows[payment.style] ?? Row()
            row.payments += 1
            invoicesTrue += payment.truth.count
            if proposal.automatic {
                row.automatic += 1
                let same = Set(proposal.allocations.map { "\($0.invoiceID)|\($0.amount.minorUnits)" }) == Set(payment.truth.map { "\($0.invoiceID)|\($0.amount.minorUnits)" })
                if same && !payment.truth.isEmpty { row.right += 1; invoicesApplied += payment.truth.count } else { row.wrong += 1 }
            }
            rows[payment.style] = row
        }
    }

    func table() -> String {
        let lines = BenchCashCompany.Style.allCases.compactMap { style -> [String]? in
            guard let row = rows[style] else { return nil }
            return [style.rawValue, String(row.payments), String(row.right), String(row.wrong), String(row.payments - row.automatic), style.identifiable ? "yes" : "no"]
        }
        return renderTable(["how the customer paid", "payments", "applied right", "applied wrong", "left for a person", "identifiable"], lines)
    }

    var summary: String {
        let identifiable = rows.filter { $0.key.identifiable }.values.reduce(0) { $0 + $1.payments }
        let right = rows.values.reduce(0) { $0 + $1.right }
        let wrong = rows.values.reduce(0) { $0 + $1.wrong }
        let total = rows.values.reduce(0) { $0 + $1.payments }
        func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : String((Double(part) * 1000 / Double(whole)).rounded() / 10) + " %" }
        return "identifiable payments applied automatically: \(right) of \(identifiable) (\(percent(right, identifiable))); "
            + "all payments: \(percent(right, total)); invoices applied automatically: \(invoicesApplied) of \(invoicesTrue) (\(percent(invoicesApplied, invoicesTrue))); "
            + "wrong applications: \(wrong)"
    }
}
