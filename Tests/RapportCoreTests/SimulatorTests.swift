import Testing
import Foundation
@testable import RapportCore

@Suite("Simulator")
struct SimulatorTests {
    static func parameters(accounts: Int = 400, months: Int = 14, seed: UInt64 = 7) -> SimulationParameters {
        var parameters = SimulationParameters()
        parameters.accounts = accounts
        parameters.months = months
        parameters.seed = seed
        parameters.touchesPerDay = max(5, accounts * 70 / 20_000)
        return parameters
    }

    @Test func theSameSeedGivesTheSameCompanyAndNumbers() {
        let first = Simulator(Self.parameters()).run(.clientRelations)
        let again = Simulator(Self.parameters()).run(.clientRelations)
        #expect(first.metrics == again.metrics && first.casesOpened == again.casesOpened)
        let other = Simulator(Self.parameters(seed: 8)).run(.clientRelations)
        #expect(other.metrics != first.metrics)
    }

    /// Paired draws: what a customer does is drawn from streams keyed by the customer, the bill and
    /// the day, never from one the policy's own work advances. So an account that neither policy
    /// ever touched (nor its key account, nor a case of its own) pays exactly the same under both.
    @Test func customersNobodyTouchedPayTheSameUnderBothPolicies() {
        let parameters = Self.parameters(accounts: 1_000, months: 14)
        let traditional = Simulator(parameters).ledger(policy: .traditional)
        let relations = Simulator(parameters).ledger(policy: .clientRelations)
        var touched = Set((traditional.interactions + relations.interactions).map(\.accountID))
        touched.formUnion((traditional.cases + relations.cases).map(\.accountID))
        let parents = Dictionary(traditional.accounts.map { ($0.id, $0.parentID) }, uniquingKeysWith: { first, _ in first })
        func untouched(_ account: Account.ID) -> Bool {
            !touched.contains(account) && !(parents[account].flatMap { $0 }.map(touched.contains) ?? false)
        }
        func payments(_ ledger: SimulatedLedger) -> [String] {
            ledger.payments.filter { untouched($0.accountID) }.map { "\($0.accountID) \($0.receivedOn) \($0.amount.minorUnits)" }.sorted()
        }
        let paid = payments(traditional)
        let other = payments(relations)
        #expect(paid.count > 1_000)
        let difference = zip(paid, other).first { $0 != $1 }.map { "\($0.0) vs \($0.1)" } ?? "\(paid.count) vs \(other.count) payments"
        #expect(paid == other, "first difference: \(difference)")
    }

    @Test func theCompanyHasTheDocumentedShape() {
        let company = SyntheticCompany(Self.parameters(accounts: 4_000))
        let active = company.customers.filter { !$0.account.flags.contains(.newClient) }
        #expect(active.count == 4_000 && company.specialists == ["ana", "ben", "carla", "dev"])
        let residential = Double(active.filter { $0.account.segment == .residential }.count) / 4_000
        #expect(residential > 0.6 && residential < 0.75)
        #expect(active.contains { $0.account.isKeyAccount } && active.contains { $0.account.parentID != nil })
        // A key account's children share its specialist.
        let parents = Dictionary(uniqueKeysWithValues: company.customers.map { ($0.account.id, $0.account) })
        for child in company.customers where child.account.parentID != nil {
            #expect(parents[child.account.parentID!]?.specialist == child.account.specialist)
        }
        #expect(company.customers.allSatisfy { !$0.fixedIncome || $0.account.billingFrequency == .annual })
    }

