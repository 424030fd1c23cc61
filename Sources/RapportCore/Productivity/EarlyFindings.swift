/// Issues found before the collection start: the case study's proof that calling early works —
/// a problem heard of while there is still time to fix it before anyone asks for the money.
public enum EarlyFindings {
    /// Whether `touch` found an issue before its invoice's collection start; a touch that names
    /// no invoice counts when it was a check-in or an early contact (made before any collection).
    public static func isEarly(_ touch: Interaction, collectionStarts: [Invoice.ID: Day]) -> Bool {
        guard touch.outcome == .issueFound else { return false }
        if let invoice = touch.invoiceID, let start = collectionStarts[invoice] { return touch.occurredOn < start }
        return touch.purpose == .checkIn || touch.purpose == .earlyContact
    }

    /// How many issues were found early in each calendar month of `range` (each month clipped to it).
    public static func byMonth(
        _ touches: [Interaction], collectionStarts: [Invoice.ID: Day], range: Period
    ) -> [(month: Period, count: Int)] {
        let early = touches.filter { range.contains($0.occurredOn) && isEarly($0, collectionStarts: collectionStarts) }
        return range.calendarMonths.map { month in (month, early.filter { month.contains($0.occurredOn) }.count) }
    }
}
