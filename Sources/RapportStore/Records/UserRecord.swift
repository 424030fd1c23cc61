import RapportCore
import SQLKit

/// A row of `users`, from a `User`, with no password (the demo sets one afterwards).
struct UserRecord: BulkRow {
    var user: User

    static let columns = ["id", "display_name", "role", "department", "password_hash"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(user.id.rawValue), sqlValue(user.displayName), sqlValue(user.role.rawValue), sqlValue(user.department?.rawValue),
         SQLLiteral.null]
    }
}
