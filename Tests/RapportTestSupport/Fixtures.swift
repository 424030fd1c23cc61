import Foundation

/// Small CSV files written to a temporary folder for import tests.
public struct Fixtures: Sendable {
    public let folder: URL

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    public func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    public func removeAll() { try? FileManager.default.removeItem(at: folder) }

    /// A small company: a key account with a child and two sites, and a residential customer.
    public static let accounts = """
        account_id,name,segment,parent_id,billing_frequency,specialist,key_account,hardship,opened_on,salesperson,service_manager
        A2,Acme East,commercial,A1,monthly,lori,false,false,2021-06-01,,
        A1,"Acme, Inc.",commercial,,quarterly,lori,true,false,2020-01-15,sam,maria
        R1,Jane Doe,residential,,annual,kim,false,true,

        """
    public static let locations = """
        location_id,account_id,name,address
        L1,A1,HQ,"1 Main St, Springfield"
        L2,A2,East site,
        """
    public static let invoices = """
        invoice_id,account_id,issue_date,due_date,amount,currency,location_id,job_id,description
        I1,A1,2024-01-05,,"1,000.00",USD,L1,J1,Installation
        I1,A1,2024-01-05,,250.50,USD,L1,J1,"Monitoring, January"
        I2,A1,2024-02-05,2024-03-06,300.00,USD,,,Monitoring
        I3,R1,2024-02-29,,49.99,USD,,,Monitoring
        I4,A2,2024-03-01,,80.00,USD,L2,,Service call
        """
    public static let payments = """
        payment_id,account_id,received_on,amount,currency,invoice_id,method
        P1,A1,2024-02-10,1100.00,USD,,check
        P2,A1,2024-03-10,600.00,USD,I2,ach
        P3,R1,2024-03-01,49.99,USD,I3,card
        """
    public static let jobs = """
        job_id,account_id,location_id,kind,department,percent_complete,billed_off_on
        J1,A1,L1,installation,installation,95,2024-01-05
        J2,A2,L2,service,service,100,
        """
    public static let followups = """
        followup_id,job_id,department,description,due_on,done_on
        F1,J1,installation,"Mount the last two sensors, east wing",2024-01-20,2024-01-25
        F2,J1,customer_care,Train the staff on the keypad,2024-01-31,
        """
    public static let creditMemos = """
        credit_memo_id,account_id,issued_on,amount,currency,invoice_id,reason
        CM1,A2,2024-03-05,10.00,USD,I4,"Service call billed twice, partly"
        """
    public static let deposits = """
        deposit_id,account_id,job_id,received_on,amount,currency
        D1,A1,J1,2023-12-15,500.00,USD
        D2,A2,J2,2024-02-20,40.00,USD
        """
    public static let contacts = """
        contact_id,account_id,location_id,name,role,email,phone
        K1,A1,,Pat Payables,accounts_payable,pat@acme.example,555-0100
        K2,A1,L1,Fran Facilities,facilities,,555-0101
        K3,A2,L2,Dana Decider,decision_maker,dana@acme.example,
        """
}
