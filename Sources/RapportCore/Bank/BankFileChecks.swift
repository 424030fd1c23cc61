/// The rules every bank file should keep, whatever its format, checked after reading: a file
/// that breaks them is still read, and each break becomes a warning that says where it is.
public enum BankFileChecks {
    /// Warnings for `file`: statements whose balances do not reconcile with their booked entries,
    /// entries whose details do not add up to them, and bank references used twice.
    public static func warnings(_ file: BankFile) -> [String] {
        file.statements.flatMap { reconciliation($0) + detailSums($0) } + duplicateReferences(file)
    }

    /// "opening + booked entries = closing", when the statement states both balances in one currency.
    static func reconciliation(_ statement: BankStatement) -> [String] {
        guard let opening = statement.openingBalance?.amount, let closing = statement.closingBalance?.amount else { return [] }
        guard opening.currency == closing.currency else {
            return ["\(statement.location): opening balance in \(opening.currency), closing in \(closing.currency); not reconciled"]
        }
        var moved: Int64 = 0
        var foreign = 0
        for entry in statement.entries where entry.status == .booked {
            if entry.amount.currency == opening.currency { moved += entry.amount.minorUnits } else { foreign += 1 }
        }
        guard foreign == 0 else {
            return ["\(statement.location): \(foreign) booked entries are not in \(opening.currency); balances not reconciled"]
        }
        let expected = Money(minorUnits: opening.minorUnits + moved, currency: opening.currency)
        guard expected != closing else { return [] }
        return ["\(statement.location): balances do not reconcile: opening \(opening.decimalString) + entries "
            + "\(Money(minorUnits: moved, currency: opening.currency).decimalString) = \(expected.decimalString), "
            + "but the closing balance is \(closing.decimalString) \(closing.currency)"]
    }

    /// Details of an entry in the entry's currency should add up to it.
    static func detailSums(_ statement: BankStatement) -> [String] {
        statement.entries.compactMap { entry in
            guard entry.details.count > 0 else { return nil }
            let currencies = Set(entry.details.map(\.amount.currency))
            guard currencies == [entry.amount.currency] else {
                let others = currencies.subtracting([entry.amount.currency]).map(\.code).sorted().joined(separator: ", ")
                return "\(entry.location): details in \(others) under an entry in \(entry.amount.currency); not added up"
            }
            let sum = entry.details.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            guard sum != entry.amount.minorUnits else { return nil }
            return "\(entry.location): \(entry.details.count) details add up to "
                + "\(Money(minorUnits: sum, currency: entry.amount.currency).decimalString), the entry is \(entry.amount.decimalString) \(entry.amount.currency)"
        }
    }

    /// A bank reference is the bank's unique key for an entry; the same one twice on an account is suspicious.
    static func duplicateReferences(_ file: BankFile) -> [String] {
        var seen: [String: String] = [:]
        var warnings: [String] = []
        for statement in file.statements {
            for entry in statement.entries {
                guard let reference = entry.bankReference, !reference.isEmpty, reference != "NONREF" else { continue }
                let key = statement.account + "\u{1F}" + reference
                if let first = seen[key] {
                    warnings.append("\(entry.location): bank reference \(reference) already used at \(first)")
                } else {
                    seen[key] = entry.location
                }
            }
        }
        return warnings
    }
}
