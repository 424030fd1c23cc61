/// The receivables formulas on plain numbers, as credit professionals write them. Amounts are in
/// any consistent unit (minor units in Rapport). Every function returns nil when the result is
/// undefined (a zero or negative denominator) rather than 0 or infinity.
public enum ReceivableFormulas {
    /// Standard (period) DSO: ending total AR ÷ net credit sales of the period × days in the period.
    public static func dso(endingAR: Int64, creditSales: Int64, days: Int) -> Double? {
        guard creditSales > 0 else { return nil }
        return Double(endingAR) / Double(creditSales) * Double(days) + 0.0  // + 0.0 turns −0 into 0
    }

    /// Best possible DSO: ending current (not yet due) AR ÷ net credit sales × days.
    public static func bestPossibleDso(endingCurrentAR: Int64, creditSales: Int64, days: Int) -> Double? {
        dso(endingAR: endingCurrentAR, creditSales: creditSales, days: days)
    }

    /// Average days delinquent: DSO − best possible DSO (negative when current AR exceeds the total).
    public static func averageDaysDelinquent(dso: Double?, bestPossibleDso: Double?) -> Double? {
        guard let dso, let bestPossibleDso else { return nil }
        return dso - bestPossibleDso + 0.0
    }

    /// Collection effectiveness index, in percent:
    /// (beginning AR + sales ÷ months − ending total AR) ÷ (beginning AR + sales ÷ months − ending current AR) × 100.
    /// `months` is 1 for the variant without the division.
    public static func cei(
        beginningAR: Int64, creditSales: Int64, months: Int, endingAR: Int64, endingCurrentAR: Int64
    ) -> Double? {
        guard months > 0 else { return nil }
        let available = Double(beginningAR) + Double(creditSales) / Double(months)
        let denominator = available - Double(endingCurrentAR)
        guard denominator != 0 else { return nil }
        return (available - Double(endingAR)) / denominator * 100 + 0.0
    }

    /// Percent of ending AR that is current; nil when there is no AR.
    public static func percentCurrent(endingCurrentAR: Int64, endingAR: Int64) -> Double? {
        guard endingAR != 0 else { return nil }
        return Double(endingCurrentAR) / Double(endingAR) * 100 + 0.0
    }

    /// One month of the countback walk: its net credit sales and its length in days.
    public struct CountbackMonth: Hashable, Sendable {
        public var sales: Int64
        public var days: Int

        public init(sales: Int64, days: Int) {
            self.sales = sales
            self.days = days
        }
    }

    /// Countback DSO: walking back from the newest month, subtract each month's **net** credit
    /// sales from the ending AR and count its days; the month that exhausts the AR counts pro rata.
    /// A month of negative net sales (more credited than billed) subtracts a negative amount, so the
    /// remainder grows; a month with no sales counts in full. When the months run out before the
    /// AR does, the days counted so far are returned as a lower bound.
    public static func countbackDso(endingAR: Int64, newestFirst months: some Sequence<CountbackMonth>) -> (days: Double, isLowerBound: Bool) {
        guard endingAR > 0 else { return (0, false) }
        var remaining = endingAR
        var days = 0.0
        for month in months {
            if month.sales > 0 && remaining <= month.sales {
                return (days + Double(remaining) / Double(month.sales) * Double(month.days), false)
            }
            remaining -= month.sales
            days += Double(month.days)
        }
        return (days, true)
    }
}
