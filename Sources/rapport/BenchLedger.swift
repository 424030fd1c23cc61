import Foundation
import RapportCore

/// A generated ledger held as plain arrays and as Core facts (one fact per item), for `rapport bench`.
struct BenchLedger {
    var issue: [Int32] = []
    var due: [Int32] = []
    var amount: [Int64] = []
    /// Per payment: the invoice it pays, its day and amount.
    var paidInvoice: [Int32] = []
    var paidDay: [Int32] = []
    var paidAmount: [Int64] = []
    var facts = ReceivableFacts(currency: .usd)

    init(invoices: Int, payments: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let first = try! Day(iso: "2022-01-01").daysSinceEpoch
        issue.reserveCapacity(invoices)
        facts.billings.reserveCapacity(invoices)
        for _ in 0..<invoices {
            let issued = first + Int.random(in: 0..<1096, using: &random)
            let terms = Int.random(in: 0..<4, using: &random) == 0 ? 30 : 0
            let cents = Int64.random(in: 1_000...250_000, using: &random)
            issue.append(Int32(issued))
            due.append(Int32(issued + terms))
            amount.append(cents)
            facts.billings.append(.init(issue: issued, due: issued + terms, collectionStart: issued + 30, amount: cents))
        }
        for index in 0..<payments {
            let invoice = index
            let day = Int(issue[invoice]) + Int.random(in: 0...120, using: &random)
            let full = Int.random(in: 0..<5, using: &random) != 0
            let cents = full ? amount[invoice] : amount[invoice] / 2
            paidInvoice.append(Int32(invoice))
            paidDay.append(Int32(day))
            paidAmount.append(cents)
            facts.credits.append(.init(day: day, amount: cents, isCreditMemo: false))
            facts.applications.append(.init(received: day, day: day, amount: cents))
            facts.settlements.append(.init(due: Int(due[invoice]), collectionStart: Int(issue[invoice]) + 30, day: day, amount: cents))
            if full {
                facts.paid.append(.init(issue: Int(issue[invoice]), due: Int(due[invoice]), paidDay: day, amount: cents))
            }
        }
    }

    /// invoices.csv (invoice, issue_date, due_date, amount_minor) and payments.csv
    /// (payment, invoice, received_on, amount_minor): the same ledger for other tools.
    func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func iso(_ day: Int32) -> String { Day(daysSinceEpoch: Int(day)).isoString }
        var text = "invoice,issue_date,due_date,amount_minor\n"
        for index in issue.indices { text += "\(index),\(iso(issue[index])),\(iso(due[index])),\(amount[index])\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("invoices.csv"))
        text = "payment,invoice,received_on,amount_minor\n"
        for index in paidInvoice.indices {
            text += "\(index),\(paidInvoice[index]),\(iso(paidDay[index])),\(paidAmount[index])\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("payments.csv"))
    }
}
