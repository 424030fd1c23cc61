import Foundation
import RapportApp
import RapportCore

/// The fields of the "log a touch" form (`POST /accounts/{id}/interactions`), as sent.
struct TouchForm: Codable, Sendable {
    var channel: String?
    var purpose: String?
    var outcome: String?
    var notes: String?
    var invoice_id: String?
    var job_id: String?
    var contact_id: String?
    var next_on: String?
    var satisfaction: String?

    /// The touch to log, or the errors of each field (ids prefixed `touch-`).
    func parse(account: Account.ID, by user: String) -> Result<InteractionUseCases.NewInteraction, FormErrors> {
        var errors = FormErrors()
        func choice<T: RawRepresentable & CaseIterable>(_ value: String?, _ field: String, _ type: T.Type) -> T? where T.RawValue == String {
            guard let value, !value.isEmpty else { errors.add(field, "Choose the \(field.replacing("_", with: " ")).", prefix: "touch"); return nil }
            guard let parsed = T(rawValue: value) else {
                errors.add(field, "Choose one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")).", prefix: "touch")
                return nil
            }
            return parsed
        }
        let channel = choice(channel, "channel", Interaction.Channel.self)
        let purpose = choice(purpose, "purpose", Interaction.Purpose.self)
        let outcome = choice(outcome, "outcome", Interaction.Outcome.self)
        var nextOn: Day?
        if let text = next_on.nonEmpty {
            nextOn = try? Day(iso: text)
            if nextOn == nil { errors.add("next_on", "Enter the next contact day as YYYY-MM-DD.", prefix: "touch") }
        }
        var score: Int?
        if let text = satisfaction.nonEmpty {
            score = Int(text).flatMap { Interaction.satisfactionRange.contains($0) ? $0 : nil }
            if score == nil { errors.add("satisfaction", "Satisfaction is a whole number from 1 to 5.", prefix: "touch") }
        }
        let text = (notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > 4000 { errors.add("notes", "Notes must be at most 4,000 characters.", prefix: "touch") }
        guard errors.isEmpty, let channel, let purpose, let outcome else { return .failure(errors) }
        return .success(.init(accountID: account, invoiceID: invoice_id.nonEmpty.map { Invoice.ID($0) }, channel: channel,
                              purpose: purpose, outcome: outcome, by: user, notes: text, jobID: job_id.nonEmpty.map { Job.ID($0) },
                              contactID: contact_id.nonEmpty.map { Contact.ID($0) }, nextContactOn: nextOn, satisfaction: score))
    }
}

/// The fields of the "open a case" form (`POST /cases`), as sent.
struct CaseForm: Codable, Sendable {
    var account_id: String?
    var category: String?
    var invoice_id: String?
    var job_id: String?
    var amount_on_hold: String?
    var notes: String?

    /// The case to open, or the errors of each field (ids prefixed `case-`).
    func parse() -> Result<CaseUseCases.NewCase, FormErrors> {
        var errors = FormErrors()
        if account_id.nonEmpty == nil { errors.add("account_id", "The account is missing.", prefix: "case") }
        var parsedCategory: Case.Category?
        if let category = category.nonEmpty {
            parsedCategory = Case.Category(rawValue: category)
            if parsedCategory == nil {
                errors.add("category", "Choose one of: \(Case.Category.allCases.map(\.rawValue).joined(separator: ", ")).", prefix: "case")
            }
        } else {
            errors.add("category", "Choose the category.", prefix: "case")
        }
        if let amount = amount_on_hold.nonEmpty, (try? Money.parse(amount, currency: .usd)) == nil {
            errors.add("amount_on_hold", "Enter the amount as a number such as 1250.00.", prefix: "case")
        }
        if (notes ?? "").count > 4000 { errors.add("notes", "Notes must be at most 4,000 characters.", prefix: "case") }
        guard errors.isEmpty, let account = account_id.nonEmpty, let parsedCategory else { return .failure(errors) }
        return .success(.init(accountID: Account.ID(account), category: parsedCategory,
                              invoiceIDs: invoice_id.nonEmpty.map { [Invoice.ID($0)] } ?? [], amount: amount_on_hold.nonEmpty,
                              jobID: job_id.nonEmpty.map { Job.ID($0) }, notes: notes ?? ""))
    }
}

extension Optional where Wrapped == String {
    /// The text without surrounding spaces, nil when absent or blank.
    var nonEmpty: String? {
        guard let self else { return nil }
        let trimmed = self.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
