import RapportCore
import SQLKit

/// A row of `interactions`, mapped to and from `Interaction`.
struct InteractionRecord: BulkRow {
    var id: String
    var accountId: String
    var invoiceId: String?
    var occurredOn: String
    var channel: String
    var purpose: String
    var outcome: String
    var byUser: String
    var notes: String
    var jobId: String?
    var contactId: String?
    var nextOn: String?
    var satisfaction: Int?

    static let columns = [
        "id", "account_id", "invoice_id", "occurred_on", "channel", "purpose", "outcome", "by_user", "notes", "job_id", "contact_id",
        "next_on", "satisfaction",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(invoiceId), sqlValue(occurredOn), sqlValue(channel), sqlValue(purpose),
         sqlValue(outcome), sqlValue(byUser), sqlValue(notes), sqlValue(jobId), sqlValue(contactId), sqlValue(nextOn),
         sqlValue(satisfaction.map { Int64($0) })]
    }

    init(_ touch: Interaction) {
        id = touch.id.rawValue
        accountId = touch.accountID.rawValue
        invoiceId = touch.invoiceID?.rawValue
        occurredOn = touch.occurredOn.isoString
        channel = touch.channel.rawValue
        purpose = touch.purpose.rawValue
        outcome = touch.outcome.rawValue
        byUser = touch.by
        notes = touch.notes
        jobId = touch.jobID?.rawValue
        contactId = touch.contactID?.rawValue
        nextOn = touch.nextContactOn?.isoString
        satisfaction = touch.satisfaction
    }

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        invoiceId = try row.optionalText("invoice_id")
        occurredOn = try row.text("occurred_on")
        channel = try row.text("channel")
        purpose = try row.text("purpose")
        outcome = try row.text("outcome")
        byUser = try row.text("by_user")
        notes = try row.text("notes")
        jobId = try row.optionalText("job_id")
        contactId = try row.optionalText("contact_id")
        nextOn = try row.optionalText("next_on")
        satisfaction = try row.optionalInteger("satisfaction").map { Int($0) }
    }

    func toDomain() throws -> Interaction {
        guard let channel = Interaction.Channel(rawValue: channel), let purpose = Interaction.Purpose(rawValue: purpose),
              let outcome = Interaction.Outcome(rawValue: outcome) else {
            throw CorruptRecord(table: "interactions", id: id, reason: "channel, purpose or outcome")
        }
        return Interaction(
            id: Interaction.ID(id), accountID: Account.ID(accountId), invoiceID: invoiceId.map { Invoice.ID($0) },
            occurredOn: try Day(iso: occurredOn), channel: channel, purpose: purpose, outcome: outcome, by: byUser, notes: notes,
            jobID: jobId.map { Job.ID($0) }, contactID: contactId.map { Contact.ID($0) }, nextContactOn: try nextOn.map { try Day(iso: $0) },
            satisfaction: satisfaction)
    }
}
