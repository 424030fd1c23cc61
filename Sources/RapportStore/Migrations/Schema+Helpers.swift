import FluentKit
import SQLKit

extension SchemaBuilder {
    /// A text primary key holding the integrator's external id.
    func externalID() -> Self { field("id", .string, .identifier(auto: false)) }

    /// An integer primary key the database assigns.
    func autoID() -> Self { field("id", .int64, .identifier(auto: true)) }

    /// A required column.
    func required(_ name: FieldKey, _ type: DatabaseSchema.DataType) -> Self { field(name, type, .required) }

    /// A required reference to another table's `id`.
    func reference(_ name: FieldKey, to table: String) -> Self {
        field(name, .string, .required, .references(table, "id"))
    }

    /// An optional reference to another table's `id`.
    func optionalReference(_ name: FieldKey, to table: String) -> Self {
        field(name, .string, .references(table, "id"))
    }
}

extension Database {
    /// Creates an index (both SQLite and PostgreSQL); Fluent's schema builder has none.
    func createIndex(_ name: String, on table: String, _ columns: String...) async throws {
        let builder = (self as! any SQLDatabase).create(index: name).on(table)
        for column in columns { _ = builder.column(column) }
        try await builder.run()
    }
}
