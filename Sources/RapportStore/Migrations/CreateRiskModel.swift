import FluentKit

/// Trained late-payment models (the newest is used), stored as JSON with their AUC.
struct CreateRiskModel: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("risk_models")
            .autoID()
            .required("as_of", .string)
            .required("model_json", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("risk_models").delete()
    }
}
