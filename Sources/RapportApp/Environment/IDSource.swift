import Foundation
import RapportStore

/// Makes the ids of records Rapport creates itself ("C000042"), from database counters that
/// several server instances share: no two callers ever get the same number.
public struct IDSource: Sendable {
    /// A kind of record and the prefix of its ids.
    public enum Kind: String, Sendable, CaseIterable {
        case `case`, promise, interaction, changeRequest = "change_request", arrangement, creditReview = "credit_review"
        case correctiveAction = "corrective_action", billingChange = "billing_change", apiToken = "api_token"

        /// The letters in front of the number.
        public var prefix: String {
            switch self {
            case .case: "C"
            case .promise: "P"
            case .interaction: "T"
            case .changeRequest: "R"
            case .arrangement: "PA"
            case .creditReview: "CR"
            case .correctiveAction: "K"
            case .billingChange: "B"
            case .apiToken: "TK"
            }
        }
    }

    private let nextValue: @Sendable (String) async throws -> Int64

    /// Ids from `sequences` (the database's counters).
    public init(sequences: any SequenceRepository) {
        nextValue = { try await sequences.nextValue($0) }
    }

    /// Ids from any counter (tests).
    public init(nextValue: @escaping @Sendable (String) async throws -> Int64) {
        self.nextValue = nextValue
    }

    /// A new id of `kind` for which `isTaken` is false (an id a user chose earlier may hold a number).
    public func next(_ kind: Kind, isTaken: (String) async throws -> Bool = { _ in false }) async throws -> String {
        while true {
            let id = kind.prefix + String(format: "%06lld", try await nextValue(kind.rawValue))
            if try await !isTaken(id) { return id }
        }
    }
}
