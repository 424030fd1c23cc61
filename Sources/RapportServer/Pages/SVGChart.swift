import Foundation

/// Server-rendered bar charts: each bar a link to the list behind it, with its value in a
/// `<title>` for screen readers; the page shows the same numbers in a table beside it.
struct BarChart: Encodable, Sendable {
    struct Bar: Encodable, Sendable {
        var x: Int; var y: Int; var width: Int; var height: Int
        var label: String; var value: String; var href: String
        var labelX: Int
    }
    /// The element id prefix (unique on the page).
    var id: String
    var width: Int
    var height: Int
    var bars: [Bar]
    var baseline: Int
    var caption: String

    /// Bars for `values` (nil: no bar), scaled to the largest, in a `width` × `height` box.
    init(id: String, caption: String, values: [(label: String, value: Double?, text: String, href: String)], width: Int = 640, height: Int = 200) {
        self.id = id
        self.caption = caption
        self.width = width
        self.height = height
        let plot = height - 30
        baseline = plot
        let top = values.compactMap(\.value).map { max($0, 0) }.max() ?? 0
        let slot = values.isEmpty ? width : width / values.count
        bars = values.enumerated().map { index, entry in
            let value = max(entry.value ?? 0, 0)
            let barHeight = top > 0 ? Int((value / top * Double(plot - 10)).rounded()) : 0
            let x = index * slot + slot / 8
            return Bar(x: x, y: plot - barHeight, width: max(1, slot * 3 / 4), height: barHeight, label: entry.label,
                       value: entry.text, href: entry.href, labelX: x + max(1, slot * 3 / 4) / 2)
        }
    }
}

/// Formats a metric for a page: one decimal, or a dash.
func oneDecimal(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    return String(format: "%.1f", value)
}
