import RapportCore

/// Reads a bank file in any format Rapport knows — camt.053, camt.054, BAI2, OFX/QFX, MT940 —
/// detected from its content, into one `BankFile`. Parsing only: nothing is stored.
public enum BankFileReader {
    /// Reads `bytes`, naming `file` in errors; a file that breaks its own rules is read with warnings.
    public static func read(_ bytes: [UInt8], file: String) throws(BankReadError) -> BankFile {
        let format = try detect(bytes, file: file)
        do throws(BankSyntaxError) {
            switch format {
            case .camt053, .camt054: return try CamtReader.read(bytes)
            case .bai2: return try BAI2Reader.read(BankText.decode(bytes))
            case .ofx: return try OFXReader.read(bytes)
            case .mt940: return try MT940Reader.read(BankText.decode(bytes))
            }
        } catch {
            throw BankReadError(file: file, line: error.line, path: error.path, reason: error.reason)
        }
    }

    /// The format of `bytes`, from their first kilobytes: XML with an ISO 20022 `camt.05x`
    /// namespace or message, OFX's header or `<OFX>`, a BAI2 `01,` header record, MT940 tags.
    public static func detect(_ bytes: [UInt8], file: String) throws(BankReadError) -> BankFile.Format {
        let head = BankText.decode(Array(bytes.prefix(4096)), windows1252: true)
        let start = head.drop { $0.isWhitespace }
        if head.contains("OFXHEADER") || head.contains("<OFX>") || head.contains("<ofx>") { return .ofx }
        if start.hasPrefix("<") {
            if head.contains("camt.054") || head.contains("BkToCstmrDbtCdtNtfctn") { return .camt054 }
            if head.contains("camt.053") || head.contains("BkToCstmrStmt") { return .camt053 }
            throw BankReadError(file: file, line: 1, reason: "XML, but not an ISO 20022 camt.053 or camt.054 message")
        }
        if start.hasPrefix("01,") { return .bai2 }
        if head.contains(":20:") && (head.contains(":25:") || head.contains(":60F:") || head.contains(":61:")) { return .mt940 }
        throw BankReadError(file: file, line: 1, reason: "not a bank file Rapport reads (camt.053, camt.054, BAI2, OFX/QFX or MT940)")
    }
}

import Foundation

extension BankFileReader {
    /// Reads the file at `path`.
    public static func read(path: String) throws(BankReadError) -> BankFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw BankReadError(file: path, line: nil, reason: reason)
        }
        return try read(Array(data), file: path)
    }
}
