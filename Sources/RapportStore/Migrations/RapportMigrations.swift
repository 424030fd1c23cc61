import FluentKit

/// Every migration in the order it runs. Append only: never edit or reorder a released one.
/// The first seventeen are the baseline schema (docs/storage.md); every change since is a new entry.
enum RapportMigrations {
    static var all: [any Migration] {
        [
            CreateAccount(), CreateLocation(), CreateContact(), CreateJob(), CreateInvoice(),
            CreateCredits(), CreateOpenItem(), CreateAllocation(), CreateInteraction(), CreateCase(),
            CreateChangeRequest(), CreateArrangements(), CreateCreditReview(), CreateUser(), CreateCorrectiveAction(),
            CreateRiskModel(), CreateBillingChange(),
            // After the baseline:
            CreateIDSequences(), AddArrangementInvoices(), AddOpenItemSettledBy(), AddQueueReadIndexes(),
            AddMetricsGroupIndexes(), AddQueueCountsAndTouchIndex(), AddReceivableDays(),
            AddOpenItemInvoiceDays(), AddSignInAndAudit(), AddInteractionDetails(), AddCaseNotesAndJob(), AddInteractionNextOnIndex(),
            AddAPITokensAndIdempotency(), AddChangeVersion(), AddBankStatements(),
        ]
    }
}
