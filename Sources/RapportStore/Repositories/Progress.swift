/// Called inside a bulk write after each batch with the number of rows written so far. It runs
/// inside the transaction: throwing from it rolls the whole write back.
public typealias BatchProgress = @Sendable (_ written: Int) async throws -> Void
