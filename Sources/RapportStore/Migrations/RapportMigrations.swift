import FluentKit

/// Every migration in the order it runs. Append only: never edit or reorder a released one.
enum RapportMigrations {
    static var all: [any Migration] {
        [
            CreateAccount(), CreateLocation(), CreateContact(), CreateJob(), CreateInvoice(),
            CreateCredits(), CreateOpenItem(), CreateAllocation(), CreateInteraction(), CreateCase(),
            CreateChangeRequest(), CreateArrangements(), CreateCreditReview(), CreateUser(), CreateCorrectiveAction(),
            CreateRiskModel(), CreateBillingChange(),
        ]
    }
}
