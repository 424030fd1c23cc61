import Foundation
import RapportCore

/// The JSON form of `rapport ledger --format json`; money as decimal strings in major units.
struct LedgerJSON: Encodable {
    struct InvoiceJSON: Encodable {
        var invoiceId: String
        var issueDate: String
        var dueDate: String
        var currency: String
        var total: String
        var paid: String
        var open: String
        var daysPastDue: Int
    }

    struct CreditJSON: Encodable {
        var kind: String
        var id: String
        var day: String
        var currency: String
        var amount: String
        var unapplied: String
    }

    var accountId: String
    var asOf: String
    var invoices: [InvoiceJSON]
    var credits: [CreditJSON]
    /// Per currency: open invoices less unapplied credit.
    var balances: [String: String]

    init(_ report: LedgerReport) {
        accountId = report.accountID.rawValue
        asOf = report.asOf.isoString
        invoices = report.invoices.map {
            InvoiceJSON(
                invoiceId: $0.invoiceID.rawValue, issueDate: $0.issueDate.isoString, dueDate: $0.dueDate.isoString,
                currency: $0.total.currency.code, total: $0.total.decimalString, paid: $0.paid.decimalString,
                open: $0.open.decimalString, daysPastDue: $0.daysPastDue)
        }
        credits = report.credits.map {
            CreditJSON(
                kind: $0.source.kind, id: $0.source.rawID, day: $0.day.isoString, currency: $0.amount.currency.code,
                amount: $0.amount.decimalString, unapplied: $0.unapplied.decimalString)
        }
        balances = Dictionary(uniqueKeysWithValues: report.balances.map { ($0.key.code, $0.value.decimalString) })
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
