import RapportCore
import RapportImport

/// A report's table as every edge shows it: the column names and the rows, each cell both exact
/// (for CSV and programs: unrounded numbers, decimal money) and for people (rounded, grouped).
/// The CLI's `--format csv` and the web's `&format=csv` print the same `csv()`.
public struct ReportTable: Sendable {
    /// One value, exact and as shown to people.
    public struct Cell: Sendable {
        public var exact: String
        public var shown: String

        /// A cell shown as it is.
        public init(_ text: String) { exact = text; shown = text }
        /// A cell with a rounded form for people.
        public init(exact: String, shown: String) { self.exact = exact; self.shown = shown }
        /// A number: unrounded when exact, two decimals when shown, empty / "—" when undefined.
        public static func number(_ value: Double?) -> Cell {
            value.map { Cell(exact: String($0), shown: formatTwoDecimals($0)) } ?? Cell(exact: "", shown: "—")
        }
        /// Money: a decimal string when exact, grouped when shown.
        public static func money(_ amount: Money) -> Cell { Cell(exact: amount.decimalString, shown: amount.groupedString) }
        /// An amount in minor units of `currency`.
        public static func money(_ minor: Int64, _ currency: Currency) -> Cell { money(Money(minorUnits: minor, currency: currency)) }
    }

    public var columns: [String]
    public var rows: [[Cell]]

    /// Makes a table; every row has one cell per column.
    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as CSV (RFC 4180, header first), exact values.
    public func csv() -> String {
        var writer = CSVWriter()
        writer.append(columns)
        for row in rows { writer.append(row.map(\.exact)) }
        return writer.take()
    }

    /// The rows as people read them.
    public var shownRows: [[String]] { rows.map { $0.map(\.shown) } }
}

/// Rounds half away from zero to two decimals, for tables and pages only.
public func formatTwoDecimals(_ value: Double) -> String {
    let hundredths = (value * 100).rounded(.toNearestOrAwayFromZero)
    let negative = hundredths < 0
    let magnitude = Int64(abs(hundredths))
    let fraction = magnitude % 100
    return (negative ? "-" : "") + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
}
