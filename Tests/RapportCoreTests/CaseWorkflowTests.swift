import Testing
@testable import RapportCore

@Suite("Cases: routing, SLA, state machine, root causes")
struct CaseWorkflowTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }

    func opened(_ category: Case.Category = .incompleteInstallation) -> Case {
        CaseWorkflow.open(
            id: "C1", accountID: "A1", invoiceIDs: ["I1"], category: category,
            amountOnHold: Money(minorUnits: 125_050, currency: .usd), on: day("2024-01-13"))
    }

    @Test(arguments: [
        (Case.Category.incompleteInstallation, Department.installation, [Department]()),
        (.billingError, .billing, []), (.billingDetailRequest, .billing, []),
        (.unrecordedChange, .sales, [.billing]), (.serviceQuality, .service, []),
        (.hardship, .clientRelations, []), (.dispute, .clientRelations, []),
    ])
    func routingFollowsTheCaseStudy(category: Case.Category, department: Department, also: [Department]) {
        let route = CaseRouting.standard.route(category)
        #expect(route.department == department && route.also == also)
        #expect(opened(category).department == department)
    }

    @Test func routingIsDataAndCanBeOverridden() {
        var routing = CaseRouting.standard
        routing.routes[.dispute] = .init(department: .customerCare)
        #expect(routing.route(.dispute).department == .customerCare)
        #expect(CaseRouting(routes: [:]).route(.billingError).department == .clientRelations)
    }

    @Test func slaDueAndPastDue() {
        let item = opened()
        #expect(item.slaDays == 10 && item.slaDue == day("2024-01-23"))
        #expect(!item.isPastSLA(on: day("2024-01-23")))
        #expect(item.isPastSLA(on: day("2024-01-24")))
        #expect(CaseSLA.standard.days(for: .billingError) == 5)
    }

    @Test func theHappyPathToClosed() throws {
        var item = opened()
        item = try CaseWorkflow.move(item, to: .inProgress, on: day("2024-01-14"))
        item = try CaseWorkflow.move(item, to: .waitingOnCustomer, on: day("2024-01-15"))
        item = try CaseWorkflow.move(item, to: .inProgress, on: day("2024-01-16"))
        item = try CaseWorkflow.move(item, to: .resolved, on: day("2024-01-18"), rootCause: "INST.PUNCH_LIST_OPEN", resolution: .workCompleted)
        #expect(item.resolvedOn == day("2024-01-18") && item.rootCause == "INST.PUNCH_LIST_OPEN" && item.resolution == .workCompleted)
        #expect(!item.isActive && !item.isPastSLA(on: day("2024-03-01")))
        item = try CaseWorkflow.move(item, to: .closed, on: day("2024-01-20"))
        #expect(item.status == .closed)
    }

    @Test func reopeningClearsTheResolution() throws {
        var item = opened()
        item = try CaseWorkflow.move(item, to: .inProgress, on: day("2024-01-14"))
        item = try CaseWorkflow.move(item, to: .resolved, on: day("2024-01-15"), rootCause: "BILL.WRONG_AMOUNT", resolution: .creditMemo)
        item = try CaseWorkflow.move(item, to: .closed, on: day("2024-01-16"))
        item = try CaseWorkflow.move(item, to: .inProgress, on: day("2024-02-01"))
        #expect(item.isActive && item.resolvedOn == nil && item.resolution == nil && item.rootCause == "BILL.WRONG_AMOUNT")
    }

    @Test func invalidMovesAndMissingFactsAreRefused() throws {
        let item = opened()
        #expect(throws: CaseError.invalidTransition(from: .open, to: .resolved)) {
            try CaseWorkflow.move(item, to: .resolved, on: day("2024-01-14"), rootCause: "INST.PUNCH_LIST_OPEN", resolution: .workCompleted)
        }
        #expect(throws: CaseError.invalidTransition(from: .open, to: .closed)) { try CaseWorkflow.move(item, to: .closed, on: day("2024-01-14")) }
        let working = try CaseWorkflow.move(item, to: .inProgress, on: day("2024-01-14"))
        #expect(throws: CaseError.rootCauseRequired) { try CaseWorkflow.move(working, to: .resolved, on: day("2024-01-15"), resolution: .rebill) }
        #expect(throws: CaseError.unknownRootCause("NOPE")) {
            try CaseWorkflow.move(working, to: .resolved, on: day("2024-01-15"), rootCause: "NOPE", resolution: .rebill)
        }
        #expect(throws: CaseError.resolutionRequired) {
            try CaseWorkflow.move(working, to: .resolved, on: day("2024-01-15"), rootCause: "BILL.MISSING_PO")
        }
        #expect(throws: CaseError.dateBeforeOpening(day("2024-01-01"))) {
            try CaseWorkflow.move(item, to: .inProgress, on: day("2024-01-01"))
        }
    }

    @Test func everyStatusPairIsDecidedByTheTable() {
        let allowed: Set<String> = [
            "open>in_progress", "in_progress>waiting_on_customer", "waiting_on_customer>in_progress",
            "in_progress>resolved", "waiting_on_customer>resolved", "resolved>closed", "resolved>in_progress",
            "closed>in_progress",
        ]
        for from in Case.Status.allCases {
            for to in Case.Status.allCases {
                #expect(CaseWorkflow.canMove(from: from, to: to) == allowed.contains("\(from.rawValue)>\(to.rawValue)"))
            }
        }
    }

    @Test func taxonomyCodesAreUniqueAndOwned() {
        let taxonomy = RootCauseTaxonomy.standard
        #expect(taxonomy.causes.count == 11)
        #expect(taxonomy.cause("SALES.CANCEL_NOT_RECORDED")?.department == .sales)
        #expect(taxonomy.cause("nope") == nil)
    }
}

