import RapportCore

/// Writes stored data back out in exactly the import formats, in id order, a page at a time.
public struct Exporter: Sendable {
    /// Where the rows are read.
    let source: any ExportSource

    public init(source: any ExportSource) {
        self.source = source
    }

    /// Streams the CSV text of `kind` to `write` in chunks, header first; returns the number of rows.
    @discardableResult
    public func export(_ kind: ImportKind, pageSize: Int = 5000, write: (String) throws -> Void) async throws -> Int {
        var writer = CSVWriter()
        writer.append(kind.columns)
        var rows = 0
        func flush(_ records: [[String]]) throws {
            for record in records { writer.append(record) }
            rows += records.count
            try write(writer.take())
        }
        switch kind {
        case .accounts: try await source.forEachAccountPage(size: pageSize) { try flush($0.map(AccountRow.encode)) }
        case .locations: try await source.forEachLocationPage(size: pageSize) { try flush($0.map(LocationRow.encode)) }
        case .invoices: try await source.forEachInvoicePage(size: pageSize) { try flush($0.flatMap(InvoiceLineRow.encode)) }
        case .payments: try await source.forEachPaymentPage(size: pageSize) { try flush($0.map(PaymentRow.encode)) }
        case .jobs: try await source.forEachJobPage(size: pageSize) { try flush($0.map(JobRow.encode)) }
        case .followups: try await source.forEachFollowUpPage(size: pageSize) { try flush($0.map(FollowUpRow.encode)) }
        case .creditMemos:
            try await source.forEachCreditMemoPage(size: pageSize) { try flush($0.map(CreditMemoRow.encode)) }
        case .deposits:
            try await source.forEachDepositPage(size: pageSize) { try flush($0.map(DepositRow.encode)) }
        case .contacts: try await source.forEachContactPage(size: pageSize) { try flush($0.map(ContactRow.encode)) }
        }
        let rest = writer.take()
        if !rest.isEmpty { try write(rest) }
        return rows
    }
}
