import Testing
@testable import RapportCore

/// Worked examples from published sources. Each test names its source; where a source states its
/// numbers with a different convention (30-day months, 360-day years, CEI without ÷ months), the
/// test uses that convention explicitly, as docs/metrics.md explains.
@Suite("Receivables formulas: published worked examples")
struct PublishedExamplesTests {
    func close(_ value: Double?, _ expected: Double, within tolerance: Double = 0.005) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance
    }

    // MARK: Standard DSO

    @Test func dsoAnnualSimpleMethod() {
        // Mesha, "The 2 DSO Calculation Formulas: Simple vs Countback Method Explained":
        // AR $150,000, credit sales $1,800,000 over 365 days → 30.4 days.
        #expect(close(ReceivableFormulas.dso(endingAR: 150_000, creditSales: 1_800_000, days: 365), 30.42))
    }

    @Test func dsoCalculatorExample() {
        // bit1024 DSO Calculator: AR $50,000, credit sales $200,000, 365 days → 91.25 days.
        #expect(close(ReceivableFormulas.dso(endingAR: 50_000, creditSales: 200_000, days: 365), 91.25))
    }

    @Test func dsoCurrentBalanceDividedBySalesJDEdwards() {
        // Oracle JD Edwards EnterpriseOne A/R docs, "Current Balance Divided by Sales":
        // (10869 × 90) / (5538 + 4566 + 7570) = 55.35.
        #expect(close(ReceivableFormulas.dso(endingAR: 10_869, creditSales: 5_538 + 4_566 + 7_570, days: 90), 55.35))
    }

    @Test func dsoFromTurnoverWith360DayYear() {
        // Transtutors, "Days Sales in Receivables": a receivables turnover of 10 is 360 ÷ 10 = 36 days
        // (turnover = sales ÷ AR, so AR 100 on sales 1,000 with a 360-day year).
        #expect(close(ReceivableFormulas.dso(endingAR: 100, creditSales: 1_000, days: 360), 36))
    }

    // MARK: Countback DSO

    @Test func countbackWithThirtyDayMonths() {
        // Benji Pays support, "Mastering DSO Calculation: The Count-Back Method Explained": AR $212,000;
        // month 3 sales $100,000, month 2 $80,000, month 1 $70,000; 30-day months → 73.7 days.
        let result = ReceivableFormulas.countbackDso(endingAR: 212_000, newestFirst: [
            .init(sales: 100_000, days: 30), .init(sales: 80_000, days: 30), .init(sales: 70_000, days: 30),
        ])
        #expect(close(result.days, 60 + 32.0 / 70.0 * 30))
        #expect(close(result.days, 73.71) && !result.isLowerBound)
    }

    @Test func countbackSameDataWithActualMonthLengths() {
        // The Benji Pays data placed in April–June (30, 31, 30 days), Rapport's actual-days convention:
        // June 30 + May 31 + 32/70 of April's 30 days = 74.71.
        let result = ReceivableFormulas.countbackDso(endingAR: 212_000, newestFirst: [
            .init(sales: 100_000, days: 30), .init(sales: 80_000, days: 31), .init(sales: 70_000, days: 30),
        ])
        #expect(close(result.days, 74.71))
    }

    @Test func countbackOnTheJDEdwardsQuarter() {
        // JD Edwards data (AR 10,869; sales 5,538, 4,566, 7,570, oldest first) walked back with 30-day
        // months: 30 + 3,299/4,566 × 30 = 51.68.
        let result = ReceivableFormulas.countbackDso(endingAR: 10_869, newestFirst: [
            .init(sales: 7_570, days: 30), .init(sales: 4_566, days: 30), .init(sales: 5_538, days: 30),
        ])
        #expect(close(result.days, 51.68))
    }

    @Test func countbackRunningOutOfHistoryIsALowerBound() {
        // Knopp-Schwyn's countback as described by Credit Today / Highako ("remove the reported revenue
        // for the current month … take that balance …"): with AR larger than all months listed the walk
        // ends with every month counted in full.
        let result = ReceivableFormulas.countbackDso(endingAR: 500, newestFirst: [
            .init(sales: 100, days: 31), .init(sales: 100, days: 30),
        ])
        #expect(result.days == 61 && result.isLowerBound)
    }

    // MARK: Collection effectiveness index

    @Test func ceiWithSalesDividedByMonths() {
        // CreditGuru, "Collection Effectiveness Index (CEI)": Jan–Mar, N = 3, credit sales 10,890,
        // beginning AR 6,200, ending total 6,340, ending current 3,590 → 55.9 %.
        #expect(close(ReceivableFormulas.cei(
            beginningAR: 6_200, creditSales: 10_890, months: 3, endingAR: 6_340, endingCurrentAR: 3_590), 55.93))
    }

    @Test func ceiWithoutDividingSales() {
        // The same aged trial balance worked on WizEdu without ÷ N: (6200 + 10890 − 6340) ÷
        // (6200 + 10890 − 3590) = 79.63 %. Rapport's `months: 1` is that variant.
        #expect(close(ReceivableFormulas.cei(
            beginningAR: 6_200, creditSales: 10_890, months: 1, endingAR: 6_340, endingCurrentAR: 3_590), 79.63))
    }

    @Test func ceiAnnualGavitiExample() {
        // Gaviti, "What is Collection Effectiveness Index": beginning $100,000, 12 months of sales
        // $1,000,000, ending total $120,000, ending current $100,000 → 98 % (sales not divided).
        #expect(close(ReceivableFormulas.cei(
            beginningAR: 100_000, creditSales: 1_000_000, months: 1, endingAR: 120_000, endingCurrentAR: 100_000), 98))
    }

    @Test func ceiGavitiDataWithOracleConvention() {
        // Oracle's collections formula divides sales by N (months): the Gaviti year with N = 12 gives
        // (100,000 + 83,333.33 − 120,000) ÷ (100,000 + 83,333.33 − 100,000) = 76 %.
        #expect(close(ReceivableFormulas.cei(
            beginningAR: 100_000, creditSales: 1_000_000, months: 12, endingAR: 120_000, endingCurrentAR: 100_000), 76))
    }

    @Test func ceiMonthByMonthOnTheCreditGuruBalance() {
        // CreditGuru's aged trial balance, one month at a time (N = 1):
        // February (6200 + 3610 − 6000) ÷ (6200 + 3610 − 3560) = 60.96 %;
        // March (6000 + 3890 − 6340) ÷ (6000 + 3890 − 3590) = 56.35 %.
        #expect(close(ReceivableFormulas.cei(
            beginningAR: 6_200, creditSales: 3_610, months: 1, endingAR: 6_000, endingCurrentAR: 3_560), 60.96))
        #expect(close(ReceivableFormulas.cei(
            beginningAR: 6_000, creditSales: 3_890, months: 1, endingAR: 6_340, endingCurrentAR: 3_590), 56.35))
    }

    // MARK: Best possible DSO and average days delinquent (CreditGuru ATB, 2025 calendar)

    @Test func januaryDsoBestPossibleAndDelinquent() {
        // CreditGuru ATB, January: sales 3,390, AR 6,200, current 3,345; 31 days.
        let dso = ReceivableFormulas.dso(endingAR: 6_200, creditSales: 3_390, days: 31)
        let best = ReceivableFormulas.bestPossibleDso(endingCurrentAR: 3_345, creditSales: 3_390, days: 31)
        #expect(close(dso, 56.70))
        #expect(close(best, 30.59))
        #expect(close(ReceivableFormulas.averageDaysDelinquent(dso: dso, bestPossibleDso: best), 26.11))
    }

    @Test func februaryDsoBestPossibleAndDelinquent() {
        // CreditGuru ATB, February: sales 3,610, AR 6,000, current 3,560; 28 days (2025).
        let dso = ReceivableFormulas.dso(endingAR: 6_000, creditSales: 3_610, days: 28)
        let best = ReceivableFormulas.bestPossibleDso(endingCurrentAR: 3_560, creditSales: 3_610, days: 28)
        #expect(close(dso, 46.54))
        #expect(close(best, 27.61))
        #expect(close(ReceivableFormulas.averageDaysDelinquent(dso: dso, bestPossibleDso: best), 18.93))
    }

    @Test func marchDsoBestPossibleAndDelinquent() {
        // CreditGuru ATB, March: sales 3,890, AR 6,340, current 3,590; 31 days.
        let dso = ReceivableFormulas.dso(endingAR: 6_340, creditSales: 3_890, days: 31)
        let best = ReceivableFormulas.bestPossibleDso(endingCurrentAR: 3_590, creditSales: 3_890, days: 31)
        #expect(close(dso, 50.52))
        #expect(close(best, 28.61))
        #expect(close(ReceivableFormulas.averageDaysDelinquent(dso: dso, bestPossibleDso: best), 21.92))
    }

    @Test func quarterDsoOnTheCreditGuruBalance() {
        // CreditGuru ATB, January–March 2025 (90 days): 6,340 ÷ 10,890 × 90 = 52.40.
        #expect(close(ReceivableFormulas.dso(endingAR: 6_340, creditSales: 10_890, days: 90), 52.40))
    }

    @Test func marchCountbackOnTheCreditGuruBalance() {
        // CreditGuru ATB at March 31: 6,340 − March's 3,890 = 2,450 (31 days), then 2,450 ÷ February's
        // 3,610 × 28 days = 19.00 → 50.00 days.
        let result = ReceivableFormulas.countbackDso(endingAR: 6_340, newestFirst: [
            .init(sales: 3_890, days: 31), .init(sales: 3_610, days: 28), .init(sales: 3_390, days: 31),
        ])
        #expect(close(result.days, 50.00))
    }

    @Test(arguments: [(6_200, 3_345, 53.95), (6_000, 3_560, 59.33), (6_340, 3_590, 56.62)] as [(Int64, Int64, Double)])
    func percentCurrentOnTheCreditGuruBalance(total: Int64, current: Int64, percent: Double) {
        // CreditGuru ATB: the current column as a share of the A/R balance, month by month.
        #expect(close(ReceivableFormulas.percentCurrent(endingCurrentAR: current, endingAR: total), percent))
    }

    @Test func bestPossibleDsoApruveIllustration() {
        // Apruve FAQ, "What is Best Possible Days Sales Outstanding": a standard DSO of 40 and a best
        // DSO of 20 mean on-time payers settle in 20 days; the gap of 20 is the delinquency.
        // With AR 400 and current 200 on sales 300 over 30 days: 40 and 20.
        let dso = ReceivableFormulas.dso(endingAR: 400, creditSales: 300, days: 30)
        let best = ReceivableFormulas.bestPossibleDso(endingCurrentAR: 200, creditSales: 300, days: 30)
        #expect(close(dso, 40) && close(best, 20))
        #expect(close(ReceivableFormulas.averageDaysDelinquent(dso: dso, bestPossibleDso: best), 20))
    }

    // MARK: Undefined results

    @Test func undefinedResultsAreNilNeverZero() {
        #expect(ReceivableFormulas.dso(endingAR: 100, creditSales: 0, days: 30) == nil)
        #expect(ReceivableFormulas.bestPossibleDso(endingCurrentAR: 0, creditSales: -5, days: 30) == nil)
        #expect(ReceivableFormulas.averageDaysDelinquent(dso: nil, bestPossibleDso: 3) == nil)
        #expect(ReceivableFormulas.percentCurrent(endingCurrentAR: 0, endingAR: 0) == nil)
        #expect(ReceivableFormulas.cei(beginningAR: 0, creditSales: 0, months: 1, endingAR: 0, endingCurrentAR: 0) == nil)
        #expect(ReceivableFormulas.countbackDso(endingAR: 0, newestFirst: []) == (0, false))
        #expect(ReceivableFormulas.countbackDso(endingAR: -50, newestFirst: []) == (0, false))
    }
}
