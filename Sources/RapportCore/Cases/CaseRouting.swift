/// Which department a case goes to, by category: rules as data, with the case study's defaults.
public struct CaseRouting: Hashable, Sendable {
    /// Where one category goes: the owning department and any that must also act.
    public struct Route: Hashable, Sendable {
        public var department: Department
        public var also: [Department]

        public init(department: Department, also: [Department] = []) {
            self.department = department
            self.also = also
        }
    }

    public var routes: [Case.Category: Route]

    public init(routes: [Case.Category: Route]) { self.routes = routes }

    /// Incomplete installation → Installation; billing error and detail → Billing; add-on or
    /// cancellation → Sales and Billing; service quality → Service; hardship → Client Relations;
    /// dispute → Client Relations.
    public static let standard = CaseRouting(routes: [
        .incompleteInstallation: Route(department: .installation),
        .billingError: Route(department: .billing),
        .billingDetailRequest: Route(department: .billing),
        .unrecordedChange: Route(department: .sales, also: [.billing]),
        .serviceQuality: Route(department: .service),
        .hardship: Route(department: .clientRelations),
        .dispute: Route(department: .clientRelations),
    ])

    /// The route for `category`; a category missing from the table stays with Client Relations.
    public func route(_ category: Case.Category) -> Route {
        routes[category] ?? Route(department: .clientRelations)
    }
}
