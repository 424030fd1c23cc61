import ArgumentParser
import Foundation
import RapportCore
import RapportApp
import RapportImport

/// `rapport who-to-call`: the customer's people and ours for a key account and its children.
struct WhoToCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-to-call", abstract: "The customer's contacts by location and role, and our people, for an account and its children.")

    @Argument(help: "The account id.") var accountID: String
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct ContactJSON: Encodable { let contactId, name, role: String; let email, phone: String? }
    struct SiteJSON: Encodable { let accountId, name: String; let locationId: String?; let contacts: [ContactJSON] }
    struct OursJSON: Encodable { let accountId, accountName: String; let specialist, salesperson, serviceManager: String? }
    struct SheetJSON: Encodable { let accountId: String; let ours: [OursJSON]; let sites: [SiteJSON] }

    func run() async throws {
        let sheet = try await database.withApp { app in try await app.accounts.whoToCall(Account.ID(accountID)) }
        switch format {
        case .json:
            print(try encodeReport(SheetJSON(
                accountId: sheet.accountID.rawValue,
                ours: sheet.ours.map { OursJSON(accountId: $0.accountID.rawValue, accountName: $0.accountName, specialist: $0.specialist,
                                                salesperson: $0.salesperson, serviceManager: $0.serviceManager) },
                sites: sheet.sites.map { site in SiteJSON(accountId: site.accountID.rawValue, name: site.name, locationId: site.locationID?.rawValue,
                    contacts: site.contacts.map { ContactJSON(contactId: $0.id.rawValue, name: $0.name, role: $0.role.rawValue, email: $0.email, phone: $0.phone) }) })))
        case .csv:
            var writer = CSVWriter()
            writer.append(["account_id", "location_id", "site", "role", "name", "email", "phone"])
            for site in sheet.sites {
                for contact in site.contacts {
                    writer.append([site.accountID.rawValue, site.locationID?.rawValue ?? "", site.name, contact.role.rawValue, contact.name,
                                   contact.email ?? "", contact.phone ?? ""])
                }
            }
            print(writer.take(), terminator: "")
        case .table:
            print("Who to call for \(sheet.accountID)\n\nOur people")
            print(renderTable(["account", "name", "specialist", "salesperson", "service manager"], sheet.ours.map {
                [$0.accountID.rawValue, $0.accountName, $0.specialist ?? "—", $0.salesperson ?? "—", $0.serviceManager ?? "—"]
            }))
            for site in sheet.sites {
                print("\n\(site.name) (\(site.accountID))")
                print(renderTable(["role", "name", "email", "phone"], site.contacts.map {
                    [$0.role.rawValue, $0.name, $0.email ?? "—", $0.phone ?? "—"]
                }))
            }
        }
    }
}
