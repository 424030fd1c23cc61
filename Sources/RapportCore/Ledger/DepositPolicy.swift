/// The deposit rule: new clients pay a share of a job up front (the case study's 50 %), and the
/// deposit is held until the job is billed off, then applied to the job's final invoice.
public struct DepositPolicy: Hashable, Sendable {
    /// The share of a job's price a new client pays up front, in percent.
    public var percent: Int

    public init(percent: Int = 50) { self.percent = percent }

    public static let standard = DepositPolicy()

    /// The deposit a job of `price` calls for: `percent` of it, half a minor unit rounded up.
    public func required(for price: Money) -> Money {
        let scaled = price.minorUnits.multipliedReportingOverflow(by: Int64(percent))
        let minor = scaled.overflow ? price.minorUnits / 100 * Int64(percent) : (scaled.partialValue + 50) / 100
        return Money(minorUnits: minor, currency: price.currency)
    }

    /// The invoice a deposit goes to: the job's latest-issued invoice issued on or after the day the
    /// job was billed off and still open in the deposit's currency — nil while the job is not billed
    /// off or has no such invoice (the deposit is held as unapplied credit until then).
    public static func finalInvoice(
        for deposit: Deposit, billedOffOn: Day?, among invoices: some Sequence<OpenInvoice>
    ) -> OpenInvoice? {
        guard let billedOffOn else { return nil }
        return invoices
            .filter { $0.jobID == deposit.jobID && $0.accountID == deposit.accountID && $0.open.isPositive }
            .filter { $0.open.currency == deposit.amount.currency && $0.issueDate >= billedOffOn }
            .max { Ledger.isOlder($0, than: $1) }
    }
}
