/// Which day an invoice's age is counted from.
public enum AgingBasis: String, CaseIterable, Sendable, Hashable {
    /// Days past the stated due date (on-receipt invoices are due on their issue day).
    case due
    /// Days past the collection start (the "unstated net-30": issue day + 30 by default).
    case collection
}
