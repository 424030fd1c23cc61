import RapportCore
import RapportImport

/// Reading a bank file without storing anything: `rapport bank read`.
public enum BankReading {
    /// The statements, entries and details of the file at `path`, with its warnings.
    public static func read(path: String) throws(BankReadError) -> BankFile {
        try BankFileReader.read(path: path)
    }
}
