/// A payer's bank account as Rapport compares and keeps it.
public enum BankAccountNumber {
    /// Upper-case letters and digits only: "CH93 0076 2011 6238 5295 7" → "CH9300762011623852957".
    public static func normalized(_ text: String) -> String { CashText.compact(text) }
}
