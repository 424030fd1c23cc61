import Testing
@testable import RapportCore

@Suite("Late-payment risk model")
struct RiskModelTests {
    @Test func mathHelpersAreAccurate() {
        #expect(abs(RiskFeatures.logOnePlus(0) - 0) < 1e-12)
        #expect(abs(RiskFeatures.logOnePlus(1) - 0.693_147_180_559_945_3) < 1e-12)
        #expect(abs(RiskFeatures.logOnePlus(999) - 6.907_755_278_982_137) < 1e-9)
        #expect(abs(LogisticModel.exponential(-1) - 0.367_879_441_171_442_3) < 1e-12)
        #expect(abs(LogisticModel.sigmoid(0) - 0.5) < 1e-15)
        #expect(abs(LogisticModel.sigmoid(2) - 0.880_797_077_977_882_3) < 1e-12)
    }

    @Test func aucCountsOrderedPairsAndHalfTies() {
        #expect(areaUnderCurve(scores: [0.1, 0.4, 0.35, 0.8], late: [false, false, true, true]) == 0.75)
        #expect(areaUnderCurve(scores: [0.5, 0.5], late: [false, true]) == 0.5)
        #expect(areaUnderCurve(scores: [0.2, 0.9], late: [false, false]) == nil)
    }

    @Test func trainingLearnsAFeatureThatSeparatesTheClasses() {
        // Late exactly when feature 0 is 1; feature 1 is noise.
        var examples: [([Double], Bool)] = []
        for index in 0..<200 { examples.append(([Double(index % 2), Double(index % 7)], index % 2 == 1)) }
        let model = LogisticModel.train(examples, featureNames: ["signal", "noise"])
        #expect(model.weights[0] > 1 && abs(model.weights[1]) < 0.5)
        #expect(model.probability([1, 3]) > 0.8 && model.probability([0, 3]) < 0.2)
        #expect(model.topContributions([1, 3], count: 1).map(\.feature) == ["signal"])
        #expect(LogisticModel.train(examples, featureNames: ["signal", "noise"]) == model)   // deterministic
    }

    @Test func historyCasesAndOpenFollowUpsBecomeFeaturesWithoutLookingAhead() throws {
        let day = { (text: String) in try! Day(iso: text) }
        let usd = { (minor: Int64) in Money(minorUnits: minor, currency: .usd) }
        let account = Account(id: "A", name: "A", segment: .government, billingFrequency: .annual, flags: [.hardship])
        let job = Job(id: "J", accountID: "A", kind: .installation, ownerDepartment: .installation, percentComplete: 95,
                      followUps: [FollowUpItem(id: "F", jobID: "J", description: "x", department: .installation, dueOn: day("2024-02-01"))])
        let invoices = [
            RiskTraining.InvoiceFacts(id: "I1", accountID: "A", issueDate: day("2024-01-01"), dueDate: day("2024-01-01"), total: usd(10_000), paidOn: day("2024-01-21")),
            RiskTraining.InvoiceFacts(id: "I2", accountID: "A", issueDate: day("2024-01-15"), dueDate: day("2024-01-15"), total: usd(10_000), paidOn: day("2024-01-20")),
            RiskTraining.InvoiceFacts(id: "I3", accountID: "A", issueDate: day("2024-02-01"), dueDate: day("2024-02-01"), total: usd(99_900), paidOn: nil, jobID: "J"),
        ]
        let cases = [Case(id: "C", accountID: "A", category: .hardship, amountOnHold: usd(1), department: .clientRelations,
                          openedOn: day("2024-01-10"), slaDays: 10)]
        let inputs = RiskTraining.inputs(invoices: invoices, accounts: ["A": account], cases: cases, jobs: ["J": job])
        #expect(inputs["I1"]?.pastDaysBeyondTerms == nil && inputs["I1"]?.openCases == 0)
        #expect(inputs["I2"]?.pastDaysBeyondTerms == nil && inputs["I2"]?.openCases == 1)     // I1 paid Jan 21, after I2's issue
        #expect(inputs["I3"]?.pastDaysBeyondTerms == 12.5 && inputs["I3"]?.serviceIncomplete == true)  // (20 + 5) / 2
        let vector = RiskFeatures.vector(inputs["I3"]!)
        #expect(vector.count == RiskFeatures.names.count)
        #expect(vector[1] == 1 && vector[8] == 1 && vector[11] == 1 && abs(vector[3] - RiskFeatures.logOnePlus(999)) < 1e-12)
        let result = RiskTraining.train(invoices: invoices, accounts: ["A": account], cases: cases, jobs: ["J": job], asOf: day("2024-03-01"))
        #expect(result.trainCount + result.testCount == 3)
    }
}

@Suite("Account risk from the model")
struct AccountRiskTests {
    @Test func theRiskiestOpenInvoiceSetsTheAccountsRiskAndFactors() {
        let day = { (text: String) in try! Day(iso: text) }
        let usd = { (minor: Int64) in Money(minorUnits: minor, currency: .usd) }
        // A model that only cares about the amount: bigger invoices are riskier.
        let names = RiskFeatures.names
        var weights = [Double](repeating: 0, count: names.count)
        weights[3] = 2
        let model = LogisticModel(featureNames: names, means: [Double](repeating: 0, count: names.count),
                                  deviations: [Double](repeating: 1, count: names.count), weights: weights, bias: -10)
        let account = Account(id: "A", name: "A", segment: .commercial)
        let history = [
            RiskTraining.InvoiceFacts(id: "small", accountID: "A", issueDate: day("2024-01-01"), dueDate: day("2024-01-01"), total: usd(1_000), paidOn: nil),
            RiskTraining.InvoiceFacts(id: "large", accountID: "A", issueDate: day("2024-01-02"), dueDate: day("2024-01-02"), total: usd(10_000_000), paidOn: nil),
        ]
        let risk = AccountRisk(model: model, history: history, open: ["small", "large"], accounts: ["A": account], cases: [], jobs: [:])
        let expected = model.probability(RiskFeatures.vector(RiskFeatures.Inputs(
            segment: .commercial, billingFrequency: .monthly, hardship: false, newClient: false, amount: usd(10_000_000),
            pastDaysBeyondTerms: nil, openCases: 0, serviceIncomplete: false)))
        #expect(risk.probability["A"] == expected)
        #expect(risk.factors["A"]?.first == "+log_invoice_amount")
    }
}