@Suite("Root-cause Pareto")
struct RootCauseReportTests {
    @Test func resolvedCasesInThePeriodByCauseMostFrequentFirst() throws {
        let day = { (text: String) in try! Day(iso: text) }
        func resolved(_ id: String, _ cause: String, _ on: String, _ cents: Int64) -> Case {
            Case(id: Case.ID(id), accountID: "A", category: .billingError, amountOnHold: Money(minorUnits: cents, currency: .usd),
                 department: .billing, status: .resolved, rootCause: cause, openedOn: day("2024-01-01"), resolvedOn: day(on), slaDays: 5)
        }
        let cases = [
            resolved("1", "INST.PUNCH_LIST_OPEN", "2024-02-01", 100), resolved("2", "INST.PUNCH_LIST_OPEN", "2024-02-02", 300),
            resolved("3", "BILL.WRONG_AMOUNT", "2024-02-03", 1_000), resolved("4", "SALES.CANCEL_NOT_RECORDED", "2024-02-04", 50),
            resolved("5", "BILL.WRONG_AMOUNT", "2024-03-05", 999),   // outside the period
        ]
        let report = RootCauseReport(cases: cases, period: try Period(from: day("2024-02-01"), to: day("2024-02-29")))
        #expect(report.resolvedCases == 4)
        #expect(report.rows.map(\.code) == ["INST.PUNCH_LIST_OPEN", "BILL.WRONG_AMOUNT", "SALES.CANCEL_NOT_RECORDED"])
        #expect(report.rows.map(\.cases) == [2, 1, 1])
        #expect(report.rows.map(\.share) == [50, 25, 25])
        #expect(report.rows.map(\.cumulativeShare) == [50, 75, 100])
        #expect(report.rows[0].amountOnHold.minorUnits == 400 && report.rows[0].department == .installation)
        #expect(RootCauseReport(cases: [], period: try Period(from: day("2024-02-01"), to: day("2024-02-29"))).rows.isEmpty)
    }
}

@Suite("Corrective action effect")
struct CorrectiveActionEffectTests {
    @Test func rateAndDaysToPayBeforeAndAfterImplementation() throws {
        let day = { (text: String) in try! Day(iso: text) }
        func item(_ id: String, _ opened: String, _ invoice: String, cause: String = "INST.PUNCH_LIST_OPEN") -> Case {
            Case(id: Case.ID(id), accountID: "A", invoiceIDs: [Invoice.ID(invoice)], category: .incompleteInstallation,
                 amountOnHold: Money(minorUnits: 100, currency: .usd), department: .installation, status: .resolved,
                 rootCause: cause, openedOn: day(opened), slaDays: 10)
        }
        let action = CorrectiveAction(id: "K1", rootCause: "INST.PUNCH_LIST_OPEN", description: "Walkthrough before billing off",
                                      ownerDepartment: .installation, dueOn: day("2024-03-01"), implementedOn: day("2024-03-01"))
        let cases = [item("C1", "2024-02-01", "I1"), item("C2", "2024-02-15", "I2"), item("C3", "2024-03-10", "I3"),
                     item("C4", "2024-02-20", "I4", cause: "BILL.WRONG_AMOUNT")]
        let held = [
            CorrectiveActionEffect.HeldInvoice(invoiceID: "I1", issueDate: day("2024-01-20"), paidOn: day("2024-03-20")),  // 60 days
            .init(invoiceID: "I2", issueDate: day("2024-02-01"), paidOn: day("2024-03-22")),                                // 50 days
            .init(invoiceID: "I3", issueDate: day("2024-03-05"), paidOn: day("2024-03-25")),                                // 20 days
        ]
        let (before, after) = CorrectiveActionEffect.windows(implementedOn: day("2024-03-01"), days: 30)
        #expect(before.from == day("2024-01-31") && before.to == day("2024-02-29") && after.to == day("2024-03-30"))
        let effect = try #require(CorrectiveActionEffect(action: action, cases: cases, held: held, days: 30) { $0 == before ? 400 : 500 })
        #expect(effect.before.cases == 2 && effect.after.cases == 1)
        #expect(effect.before.ratePerThousand == 5 && effect.after.ratePerThousand == 2)
        #expect(effect.before.averageDaysToPay == 55 && effect.after.averageDaysToPay == 20)
        var pending = action
        pending.implementedOn = nil
        #expect(CorrectiveActionEffect(action: pending, cases: cases, held: held, days: 30) { _ in 1 } == nil)
    }
}
