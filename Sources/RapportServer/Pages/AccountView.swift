import RapportCore

/// What the account 360 page shows, made from Core's `AccountOverview` (formatting only).
struct AccountView: Encodable, Sendable {
    struct Fact: Encodable, Sendable { var label: String; var value: String }
    struct InvoiceRow: Encodable, Sendable {
        var id: String; var href: String; var issued: String; var due: String; var collectionStart: String
        var open: String; var daysPastDue: Int; var bucket: String
    }
    struct LocationRows: Encodable, Sendable { var name: String; var invoices: [InvoiceRow] }
    struct JobRow: Encodable, Sendable {
        var id: String; var kind: String; var department: String; var percentComplete: Int; var billedOff: String
        var items: [String]
    }
    struct CaseRow: Encodable, Sendable {
        var id: String; var href: String; var category: String; var department: String; var status: String; var onHold: String
        var slaDue: String
    }
    struct SimpleRow: Encodable, Sendable { var id: String; var text: String; var status: String }
    struct EventRow: Encodable, Sendable { var day: String; var kind: String; var summary: String; var amount: String }
    struct PersonRow: Encodable, Sendable { var name: String; var role: String; var email: String; var phone: String; var site: String }

    var id: String
    var name: String
    var facts: [Fact]
    var balances: [String]
    var flags: [String]
    var held: Bool
    var locations: [LocationRows]
    var jobs: [JobRow]
    var cases: [CaseRow]
    var promises: [SimpleRow]
    var arrangements: [SimpleRow]
    var changeRequests: [SimpleRow]
    var billingChanges: [SimpleRow]
    var contacts: [PersonRow]
    var timeline: [EventRow]
    /// Whether older events are not shown (the page shows the latest `recentEvents` unless asked for all).
    var timelineTruncated: Bool
    var children: [String]
    var isKeyAccount: Bool
    var statementHref: String
    /// Leaf treats an empty list as true, so each list's page section is guarded by a flag of its own.
    var has: [String: Bool] = [:]

    /// How many of the newest events the page shows unless `?timeline=all` asks for every one.
    static let recentEvents = 25

