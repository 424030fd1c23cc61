/// Builds late-payment examples from a ledger's own history and trains the model on a time split.
public enum RiskTraining {
    /// What the model needs about one invoice.
    public struct InvoiceFacts: Hashable, Sendable {
        public var id: Invoice.ID
        public var accountID: Account.ID
        public var issueDate: Day
        public var dueDate: Day
        public var total: Money
        /// The day it became fully paid, if it has.
        public var paidOn: Day?
        /// True when a credit memo, not a payment, cleared it: its outcome says nothing about paying,
        /// so it is neither a label nor a past payment of the account.
        public var credited: Bool
        public var jobID: Job.ID?
        /// The day collection contacts start; paying after it is paying late (under on-receipt
        /// terms every payment is after the due day, so the due day cannot tell late from on time).
        public var collectionStart: Day?

        /// The day after which payment counts as late: the collection start, else the due day.
        public var lateAfter: Day { collectionStart.map { max($0, dueDate) } ?? dueDate }

        public init(
            id: Invoice.ID, accountID: Account.ID, issueDate: Day, dueDate: Day, total: Money, paidOn: Day?, jobID: Job.ID? = nil,
            collectionStart: Day? = nil, credited: Bool = false
        ) {
            self.id = id
            self.credited = credited
            self.accountID = accountID
            self.issueDate = issueDate
            self.dueDate = dueDate
            self.total = total
            self.paidOn = paidOn
            self.jobID = jobID
            self.collectionStart = collectionStart
        }
    }

    /// A trained model and how well it ranks the held-out, later invoices.
    public struct Result: Hashable, Sendable, Codable {
        public var model: LogisticModel
        /// Area under the ROC curve on the test invoices (due on or after `splitDay`); nil when one class is missing.
        public var auc: Double?
        public var trainCount: Int
        public var testCount: Int
        public var splitDay: Day
        public var asOf: Day
    }

    /// The feature inputs of every invoice, as known on its issue day.
    public static func inputs(
        invoices: [InvoiceFacts], accounts: [Account.ID: Account], cases: [Case], jobs: [Job.ID: Job]
    ) -> [Invoice.ID: RiskFeatures.Inputs] {
        let casesByAccount = Dictionary(grouping: cases, by: \.accountID)
        var result: [Invoice.ID: RiskFeatures.Inputs] = [:]
        for (accountID, list) in Dictionary(grouping: invoices, by: \.accountID) {
            guard let account = accounts[accountID] else { continue }
            // Past days beyond terms: the account's invoices paid strictly before each issue day.
            let paid = list.filter { !$0.credited }.compactMap { invoice in invoice.paidOn.map { ($0, max(0, $0.days(since: invoice.dueDate))) } }
                .sorted { $0.0 < $1.0 }
            var cursor = 0
            var sum = 0
            for invoice in list.sorted(by: { ($0.issueDate, $0.id) < ($1.issueDate, $1.id) }) {
                while cursor < paid.count && paid[cursor].0 < invoice.issueDate { sum += paid[cursor].1; cursor += 1 }
                let open = (casesByAccount[accountID] ?? []).filter { item in
                    item.openedOn <= invoice.issueDate && (item.resolvedOn.map { $0 > invoice.issueDate } ?? true)
                }.count
                let incomplete = invoice.jobID.flatMap { jobs[$0] }.map { !$0.openFollowUps(on: invoice.dueDate).isEmpty } ?? false
                result[invoice.id] = RiskFeatures.Inputs(
                    segment: account.segment, billingFrequency: account.billingFrequency, hardship: account.hasHardship,
                    newClient: account.flags.contains(.newClient), amount: invoice.total,
                    pastDaysBeyondTerms: cursor == 0 ? nil : Double(sum) / Double(cursor), openCases: open,
                    serviceIncomplete: incomplete)
            }
        }
        return result
    }

    /// Labels the invoices whose outcome is known on `asOf` (late: paid after `lateAfter` — the
    /// collection start when known — or still unpaid after it),
    /// trains on the earliest 80 % by due day and measures AUC on the rest.
    public static func train(
        invoices: [InvoiceFacts], accounts: [Account.ID: Account], cases: [Case], jobs: [Job.ID: Job], asOf: Day
    ) -> Result {
        let features = inputs(invoices: invoices, accounts: accounts, cases: cases, jobs: jobs)
        let labeled = invoices.compactMap { invoice -> (due: Day, id: Invoice.ID, vector: [Double], late: Bool)? in
            // Only invoices whose outcome is known by `asOf`: paid by then, or unpaid past the day.
            let paid = invoice.paidOn.flatMap { $0 <= asOf ? $0 : nil }
            if invoice.credited && paid != nil { return nil }
            guard paid != nil || invoice.lateAfter < asOf, let input = features[invoice.id] else { return nil }
            return (invoice.dueDate, invoice.id, RiskFeatures.vector(input), paid.map { $0 > invoice.lateAfter } ?? true)
        }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        let cut = labeled.count * 4 / 5
        let training = labeled.prefix(cut)
        let test = labeled.dropFirst(cut)
        let model = LogisticModel.train(training.map { ($0.vector, $0.late) }, featureNames: RiskFeatures.names)
        let auc = areaUnderCurve(scores: test.map { model.probability($0.vector) }, late: test.map(\.late))
        return Result(model: model, auc: auc, trainCount: training.count, testCount: test.count,
                      splitDay: test.first?.due ?? asOf, asOf: asOf)
    }
}
