import RapportCore
import RapportImport

/// Cases as JSON, CSV or a table.
enum CaseText {
    static let columns = [
        "caseId", "accountId", "category", "department", "owner", "status", "amountOnHold", "currency", "openedOn",
        "slaDue", "resolvedOn", "rootCause", "resolution", "correctiveAction", "invoiceIds", "jobId", "notes",
    ]

    static func fields(_ item: Case) -> [String] {
        [
            item.id.rawValue, item.accountID.rawValue, item.category.rawValue, item.department.rawValue, item.owner ?? "",
            item.status.rawValue, item.amountOnHold.decimalString, item.amountOnHold.currency.code, item.openedOn.isoString,
            item.slaDue.isoString, item.resolvedOn?.isoString ?? "", item.rootCause ?? "", item.resolution?.rawValue ?? "",
            item.correctiveAction ?? "", item.invoiceIDs.map(\.rawValue).joined(separator: " "), item.jobID?.rawValue ?? "", item.notes,
        ]
    }

    /// One JSON object per case, the same keys as the CSV columns (invoiceIds as an array, nulls for empties).
    struct CaseJSON: Encodable {
        let item: Case

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (column, value) in zip(CaseText.columns, CaseText.fields(item)) where column != "invoiceIds" {
                try container.encode(value.isEmpty ? nil : value, forKey: Key(stringValue: column))
            }
            try container.encode(item.invoiceIDs.map(\.rawValue), forKey: Key(stringValue: "invoiceIds"))
        }
    }

    static func render(_ cases: [Case], format: ReportFormat) throws -> String {
        switch format {
        case .json:
            return try encodeReport(["cases": cases.map(CaseJSON.init)])
        case .csv:
            var writer = CSVWriter()
            writer.append(columns)
            for item in cases { writer.append(fields(item)) }
            return String(writer.take().dropLast())
        case .table:
            guard !cases.isEmpty else { return "no cases" }
            let shown = [0, 1, 2, 3, 5, 6, 8, 9, 11]
            return renderTable(shown.map { columns[$0] }, cases.map { item in
                let all = fields(item)
                return shown.map { all[$0].isEmpty ? "—" : all[$0] }
            })
        }
    }
}
