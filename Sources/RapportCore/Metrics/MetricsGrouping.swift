/// How a report breaks the ledger down.
public enum MetricsGrouping: String, CaseIterable, Sendable {
    case none, account, segment, specialist
}
