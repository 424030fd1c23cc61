import RapportCore

/// Touches with customers: calls, emails, letters, visits.
public struct InteractionUseCases: Sendable {
    let env: AppEnvironment

    /// What a specialist tells Rapport about one touch.
    public struct NewInteraction: Sendable {
        public var accountID: Account.ID
        public var invoiceID: Invoice.ID?
        public var channel: Interaction.Channel
        public var purpose: Interaction.Purpose
        public var outcome: Interaction.Outcome
        public var by: String
        public var notes: String
        /// The job the touch was about, of the account or its family.
        public var jobID: Job.ID?
        /// The contact reached, of the account or its family.
        public var contactID: Contact.ID?
        /// The day to contact the customer again (after the touch).
        public var nextContactOn: Day?
        /// The customer's satisfaction, 1 to 5 (check-ins).
        public var satisfaction: Int?
        /// The day of the touch (default today).
        public var on: Day?
        /// An id chosen by the caller (default: the next T000001-style id).
        public var id: String?

        public init(
            accountID: Account.ID, invoiceID: Invoice.ID? = nil, channel: Interaction.Channel, purpose: Interaction.Purpose,
            outcome: Interaction.Outcome, by: String, notes: String = "", jobID: Job.ID? = nil, contactID: Contact.ID? = nil,
            nextContactOn: Day? = nil, satisfaction: Int? = nil, on: Day? = nil, id: String? = nil
        ) {
            self.accountID = accountID
            self.invoiceID = invoiceID
            self.channel = channel
            self.purpose = purpose
            self.outcome = outcome
            self.by = by
            self.notes = notes
            self.jobID = jobID
            self.contactID = contactID
            self.nextContactOn = nextContactOn
            self.satisfaction = satisfaction
            self.on = on
            self.id = id
        }
    }

    /// Records a touch; one with a task's purpose that reaches the customer closes that task.
    public func log(_ request: NewInteraction) async throws -> Interaction {
        _ = try await env.requireAccount(request.accountID)
        let day = env.day(request.on)
        try RequestRules.checkTouch(occurredOn: day, nextContactOn: request.nextContactOn, satisfaction: request.satisfaction)
        if let invoice = request.invoiceID { _ = try await env.requireInvoice(invoice, of: request.accountID) }
        if let job = request.jobID { _ = try await env.requireJob(job, ofFamilyOf: request.accountID) }
        if let contact = request.contactID { _ = try await env.requireContact(contact, ofFamilyOf: request.accountID) }
        let number = try await env.newID(request.id, .interaction, noun: "interaction") { _ in false }
        let touch = Interaction(
            id: Interaction.ID(number), accountID: request.accountID, invoiceID: request.invoiceID, occurredOn: day,
            channel: request.channel, purpose: request.purpose, outcome: request.outcome, by: request.by, notes: request.notes,
            jobID: request.jobID, contactID: request.contactID, nextContactOn: request.nextContactOn, satisfaction: request.satisfaction)
        try await env.repositories.interactions.insertInteraction(touch)
        return touch
    }

}

extension AppEnvironment {
    /// Logging touches.
    public var interactions: InteractionUseCases { InteractionUseCases(env: self) }
}
