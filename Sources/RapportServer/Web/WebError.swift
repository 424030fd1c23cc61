import Vapor

/// A refusal the web pages render as a page of its own (403, 404).
enum WebError: Error {
    /// The role does not allow it: 403.
    case forbidden(String)
    /// No such record: 404.
    case notFound(String)
    /// The form's CSRF token is missing or wrong: 403.
    case badCSRF
}
