import FluentKit
import SQLKit

/// Bank files and cash application: `bank_files` (one row per imported file, by content hash, so
/// the same file is never read in twice), `bank_details` (one row per detail cash is applied to,
/// keyed so an entry already stored under the same account, bank reference, amount and booking day
/// is not stored again, with what the matcher proposed and what was decided) and `bank_accounts`
/// (the bank accounts customers pay from: from `accounts.csv` and learned from confirmed matches).
struct AddBankStatements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE bank_files (
              id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, format TEXT NOT NULL,
              statements INTEGER NOT NULL, imported_at BIGINT NOT NULL, imported_by TEXT NOT NULL)
            """).run()
        try await sql.raw("""
            CREATE TABLE bank_details (
              id TEXT PRIMARY KEY, file_id TEXT NOT NULL REFERENCES bank_files (id), entry_key TEXT NOT NULL UNIQUE,
              statement_account TEXT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL,
              booked_on TEXT, value_on TEXT, status TEXT NOT NULL, reversal INTEGER NOT NULL, bank_reference TEXT,
              transaction_code TEXT, end_to_end_id TEXT, creditor_references TEXT NOT NULL, remittance TEXT NOT NULL,
              debtor_name TEXT, debtor_account TEXT, return_reason TEXT,
              state TEXT NOT NULL, rule INTEGER, confidence INTEGER, evidence TEXT NOT NULL, account_id TEXT,
              proposal TEXT NOT NULL, decided_by TEXT, decided_at BIGINT)
            """).run()
        try await sql.raw("CREATE INDEX bank_details_state ON bank_details (state, booked_on)").run()
        try await sql.raw("""
            CREATE TABLE bank_accounts (
              bank_account TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts (id), source TEXT NOT NULL,
              PRIMARY KEY (bank_account, account_id))
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP TABLE bank_accounts").run()
        try await sql.raw("DROP TABLE bank_details").run()
        try await sql.raw("DROP TABLE bank_files").run()
    }
}
