/// What a password must be: at least ten characters, and at most 72 bytes in UTF-8 — bcrypt
/// ignores every byte after the 72nd, so a longer one would be accepted with any tail.
public enum PasswordPolicy {
    /// The fewest characters a password may have.
    public static let minimumCharacters = 10
    /// The most UTF-8 bytes bcrypt reads.
    public static let maximumBytes = 72

    /// Throws `InvalidField("password", …)` when `password` breaks a rule.
    public static func check(_ password: String) throws(InvalidField) {
        if password.count < minimumCharacters {
            throw InvalidField("password", "must have at least \(minimumCharacters) characters")
        }
        if password.utf8.count > maximumBytes {
            throw InvalidField("password", "must be at most \(maximumBytes) bytes in UTF-8 (bcrypt ignores the rest)")
        }
    }
}
