/// Payment terms: when an invoice is due, and when collection contacts may start.
///
/// The case study's company bills "due on receipt" but only starts collecting 30 days later (the
/// "unstated net-30"); aging can be read against either day.
public struct Terms: Hashable, Sendable {
    /// Days from issue to the stated due date; 0 is "due on receipt".
    public var dueDays: Int
    /// Days from issue to the first collection contact.
    public var collectionStartDays: Int

    public init(dueDays: Int = 0, collectionStartDays: Int = 30) {
        self.dueDays = dueDays
        self.collectionStartDays = collectionStartDays
    }

    /// Due on receipt, collections from day 30: the default for every account.
    public static let standard = Terms()

    /// The stated due date of an invoice issued on `issueDate`.
    public func dueDate(issuedOn issueDate: Day) -> Day { issueDate.adding(days: dueDays) }

    /// The first day collection contacts may be made on an invoice issued on `issueDate`.
    public func collectionStart(issuedOn issueDate: Day) -> Day { issueDate.adding(days: collectionStartDays) }
}
