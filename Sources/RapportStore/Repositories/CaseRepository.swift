import RapportCore

/// Stores cases and the invoices they hold up.
public protocol CaseRepository: Sendable {
    /// The case with `id`, or nil.
    func fetchCase(_ id: Case.ID) async throws -> Case?
    /// Cases matching every filter given, oldest first.
    func fetchCases(department: Department?, status: Case.Status?, account: Account.ID?) async throws -> [Case]
    /// The cases resolved in `period` (whatever their status now), oldest first: the root-cause report's.
    func fetchCases(resolvedIn period: Period) async throws -> [Case]
    /// Inserts a new case with its invoices.
    func insertCase(_ item: Case) async throws
    /// Saves a changed case (its invoices do not change).
    func updateCase(_ item: Case) async throws
    /// The number of cases stored, to number new ones.
    func countCases() async throws -> Int
}
