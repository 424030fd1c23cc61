/// One booked (or pending) movement on the statement: a credit is positive, a debit negative.
public struct BankEntry: Hashable, Sendable {
    /// Booked entries are final; pending ones may still change and are never applied.
    public enum Status: String, Hashable, Sendable {
        case booked, pending
    }

    public var amount: Money
    public var bookedOn: Day?
    /// When the money is available (value date); often the booking day.
    public var valueOn: Day?
    public var status: Status
    /// The entry undoes an earlier one (camt `RvslInd`, MT940 `RC`/`RD`, BAI2 return codes).
    public var reversal: Bool
    /// The bank's own reference for the entry (camt `AcctSvcrRef`, BAI2 bank reference, MT940 `//`, OFX `FITID`).
    public var bankReference: String?
    /// The bank transaction code as the format writes it ("PMNT/RCDT/ESCT", BAI2 "142", MT940 "NTRF", OFX "CREDIT").
    public var transactionCode: String?
    /// Free text about the whole entry.
    public var narrative: String?
    /// The units cash is applied to; at least one (an entry the bank does not detail is its own detail).
    public var details: [BankDetail]
    /// Where the entry is in the file.
    public var location: String

    public init(
        amount: Money, bookedOn: Day?, valueOn: Day?, status: Status = .booked, reversal: Bool = false,
        bankReference: String? = nil, transactionCode: String? = nil, narrative: String? = nil,
        details: [BankDetail] = [], location: String
    ) {
        self.amount = amount
        self.bookedOn = bookedOn
        self.valueOn = valueOn
        self.status = status
        self.reversal = reversal
        self.bankReference = bankReference
        self.transactionCode = transactionCode
        self.narrative = narrative
        self.details = details
        self.location = location
    }
}

/// One payment inside an entry: a batch entry holds many, a single transfer one.
public struct BankDetail: Hashable, Sendable {
    /// Signed like its entry; possibly in another currency than the entry (a foreign-currency transfer).
    public var amount: Money
    /// The payer's end-to-end id; nil when missing or the SEPA filler `NOTPROVIDED`.
    public var endToEndID: String?
    public var creditorReferences: [CreditorReference]
    /// Unstructured remittance lines, as the payer wrote them.
    public var remittance: [String]
    public var debtorName: String?
    /// The payer's account (IBAN or number).
    public var debtorAccount: String?
    /// Why the payment came back (camt `RtrInf/Rsn`), for returns.
    public var returnReason: String?

    public init(
        amount: Money, endToEndID: String? = nil, creditorReferences: [CreditorReference] = [], remittance: [String] = [],
        debtorName: String? = nil, debtorAccount: String? = nil, returnReason: String? = nil
    ) {
        self.amount = amount
        self.endToEndID = endToEndID
        self.creditorReferences = creditorReferences
        self.remittance = remittance
        self.debtorName = debtorName
        self.debtorAccount = debtorAccount
        self.returnReason = returnReason
    }

    /// The detail a format without details gives for `entry`: the entry's amount, and its narrative as remittance.
    public static func wholeEntry(amount: Money, narrative: String?) -> BankDetail {
        BankDetail(amount: amount, remittance: narrative.map { [$0] } ?? [])
    }
}
