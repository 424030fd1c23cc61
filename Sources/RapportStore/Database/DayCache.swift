import RapportCore

/// ISO day texts parsed once each: a read of thousands of rows holds a few hundred distinct days.
struct DayCache {
    private var parsed: [String: Day] = [:]

    /// The day `text` names.
    mutating func day(_ text: String) throws -> Day {
        if let known = parsed[text] { return known }
        let value = try Day(iso: text)
        parsed[text] = value
        return value
    }
}
