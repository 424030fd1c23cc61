/// The features the late-payment model reads for one invoice, in a fixed order.
public enum RiskFeatures {
    /// Feature names, in vector order. Residential and monthly billing are the baselines.
    public static let names = [
        "segment_commercial", "segment_government", "segment_contractor", "log_invoice_amount",
        "past_days_beyond_terms", "has_payment_history", "open_cases", "service_incomplete", "hardship", "new_client",
        "billing_quarterly", "billing_annual",
    ]

    /// What is known about an invoice when it is issued.
    public struct Inputs: Hashable, Sendable {
        public var segment: Account.Segment
        public var billingFrequency: Account.BillingFrequency
        public var hardship: Bool
        public var newClient: Bool
        public var amount: Money
        /// Mean days beyond terms of the account's invoices paid before this one was issued; nil with none.
        public var pastDaysBeyondTerms: Double?
        /// The account's cases active on the issue day.
        public var openCases: Int
        /// Whether the invoice's job had follow-up items open on its due day.
        public var serviceIncomplete: Bool

        public init(
            segment: Account.Segment, billingFrequency: Account.BillingFrequency, hardship: Bool, newClient: Bool,
            amount: Money, pastDaysBeyondTerms: Double?, openCases: Int, serviceIncomplete: Bool
        ) {
            self.segment = segment
            self.billingFrequency = billingFrequency
            self.hardship = hardship
            self.newClient = newClient
            self.amount = amount
            self.pastDaysBeyondTerms = pastDaysBeyondTerms
            self.openCases = openCases
            self.serviceIncomplete = serviceIncomplete
        }
    }

    /// The feature vector of `inputs`, in `names` order.
    public static func vector(_ inputs: Inputs) -> [Double] {
        let major = Double(inputs.amount.minorUnits) / Double(Money.pow10(inputs.amount.currency.minorUnitDigits))
        return [
            inputs.segment == .commercial ? 1 : 0, inputs.segment == .government ? 1 : 0,
            inputs.segment == .contractor ? 1 : 0, logOnePlus(max(0, major)),
            inputs.pastDaysBeyondTerms ?? 0, inputs.pastDaysBeyondTerms == nil ? 0 : 1, Double(inputs.openCases),
            inputs.serviceIncomplete ? 1 : 0, inputs.hardship ? 1 : 0, inputs.newClient ? 1 : 0,
            inputs.billingFrequency == .quarterly ? 1 : 0, inputs.billingFrequency == .annual ? 1 : 0,
        ]
    }

    /// ln(1 + x) by its series around the mantissa, with no Foundation: precise to ~1e-12 for the
    /// ranges of invoice amounts.
    static func logOnePlus(_ x: Double) -> Double {
        var value = 1 + x
        var exponent = 0.0
        let ln2 = 0.693_147_180_559_945_3
        while value > 2 { value /= 2; exponent += 1 }
        // ln(v) for v in [1, 2] with the atanh series: ln(v) = 2 atanh((v − 1) / (v + 1)).
        let t = (value - 1) / (value + 1)
        let t2 = t * t
        var term = t
        var sum = 0.0
        var k = 1.0
        while abs(term / k) > 1e-17 {
            sum += term / k
            term *= t2
            k += 2
        }
        return 2 * sum + exponent * ln2
    }
}
