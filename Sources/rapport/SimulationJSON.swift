import RapportCore

/// One policy's simulation result as JSON: the exact field names of the CLI contract, metrics
/// unrounded, undefined metrics as null.
struct SimulationJSON: Encodable {
    let result: SimulationResult

    enum Keys: String, CodingKey {
        case policy, accounts, months, dso, dsoCountback, bestPossibleDso, averageDaysDelinquent, cei, percentCurrent,
             casesOpened, issuesFoundBeforeCollectionStart, accountsRetained
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(result.policy.rawValue, forKey: .policy)
        try container.encode(result.accounts, forKey: .accounts)
        try container.encode(result.months, forKey: .months)
        try container.encode(result.metrics.dso, forKey: .dso)
        try container.encode(result.metrics.dsoCountback, forKey: .dsoCountback)
        try container.encode(result.metrics.bestPossibleDso, forKey: .bestPossibleDso)
        try container.encode(result.metrics.averageDaysDelinquent, forKey: .averageDaysDelinquent)
        try container.encode(result.metrics.cei, forKey: .cei)
        try container.encode(result.metrics.percentCurrent, forKey: .percentCurrent)
        try container.encode(result.casesOpened, forKey: .casesOpened)
        try container.encode(result.issuesFoundBeforeCollectionStart, forKey: .issuesFoundBeforeCollectionStart)
        try container.encode(result.accountsRetained, forKey: .accountsRetained)
    }
}
