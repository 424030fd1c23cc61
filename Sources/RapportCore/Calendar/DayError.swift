/// Why text or numbers do not name a calendar day.
public enum DayError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case outOfRange(year: Int)
    case noSuchMonth(Int)
    case noSuchDay(year: Int, month: Int, day: Int)

    public var description: String {
        switch self {
        case .malformed(let text): "not a date in YYYY-MM-DD form: \"\(text)\""
        case .outOfRange(let year): "year \(year) is outside 0001–9999"
        case .noSuchMonth(let month): "there is no month \(month)"
        case .noSuchDay(let year, let month, let day):
            "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2)) does not exist"
        }
    }
}
