import FluentKit
import RapportCore
import SQLKit

/// `PaymentRepository` on SQLite or PostgreSQL; posting is `CreditPoster`'s, in one transaction.
public struct FluentPaymentRepository: PaymentRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func fetchPayments(_ ids: some Collection<Payment.ID> & Sendable) async throws -> [Payment] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(ids.map(\.rawValue)) { chunk in
            sql.select().column("*").from("payments").where("id", .in, chunk)
        } decode: { row in try SQLRowDecoding.payment(row) }
    }

    public func postPayments(_ payments: [Payment], progress: BatchProgress?) async throws -> PostingSummary {
        let postings = payments.map { payment in
            (CreditPosting(source: .payment(payment.id), accountID: payment.accountID, day: payment.receivedOn,
                           amount: payment.amount, target: payment.invoiceID), PaymentRecord(payment))
        }
        return try await database.transaction { tx in
            try await CreditPoster.post(postings, into: "payments", sql: tx as! any SQLDatabase, progress: progress)
        }
    }

    public func forEachPaymentPage(size: Int, _ body: ([Payment]) async throws -> Void) async throws {
        try await (database as! any SQLDatabase).forEachPage(of: "payments", size: size, decode: SQLRowDecoding.payment, body)
    }
}
