import ArgumentParser
import Foundation
import RapportCore
import RapportImport
import RapportStore

/// `rapport arrangement`: balances paid in monthly installments, and whether the customer keeps up.
struct ArrangementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrangement", abstract: "Payment arrangements: a balance in monthly installments.",
        subcommands: [ArrangementAddCommand.self, ArrangementListCommand.self])
}

/// `rapport arrangement add`.
struct ArrangementAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Agree a balance in equal monthly installments.")

    @Option(help: "The account.") var account: String
    @Option(help: ArgumentHelp("The amount to pay in installments.", valueName: "AMOUNT")) var total: String
    @Option(help: ArgumentHelp("Currency (default USD).", valueName: "CODE")) var currency = "USD"
    @Option(help: "Number of monthly installments.") var installments: Int
    @Option(help: ArgumentHelp("Due day of the first installment.", valueName: "YYYY-MM-DD"), transform: parseDay) var first: Day
    @Option(help: ArgumentHelp("The day it was agreed (default: today, UTC).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if installments < 1 || installments > 120 { throw ValidationError("--installments must be between 1 and 120") }
    }

    func run() async throws {
        let amount = try Money.parse(total, currency: try Currency(currency))
        guard amount.isPositive else { throw UserError("--total must be greater than zero") }
        let agreed = date ?? LedgerCommand.today()
        guard first >= agreed else { throw UserError("--first \(first) is before the arrangement was agreed (\(agreed))") }
        let arrangement = try await database.withDatabase { db, _ in
            _ = try await db.requireAccount(account)
            let repository = FluentArrangementRepository(db)
            let arrangement = PaymentArrangement(
                id: PaymentArrangement.ID(try await recordNumber(nil, prefix: "PA", count: repository.countArrangements)),
                accountID: Account.ID(account), agreedOn: agreed,
                installments: ArrangementPlan.monthly(total: amount, count: installments, first: first))
            try await repository.insertArrangement(arrangement)
            return arrangement
        }
        print("agreed \(arrangement.id): \(amount.groupedString) \(amount.currency) in \(installments) installments from \(first)")
    }
}

/// `rapport arrangement list`.
struct ArrangementListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Arrangements with what is paid, due and missed.")

    @Option(help: "Only this account.") var account: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day (default: today, UTC).", valueName: "YYYY-MM-DD"), transform: parseDay) var asOf: Day?
    @Option(help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct ListJSON: Encodable {
        let asOf: String
        let arrangements: [ArrangementJSON]
    }

    struct ArrangementJSON: Encodable {
        let id, accountId, agreedOn, total, paid, due, state: String
        let installments, missed: Int
    }

    func run() async throws {
        let day = asOf ?? LedgerCommand.today()
        let (arrangements, payments) = try await database.withDatabase { db, _ in
            let arrangements = try await FluentArrangementRepository(db).fetchArrangements(accounts: account.map { [Account.ID($0)] })
                .filter { $0.agreedOn <= day }
            var payments: [Payment] = []
            if let earliest = arrangements.map(\.agreedOn).min() {
                payments = try await FluentPromiseRepository(db).fetchPayments(accounts: Array(Set(arrangements.map(\.accountID))), from: earliest)
            }
            return (arrangements, payments)
        }
        let rows = arrangements.map { arrangement -> ArrangementJSON in
            let standing = ArrangementPlan.standing(arrangement, payments: payments, on: day)
            let total = arrangement.installments.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            return ArrangementJSON(
                id: arrangement.id.rawValue, accountId: arrangement.accountID.rawValue, agreedOn: arrangement.agreedOn.isoString,
                total: Money(minorUnits: total, currency: standing.paid.currency).decimalString, paid: standing.paid.decimalString,
                due: standing.due.decimalString, state: standing.state.rawValue, installments: arrangement.installments.count,
                missed: standing.missed)
        }
        switch format {
        case .json: print(try encodeReport(ListJSON(asOf: day.isoString, arrangements: rows)))
        case .table:
            print(rows.isEmpty ? "no arrangements" : renderTable(["id", "account", "agreed", "total", "paid", "due", "missed", "state"], rows.map {
                [$0.id, $0.accountId, $0.agreedOn, $0.total, $0.paid, $0.due, String($0.missed), $0.state]
            }))
        }
    }
}