    init(_ overview: AccountOverview, asOf day: Day, allEvents: Bool = false) {
        let account = overview.accounts.first { $0.id == overview.accountID }
        id = overview.accountID.rawValue
        name = account?.name ?? overview.accountID.rawValue
        let terms = account?.terms ?? Terms()
        let ours = overview.whoToCall.ours.first { $0.accountID == overview.accountID }
        facts = [
            Fact(label: "Segment", value: account?.segment.rawValue ?? "-"),
            Fact(label: "Terms", value: "due \(terms.dueDays) days after issue; collection starts \(terms.collectionStartDays) days after issue"),
            Fact(label: "Billing", value: account?.billingFrequency.rawValue ?? "-"),
            Fact(label: "Specialist", value: ours?.specialist ?? "-"),
            Fact(label: "Salesperson", value: ours?.salesperson ?? "-"),
            Fact(label: "Service manager", value: ours?.serviceManager ?? "-"),
        ]
        balances = overview.balances.map { "\($0.groupedString) \($0.currency.code)" }
        flags = (account?.flags.sorted() ?? []).map { $0.rawValue.replacing("_", with: " ") }
        isKeyAccount = account?.isKeyAccount ?? false
        held = overview.openCases.contains { !$0.amountOnHold.isZero }
        let termsByAccount = Dictionary(overview.accounts.map { ($0.id, $0.terms) }, uniquingKeysWith: { first, _ in first })
        locations = overview.openByLocation.map { group in
            LocationRows(name: group.name, invoices: group.invoices.map { invoice in
                let start = (termsByAccount[invoice.accountID] ?? terms).collectionStart(issuedOn: invoice.issueDate)
                return InvoiceRow(
                    id: invoice.invoiceID.rawValue, href: "/invoices/\(invoice.invoiceID.rawValue)", issued: invoice.issueDate.isoString,
                    due: invoice.dueDate.isoString, collectionStart: start.isoString,
                    open: "\(invoice.open.groupedString) \(invoice.open.currency.code)", daysPastDue: invoice.daysPastDue,
                    bucket: invoice.bucket)
            })
        }
        jobs = overview.jobsWithOpenFollowUps.map { job in
            JobRow(id: job.id.rawValue, kind: job.kind.rawValue, department: job.ownerDepartment.rawValue,
                   percentComplete: job.percentComplete, billedOff: job.billedOffOn?.isoString ?? "not billed off",
                   items: job.followUps.filter { $0.completedOn == nil }.map { "\($0.description) (\($0.department.rawValue), due \($0.dueOn))" })
        }
        cases = overview.openCases.map { item in
            CaseRow(id: item.id.rawValue, href: "/cases/\(item.id.rawValue)", category: item.category.rawValue.replacing("_", with: " "),
                    department: item.department.rawValue, status: item.status.rawValue.replacing("_", with: " "),
                    onHold: "\(item.amountOnHold.groupedString) \(item.amountOnHold.currency.code)",
                    slaDue: item.openedOn.adding(days: item.slaDays).isoString)
        }
        promises = overview.promises.map { entry in
            SimpleRow(id: entry.promise.id.rawValue,
                      text: "\(entry.promise.amount.groupedString) \(entry.promise.amount.currency.code) for \(entry.promise.promisedFor)",
                      status: entry.status.rawValue)
        }
        arrangements = overview.arrangements.map { entry in
            SimpleRow(id: entry.arrangement.id.rawValue,
                      text: "\(entry.arrangement.installments.count) installments agreed \(entry.arrangement.agreedOn); paid \(entry.standing.paid.groupedString) of \(entry.standing.due.groupedString) due",
                      status: entry.standing.state.rawValue.replacing("_", with: " "))
        }
        changeRequests = overview.changeRequests.map { change in
            SimpleRow(id: change.id.rawValue,
                      text: "\(change.kind.rawValue.replacing("_", with: "-")) of \(change.service) from \(change.effectiveOn), reported by \(change.reportedBy.rawValue.replacing("_", with: " "))",
                      status: change.appliedOn.map { $0 <= day ? "applied \($0)" : "open" } ?? "open")
        }
        billingChanges = overview.billingChanges.map { change in
            SimpleRow(id: change.id.rawValue,
                      text: "invoice \(change.invoiceID) (\(change.amount.groupedString) \(change.amount.currency.code) credited) re-billed in \(change.invoiceIDs.count) monthly invoices from \(change.effectiveOn)",
                      status: "recorded \(change.recordedOn)")
        }
        contacts = overview.whoToCall.sites.flatMap { site in
            site.contacts.map { contact in
                PersonRow(name: contact.name, role: contact.role.rawValue.replacing("_", with: " "), email: contact.email ?? "-",
                          phone: contact.phone ?? "-", site: site.name)
            }
        }
        let events = overview.timeline
        timeline = events.prefix(allEvents ? events.count : Self.recentEvents).map { event in
            EventRow(day: event.day.isoString, kind: event.kind.rawValue.replacing("_", with: " "), summary: event.summary,
                     amount: event.amount.map { "\($0.groupedString) \($0.currency.code)" } ?? "")
        }
        timelineTruncated = events.count > timeline.count
        children = overview.accounts.filter { $0.id != overview.accountID }.map { "\($0.id.rawValue) \($0.name)" }
        statementHref = "/accounts/\(QueueController.escapePath(overview.accountID.rawValue))/statement?as_of=\(day.isoString)"
        has = ["locations": !locations.isEmpty, "jobs": !jobs.isEmpty, "cases": !cases.isEmpty, "promises": !promises.isEmpty,
               "arrangements": !arrangements.isEmpty, "changeRequests": !changeRequests.isEmpty,
               "billingChanges": !billingChanges.isEmpty, "contacts": !contacts.isEmpty, "children": !children.isEmpty,
               "timeline": !timeline.isEmpty]
    }
}
