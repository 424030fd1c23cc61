import Testing
@testable import RapportCore

@Suite("Money")
struct MoneyTests {
    let usd = Currency.usd

    func money(_ text: String, _ currency: Currency = .usd) throws -> Money { try Money.parse(text, currency: currency) }

    @Test(arguments: [
        ("0", 0), ("12", 1200), ("12.5", 1250), ("12.50", 1250), ("1,234.50", 123_450), ("-12.00", -1200),
        ("(12.00)", -1200), ("( 12.00 )", -1200), ("+3", 300), (" 7.01 ", 701), (".5", 50), ("5.", 500),
        ("1,234,567.89", 123_456_789), ("-0.05", -5), ("0.00", 0), ("999", 99_900),
    ] as [(String, Int64)])
    func parsesWrittenAmounts(text: String, minor: Int64) throws {
        #expect(try money(text) == Money(minorUnits: minor, currency: usd))
    }

    @Test(arguments: [
        "", "abc", "1.2.3", "12.345", "1,23.00", "12,34", ",123", "1,2345", "--1", "(-1)", "1e3", "$5", "1 000",
        "(12", "-", ".", "1,234,56", "٣",
    ])
    func rejectsMalformedAmounts(text: String) {
        #expect(throws: MoneyError.self) { try money(text) }
    }

    @Test func currencyDigitsDecideDecimals() throws {
        let yen = try Currency("jpy")
        #expect(yen.code == "JPY" && yen.minorUnitDigits == 0)
        #expect(try money("1,500", yen).minorUnits == 1500)
        #expect(throws: MoneyError.self) { try money("1.5", yen) }
        let dinar = try Currency("KWD")
        #expect(try money("1.234", dinar).minorUnits == 1234)
        #expect(Money(minorUnits: 1234, currency: dinar).decimalString == "1.234")
        #expect(Money(minorUnits: -1500, currency: yen).decimalString == "-1500")
    }

    @Test(arguments: ["US", "USDX", "U1D", "", "€€€"])
    func rejectsBadCurrencyCodes(code: String) {
        #expect(throws: MoneyError.invalidCurrency(code)) { try Currency(code) }
    }

    @Test func formatsWithAndWithoutGrouping() {
        let cases: [(Int64, String, String)] = [
            (0, "0.00", "0.00"), (5, "0.05", "0.05"), (-5, "-0.05", "-0.05"), (123_450, "1234.50", "1,234.50"),
            (-123_456_789, "-1234567.89", "-1,234,567.89"), (100_000, "1000.00", "1,000.00"), (99_999, "999.99", "999.99"),
            (Int64.min, "-92233720368547758.08", "-92,233,720,368,547,758.08"),
        ]
        for (minor, plain, grouped) in cases {
            let amount = Money(minorUnits: minor, currency: usd)
            #expect(amount.decimalString == plain)
            #expect(amount.groupedString == grouped)
        }
    }

    @Test func formattingRoundTripsThroughParsing() throws {
        for minor: Int64 in [0, 1, -1, 99, 100, 123_456, -987_654_321, Int64.max, Int64.min + 1] {
            let amount = Money(minorUnits: minor, currency: usd)
            #expect(try money(amount.decimalString) == amount)
            #expect(try money(amount.groupedString) == amount)
        }
    }

    @Test func arithmeticIsExactAndChecked() throws {
        let a = Money(minorUnits: 10, currency: usd)
        let b = Money(minorUnits: 20, currency: usd)
        #expect(try a.adding(b).minorUnits == 30)
        #expect(try a.subtracting(b).minorUnits == -10)
        #expect(try a.negated().minorUnits == -10)
        #expect(try a.multiplied(by: 3).minorUnits == 30)
        #expect(try a.minimum(b) == a)
        #expect(try a.isLess(than: b))
        #expect(try Money.sum([a, b, a], currency: usd).minorUnits == 40)
        #expect(try Money.sum([], currency: usd).isZero)
    }

    @Test func overflowThrowsInsteadOfWrapping() throws {
        let max = Money(minorUnits: .max, currency: usd)
        let min = Money(minorUnits: .min, currency: usd)
        let one = Money(minorUnits: 1, currency: usd)
        #expect(throws: MoneyError.overflow) { try max.adding(one) }
        #expect(throws: MoneyError.overflow) { try min.subtracting(one) }
        #expect(throws: MoneyError.overflow) { try min.negated() }
        #expect(throws: MoneyError.overflow) { try max.multiplied(by: 2) }
        #expect(throws: MoneyError.overflow) { try Money.parse("92233720368547758.08", currency: .usd) }
        #expect(throws: MoneyError.overflow) { try Money.parse("99999999999999999999", currency: .usd) }
        #expect(try Money.parse("92233720368547758.07", currency: .usd) == max)
    }

    @Test func mixingCurrenciesIsAnError() throws {
        let eur = try Currency("EUR")
        let a = Money(minorUnits: 1, currency: usd)
        let b = Money(minorUnits: 1, currency: eur)
        #expect(throws: MoneyError.currencyMismatch(usd, eur)) { try a.adding(b) }
        #expect(throws: MoneyError.currencyMismatch(usd, eur)) { try a.subtracting(b) }
        #expect(throws: MoneyError.currencyMismatch(usd, eur)) { try a.minimum(b) }
        #expect(throws: MoneyError.currencyMismatch(usd, eur)) { try Money.sum([a, b], currency: usd) }
    }
}
