/// A part of the company that cases and follow-up items are routed to.
public enum Department: String, CaseIterable, Sendable, Hashable {
    case installation, sales, service
    case customerCare = "customer_care"
    case billing
    case clientRelations = "client_relations"
}
