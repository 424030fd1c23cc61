import Foundation
import RapportCore

/// One period's metrics as JSON: the field names of the CLI contract, money as decimal strings in
/// major units, ratios as unrounded numbers, undefined values as null.
struct MetricsJSON: Encodable {
    let metrics: ReceivableMetrics
    let currency: Currency

    enum Keys: String, CodingKey {
        case periodDays, creditSales, beginningAR, endingAR, endingCurrentAR, dso, dsoCountback,
             dsoCountbackIsLowerBound, bestPossibleDso, averageDaysDelinquent, cei, percentCurrent,
             averageDaysToPay, weightedAverageDaysToPay, averageDaysBeyondTerms, aging
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        func money(_ minor: Int64) -> String { Money(minorUnits: minor, currency: currency).decimalString }
        try container.encode(metrics.periodDays, forKey: .periodDays)
        try container.encode(money(metrics.creditSales), forKey: .creditSales)
        try container.encode(money(metrics.beginningAR), forKey: .beginningAR)
        try container.encode(money(metrics.endingAR), forKey: .endingAR)
        try container.encode(money(metrics.endingCurrentAR), forKey: .endingCurrentAR)
        try container.encode(metrics.dso, forKey: .dso)
        try container.encode(metrics.dsoCountback, forKey: .dsoCountback)
        try container.encode(metrics.dsoCountbackIsLowerBound, forKey: .dsoCountbackIsLowerBound)
        try container.encode(metrics.bestPossibleDso, forKey: .bestPossibleDso)
        try container.encode(metrics.averageDaysDelinquent, forKey: .averageDaysDelinquent)
        try container.encode(metrics.cei, forKey: .cei)
        try container.encode(metrics.percentCurrent, forKey: .percentCurrent)
        try container.encode(metrics.timing.averageDaysToPay, forKey: .averageDaysToPay)
        try container.encode(metrics.timing.weightedAverageDaysToPay, forKey: .weightedAverageDaysToPay)
        try container.encode(metrics.timing.averageDaysBeyondTerms, forKey: .averageDaysBeyondTerms)
        try container.encode(AgingJSON(snapshot: metrics.aging, currency: currency), forKey: .aging)
    }
}

/// Aging buckets as a JSON object keyed by bucket label, amounts as decimal strings.
struct AgingJSON: Encodable {
    let snapshot: AgingSnapshot
    let currency: Currency

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (label, amount) in zip(snapshot.buckets.labels, snapshot.amounts) {
            try container.encode(Money(minorUnits: amount, currency: currency).decimalString, forKey: Key(stringValue: label))
        }
    }
}

/// Encodes report JSON: pretty, with sorted keys, so output is stable for scripts and diffs.
func encodeReport(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// A report's JSON: its parameters, then either the values or `groups` keyed by group name.
struct ReportEnvelope<Value: Encodable>: Encodable {
    let parameters: [String: String]
    let value: Value?
    let groups: [String: Value]?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        if let value { try value.encode(to: encoder) }
        var container = encoder.container(keyedBy: Key.self)
        for (key, text) in parameters { try container.encode(text, forKey: Key(stringValue: key)) }
        if let groups { try container.encode(groups, forKey: Key(stringValue: "groups")) }
    }
}
