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

/// One policy over several seeds as JSON: the fields of `SimulationJSON` as means over the seeds
/// (counts too, so they may have decimals), plus `seeds` and DSO's `dsoMin`, `dsoMax`, `dsoSd`.
struct SimulationSpreadJSON: Encodable {
    let spread: SimulationSpread

    enum Keys: String, CodingKey {
        case policy, accounts, months, seeds, dso, dsoMin, dsoMax, dsoSd, dsoCountback, bestPossibleDso, averageDaysDelinquent, cei,
             percentCurrent, casesOpened, issuesFoundBeforeCollectionStart, accountsRetained
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(spread.policy.rawValue, forKey: .policy)
        try container.encode(spread.accounts, forKey: .accounts)
        try container.encode(spread.months, forKey: .months)
        try container.encode(spread.seeds, forKey: .seeds)
        try container.encode(spread.dso, forKey: .dso)
        try container.encode(spread.dsoMin, forKey: .dsoMin)
        try container.encode(spread.dsoMax, forKey: .dsoMax)
        try container.encode(spread.dsoSd, forKey: .dsoSd)
        try container.encode(spread.dsoCountback, forKey: .dsoCountback)
        try container.encode(spread.bestPossibleDso, forKey: .bestPossibleDso)
        try container.encode(spread.averageDaysDelinquent, forKey: .averageDaysDelinquent)
        try container.encode(spread.cei, forKey: .cei)
        try container.encode(spread.percentCurrent, forKey: .percentCurrent)
        try container.encode(spread.casesOpened, forKey: .casesOpened)
        try container.encode(spread.issuesFoundBeforeCollectionStart, forKey: .issuesFoundBeforeCollectionStart)
        try container.encode(spread.accountsRetained, forKey: .accountsRetained)
    }
}
