import Foundation
import RapportApp
import RapportCore

/// The fields of the "record a promise" form (`POST /accounts/{id}/promises`), as sent.
struct PromiseForm: Codable, Sendable {
    var amount: String?
    var currency: String?
    var promised_for: String?
    var invoice_id: String?

    /// The parsed promise, or the errors of each field (ids prefixed `promise-`).
    func parse() -> Result<(amount: String, currency: String, promisedFor: Day, invoice: Invoice.ID?), FormErrors> {
        var errors = FormErrors()
        let currency = FormValues.currency(currency, &errors, prefix: "promise")
        let amount = FormValues.amount(amount, "amount", currency: currency, &errors, prefix: "promise")
        let day = FormValues.day(promised_for, "promised_for", "the day the money is promised for", &errors, prefix: "promise")
        guard errors.isEmpty, let amount, let currency, let day else { return .failure(errors) }
        return .success((amount, currency.code, day, invoice_id.nonEmpty.map { Invoice.ID($0) }))
    }
}

/// The fields of the "agree an arrangement" form (`POST /accounts/{id}/arrangements`), as sent.
struct ArrangementForm: Codable, Sendable {
    var total: String?
    var currency: String?
    var installments: String?
    var first_on: String?
    /// Invoice ids separated by spaces or commas; empty: every invoice open today.
    var invoice_ids: String?

    /// The parsed arrangement, or the errors of each field (ids prefixed `arrangement-`).
    func parse() -> Result<(total: String, currency: String, installments: Int, first: Day, invoices: [Invoice.ID]?), FormErrors> {
        var errors = FormErrors()
        let currency = FormValues.currency(currency, &errors, prefix: "arrangement")
        let total = FormValues.amount(total, "total", currency: currency, &errors, prefix: "arrangement")
        let count = installments.nonEmpty.flatMap { Int($0) }
        if count == nil { errors.add("installments", "Enter the number of monthly installments as a whole number.", prefix: "arrangement") }
        let first = FormValues.day(first_on, "first_on", "the first installment's due day", &errors, prefix: "arrangement")
        let invoices = (invoice_ids ?? "").split { $0 == "," || $0.isWhitespace }.map { Invoice.ID(String($0)) }
        guard errors.isEmpty, let total, let currency, let count, let first else { return .failure(errors) }
        return .success((total, currency.code, count, first, invoices.isEmpty ? nil : invoices))
    }
}

/// The fields of the "bill monthly instead of annually" form (`POST /accounts/{id}/billing-changes`), as sent.
struct BillingChangeForm: Codable, Sendable {
    var invoice_id: String?
    var effective_on: String?
    var year_start: String?

    /// The parsed change, or the errors of each field (ids prefixed `billing-`).
    func parse() -> Result<(invoice: Invoice.ID, effective: Day, yearStart: Day?), FormErrors> {
        var errors = FormErrors()
        if invoice_id.nonEmpty == nil { errors.add("invoice_id", "Choose the annual invoice to re-bill monthly.", prefix: "billing") }
        let effective = FormValues.day(effective_on, "effective_on", "the day monthly billing starts", &errors, prefix: "billing")
        var yearStart: Day?
        if let text = year_start.nonEmpty {
            yearStart = try? Day(iso: text)
            if yearStart == nil { errors.add("year_start", "Enter the first day of the billing year as YYYY-MM-DD.", prefix: "billing") }
        }
        guard errors.isEmpty, let invoice = invoice_id.nonEmpty, let effective else { return .failure(errors) }
        return .success((Invoice.ID(invoice), effective, yearStart))
    }
}

/// The fields of the "report a change" form (`POST /accounts/{id}/change-requests`), as sent.
struct ChangeRequestForm: Codable, Sendable {
    var kind: String?
    var service: String?
    var effective_on: String?
    var reported_by: String?
    var location_id: String?
    var description: String?

    /// The request to record, or the errors of each field (ids prefixed `change-`).
    func parse(account: Account.ID) -> Result<ChangeRequestUseCases.NewChangeRequest, FormErrors> {
        var errors = FormErrors()
        let parsedKind = kind.nonEmpty.flatMap(ChangeRequest.Kind.init(rawValue:))
        if parsedKind == nil { errors.add("kind", "Choose add_on or cancellation.", prefix: "change") }
        if service.nonEmpty == nil { errors.add("service", "Enter the service as invoice lines name it (\"Monitoring\").", prefix: "change") }
        let effective = FormValues.day(effective_on, "effective_on", "the day the change takes effect", &errors, prefix: "change")
        let department = reported_by.nonEmpty.flatMap(Department.init(rawValue:))
        if department == nil {
            errors.add("reported_by", "Choose one of: \(Department.allCases.map(\.rawValue).joined(separator: ", ")).", prefix: "change")
        }
        if (description ?? "").count > 4000 { errors.add("description", "The description must be at most 4,000 characters.", prefix: "change") }
        guard errors.isEmpty, let parsedKind, let service = service.nonEmpty, let effective, let department else { return .failure(errors) }
        return .success(.init(accountID: account, kind: parsedKind, service: service, effectiveOn: effective, reportedBy: department,
                              locationID: location_id.nonEmpty.map { Location.ID($0) }, description: description.nonEmpty ?? ""))
    }
}

/// Parsing the values the account page's forms share, each error added under its field.
enum FormValues {
    static func currency(_ text: String?, _ errors: inout FormErrors, prefix: String) -> Currency? {
        guard let currency = try? Currency(text.nonEmpty?.uppercased() ?? "") else {
            errors.add("currency", "Enter the currency as a three-letter code such as USD.", prefix: prefix)
            return nil
        }
        return currency
    }

    /// The amount as sent, once it parses in `currency` (the use case parses it again).
    static func amount(_ text: String?, _ field: String, currency: Currency?, _ errors: inout FormErrors, prefix: String) -> String? {
        guard let text = text.nonEmpty, (try? Money.parse(text, currency: currency ?? .usd)) != nil else {
            errors.add(field, "Enter the \(field) as a number such as 1250.00.", prefix: prefix)
            return nil
        }
        return text
    }

    static func day(_ text: String?, _ field: String, _ what: String, _ errors: inout FormErrors, prefix: String) -> Day? {
        guard let text = text.nonEmpty, let day = try? Day(iso: text) else {
            errors.add(field, "Enter \(what) as YYYY-MM-DD.", prefix: prefix)
            return nil
        }
        return day
    }
}
