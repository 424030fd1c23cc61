import RapportCore
import Testing

@Suite("Request rules")
struct RequestRulesTests {
    let usd = Currency.usd

    func day(_ iso: String) throws -> Day { try Day(iso: iso) }

    @Test func aPromisePaysSomethingNoEarlierThanItIsMade() throws {
        let made = try day("2024-03-05")
        try RequestRules.checkPromise(amount: Money(minorUnits: 1, currency: usd), madeOn: made, promisedFor: made)
        #expect(throws: InvalidField("for", "2024-03-04 is before the promise was made (2024-03-05)")) {
            try RequestRules.checkPromise(amount: Money(minorUnits: 100, currency: usd), madeOn: made, promisedFor: try day("2024-03-04"))
        }
        #expect(throws: InvalidField("amount", "must be greater than zero")) {
            try RequestRules.checkPromise(amount: .zero(usd), madeOn: made, promisedFor: made)
        }
    }

    @Test func anArrangementHasOneToAHundredAndTwentyInstallmentsFromItsDay() throws {
        let agreed = try day("2024-02-01")
        let total = Money(minorUnits: 150_000, currency: usd)
        try RequestRules.checkArrangement(total: total, installments: 120, agreedOn: agreed, first: agreed)
        for count in [0, 121] {
            #expect(throws: InvalidField("installments", "must be between 1 and 120")) {
                try RequestRules.checkArrangement(total: total, installments: count, agreedOn: agreed, first: agreed)
            }
        }
        #expect(throws: InvalidField("total", "must be greater than zero")) {
            try RequestRules.checkArrangement(total: Money(minorUnits: -1, currency: usd), installments: 3, agreedOn: agreed, first: agreed)
        }
        #expect(throws: InvalidField("first", "2024-01-31 is before the arrangement was agreed (2024-02-01)")) {
            try RequestRules.checkArrangement(total: total, installments: 3, agreedOn: agreed, first: try day("2024-01-31"))
        }
    }

    @Test func heldMoneyAndCreditLimitsAreNeverNegative() throws {
        try RequestRules.checkCaseAmount(.zero(usd))
        try RequestRules.checkCreditLimit(nil)
        try RequestRules.checkCreditLimit(.zero(usd))
        #expect(throws: InvalidField("amount", "must not be negative")) { try RequestRules.checkCaseAmount(Money(minorUnits: -1, currency: usd)) }
        #expect(throws: InvalidField("limit", "must not be negative")) { try RequestRules.checkCreditLimit(Money(minorUnits: -5, currency: usd)) }
    }
}
