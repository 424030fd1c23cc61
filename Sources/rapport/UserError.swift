/// A request Rapport cannot carry out because of what the user asked (exit code 1).
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
