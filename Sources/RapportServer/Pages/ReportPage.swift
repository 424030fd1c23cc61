import RapportApp

/// What `report.leaf` draws: the report's filters, its table as people read it, and the links to
/// the other reports and to the CSV of this one.
struct ReportPage: Encodable, Sendable {
    /// One cell as shown; `numeric` right-aligns it.
    struct Cell: Encodable, Sendable {
        var text: String
        var numeric: Bool
    }

    /// The table: a one-row table is drawn as name/value pairs, which read better than 30 columns.
    struct TableView: Encodable, Sendable {
        var columns: [String]
        var rows: [[Cell]]
        var isEmpty: Bool

        init(_ table: ReportTable) {
            let cells = table.rows.map { row in
                row.enumerated().map { index, cell in Cell(text: cell.shown, numeric: index > 0 && Double(cell.exact) != nil) }
            }
            if cells.count == 1 {
                columns = ["Measure", "Value"]
                rows = zip(table.columns, cells[0]).map { [Cell(text: $0.0.replacing("_", with: " "), numeric: false), $0.1] }
            } else {
                columns = table.columns.map { $0.replacing("_", with: " ") }
                rows = cells
            }
            isEmpty = table.rows.isEmpty
        }
    }

    var name: String
    var summary: String
    var filters: [ReportQuery.Field]
    var table: TableView
    var csvHref: String
    /// The report navigation, drawn like the site's.
    var reports: [Layout.NavItem]
}