    @Test func theLedgerKeepsCoresRulesEverywhere() throws {
        let ledger = Simulator(Self.parameters()).ledger(policy: .clientRelations)
        var allocated: [Invoice.ID: Int64] = [:]
        var used: [CreditSource: Int64] = [:]
        for allocation in ledger.allocations {
            allocated[allocation.invoiceID, default: 0] += allocation.amount.minorUnits
            used[allocation.source, default: 0] += allocation.amount.minorUnits
        }
        for invoice in ledger.invoices { #expect((allocated[invoice.id] ?? 0) <= invoice.total.minorUnits) }
        for payment in ledger.payments { #expect(used[.payment(payment.id)] == payment.amount.minorUnits) }
        for deposit in ledger.deposits { #expect((used[.deposit(deposit.id)] ?? 0) <= deposit.amount.minorUnits) }
        #expect(!ledger.deposits.isEmpty && !ledger.creditMemos.isEmpty && !ledger.cases.isEmpty)
        // Every case was routed by the routing table and resolved cases name a taxonomy cause.
        for item in ledger.cases {
            #expect(item.department == CaseRouting.standard.route(item.category).department)
            if let cause = item.rootCause { #expect(RootCauseTaxonomy.standard.cause(cause) != nil) }
        }
    }

    /// The mechanism, not the outcome: only client relations touches customers before the
    /// collection start, so only it can find a problem then. How many days of DSO that is worth is
    /// what the simulator reports, not what a test may require.
    @Test func onlyClientRelationsFindsProblemsBeforeTheCollectionStart() {
        let simulator = Simulator(Self.parameters(accounts: 1_500, months: 18))
        let traditional = simulator.run(.traditional)
        let relations = simulator.run(.clientRelations)
        #expect(traditional.issuesFoundBeforeCollectionStart == 0)
        #expect(relations.issuesFoundBeforeCollectionStart > 0)
        #expect(traditional.period.days == 365 || traditional.period.days == 366)
    }

    @Test func aCheckInFindsAnUnfinishedInstallationThatTraditionalFindsAtFirstContact() {
        let parameters = Self.parameters(accounts: 1_500, months: 14)
        func daysFromInvoiceToCase(_ ledger: SimulatedLedger) -> [Int] {
            let issued = Dictionary(ledger.invoices.map { ($0.id, $0.issueDate) }, uniquingKeysWith: { first, _ in first })
            return ledger.cases.filter { $0.category == .incompleteInstallation }.compactMap { item in
                item.invoiceIDs.first.flatMap { issued[$0] }.map { item.openedOn.days(since: $0) }
            }
        }
        let traditional = daysFromInvoiceToCase(Simulator(parameters).ledger(policy: .traditional))
        let relations = daysFromInvoiceToCase(Simulator(parameters).ledger(policy: .clientRelations))
        // Installation invoices are issued on the day the job is billed off; collection starts at day 30.
        #expect(!traditional.isEmpty && traditional.allSatisfy { $0 >= 30 })
        #expect(relations.contains { $0 >= parameters.checkInDays && $0 < 30 })
    }

    @Test func hardshipMovesToMonthlyBillingOnlyUnderClientRelations() {
        var parameters = Self.parameters(accounts: 600, months: 14)
        parameters.hardshipRate = 1
        let relations = Simulator(parameters).ledger(policy: .clientRelations)
        let traditional = Simulator(parameters).ledger(policy: .traditional)
        #expect(!relations.billingChanges.isEmpty && traditional.billingChanges.isEmpty)
        for change in relations.billingChanges {
            let bills = relations.invoices.filter { change.invoiceIDs.contains($0.id) }
            #expect(bills.reduce(Int64(0)) { $0 + $1.total.minorUnits } == change.amount.minorUnits)
            #expect(relations.accounts.first { $0.id == change.accountID }?.billingFrequency == .monthly)
        }
    }

    @Test func parametersRoundTripAsJSON() throws {
        let parameters = Self.parameters()
        let data = try JSONEncoder().encode(parameters)
        #expect(try JSONDecoder().decode(SimulationParameters.self, from: data) == parameters)
    }
}

@Suite("Simulation spread")
struct SimulationSpreadTests {
    @Test func theSpreadIsTheMeanMinMaxAndSampleDeviationOfTheSeeds() {
        let results = (11...13).map { seed in Simulator(SimulatorTests.parameters(accounts: 150, months: 13, seed: UInt64(seed))).run(.traditional) }
        let spread = SimulationSpread(results)
        let dsos = results.map { $0.metrics.dso! }
        let mean = dsos.reduce(0, +) / 3
        #expect(spread.seeds == 3 && spread.policy == .traditional && spread.period == results[0].period)
        #expect(abs(spread.dso! - mean) < 1e-12)
        #expect(spread.dsoMin == dsos.min() && spread.dsoMax == dsos.max())
        #expect(abs(spread.dsoSd! - (dsos.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2).squareRoot()) < 1e-12)
        #expect(spread.casesOpened == Double(results.map(\.casesOpened).reduce(0, +)) / 3)
        let alone = SimulationSpread([results[0]])
        #expect(alone.dso == dsos[0] && alone.dsoSd == nil && alone.dsoMin == alone.dsoMax)
    }
}
