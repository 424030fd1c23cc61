/// The rules a new promise, arrangement, case or credit review must meet before it is recorded.
public enum RequestRules {
    /// The most monthly installments an arrangement may have (ten years).
    public static let maximumInstallments = 120

    /// A touch's next contact is after the touch, and its satisfaction is 1 to 5 points.
    public static func checkTouch(occurredOn: Day, nextContactOn: Day?, satisfaction: Int?) throws(InvalidField) {
        if let next = nextContactOn, next <= occurredOn {
            throw InvalidField("next_on", "\(next) is not after the touch (\(occurredOn))")
        }
        if let satisfaction, !Interaction.satisfactionRange.contains(satisfaction) {
            throw InvalidField("satisfaction", "must be a whole number from 1 to 5")
        }
    }

    /// A promise pays more than nothing, no earlier than the day it is made.
    public static func checkPromise(amount: Money, madeOn: Day, promisedFor: Day) throws(InvalidField) {
        guard promisedFor >= madeOn else { throw InvalidField("for", "\(promisedFor) is before the promise was made (\(madeOn))") }
        guard amount.isPositive else { throw InvalidField("amount", "must be greater than zero") }
    }

    /// An arrangement has 1 to `maximumInstallments` installments of more than nothing in all,
    /// the first of them no earlier than the day it is agreed.
    public static func checkArrangement(total: Money, installments: Int, agreedOn: Day, first: Day) throws(InvalidField) {
        try checkInstallments(installments)
        guard total.isPositive else { throw InvalidField("total", "must be greater than zero") }
        guard first >= agreedOn else { throw InvalidField("first", "\(first) is before the arrangement was agreed (\(agreedOn))") }
    }

    /// An arrangement's number of installments: 1 to `maximumInstallments`.
    public static func checkInstallments(_ count: Int) throws(InvalidField) {
        guard (1...maximumInstallments).contains(count) else {
            throw InvalidField("installments", "must be between 1 and \(maximumInstallments)")
        }
    }

    /// The money a case puts on hold is never negative (zero: nothing held).
    public static func checkCaseAmount(_ amount: Money) throws(InvalidField) {
        guard !amount.isNegative else { throw InvalidField("amount", "must not be negative") }
    }

    /// The most characters a case's notes may have.
    public static let maximumCaseNotes = 4000

    /// A case's notes fit on its page.
    public static func checkCaseNotes(_ notes: String) throws(InvalidField) {
        guard notes.count <= maximumCaseNotes else { throw InvalidField("notes", "must be at most 4,000 characters") }
    }

    /// A credit limit is never negative.
    public static func checkCreditLimit(_ limit: Money?) throws(InvalidField) {
        if let limit, limit.isNegative { throw InvalidField("limit", "must not be negative") }
    }
}
