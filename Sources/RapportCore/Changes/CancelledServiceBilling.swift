/// Finds invoice lines that bill a service after the customer cancelled it: the mistake an
/// unrecorded cancellation causes. A line matches a cancellation of the same account (and location,
/// when the request names one) whose service its description contains (ignoring case), on an
/// invoice issued after the effective day.
public enum CancelledServiceBilling {
    /// One line billed after its service was cancelled.
    public struct Flag: Hashable, Sendable {
        public var changeRequestID: ChangeRequest.ID
        public var invoiceID: Invoice.ID
        public var issueDate: Day
        public var lineNumber: Int
        public var description: String
        public var amount: Money
    }

    /// Every flagged line, by invoice then line.
    public static func flags(changes: [ChangeRequest], invoices: [Invoice]) -> [Flag] {
        let cancellations = changes.filter { $0.kind == .cancellation && !$0.service.isEmpty }
        let byAccount = Dictionary(grouping: cancellations, by: \.accountID)
        var flags: [Flag] = []
        for invoice in invoices {
            guard let requests = byAccount[invoice.accountID] else { continue }
            for (index, line) in invoice.lines.enumerated() {
                let text = line.description.lowercased()
                guard let request = requests.first(where: { request in
                    invoice.issueDate > request.effectiveOn && text.contains(request.service.lowercased())
                        && (request.locationID == nil || request.locationID == line.locationID)
                }) else { continue }
                flags.append(Flag(
                    changeRequestID: request.id, invoiceID: invoice.id, issueDate: invoice.issueDate, lineNumber: index + 1,
                    description: line.description, amount: line.amount))
            }
        }
        return flags.sorted { ($0.invoiceID, $0.lineNumber) < ($1.invoiceID, $1.lineNumber) }
    }
}
