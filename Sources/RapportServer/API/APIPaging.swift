import Foundation

/// The API's paging: `limit` (default 100, at most 1000) and an opaque `cursor` that names the last
/// id of the page before (base64url, so a client cannot lean on its shape).
struct APIPaging: Sendable {
    static let defaultLimit = 100
    static let maxLimit = 1000

    var limit: Int
    /// The last id of the previous page; nil for the first page.
    var after: String?

    init(limit: Int?, cursor: String?) throws {
        let limit = limit ?? Self.defaultLimit
        guard (1...Self.maxLimit).contains(limit) else {
            throw APIProblem.badRequest("limit must be 1 to \(Self.maxLimit).", field: "limit")
        }
        self.limit = limit
        guard let cursor else { return }
        var text = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8), decoded.hasPrefix("v1:") else {
            throw APIProblem.badRequest("cursor is not one this API returned.", field: "cursor")
        }
        after = String(decoded.dropFirst(3))
    }

    /// The cursor of the page after the one ending with `lastID`.
    static func cursor(after lastID: String) -> String {
        Data("v1:\(lastID)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// One page of `items` already sorted by `id` (lists kept in memory): those after the cursor, and the next cursor.
    func page<Item>(_ items: [Item], id: (Item) -> String) -> (items: [Item], nextCursor: String?) {
        let rest = after.map { after in items.filter { id($0) > after } } ?? items
        let page = Array(rest.prefix(limit))
        return (page, rest.count > limit ? page.last.map { Self.cursor(after: id($0)) } : nil)
    }

    /// The next cursor of a page fetched with `limit + 1` rows: nil when that extra row is absent.
    func nextCursor<Item>(_ fetched: [Item], id: (Item) -> String) -> (items: [Item], nextCursor: String?) {
        let page = Array(fetched.prefix(limit))
        return (page, fetched.count > limit ? page.last.map { Self.cursor(after: id($0)) } : nil)
    }
}

extension APIPaging {
    /// One page of a list kept in its own order (a queue, best first): the cursor holds the offset.
    func offsetPage<Item>(_ items: [Item]) throws -> (items: [Item], nextCursor: String?) {
        let start: Int
        if let after {
            guard let offset = Int(after), offset >= 0 else { throw APIProblem.badRequest("cursor is not one this API returned.", field: "cursor") }
            start = min(offset, items.count)
        } else {
            start = 0
        }
        let end = min(items.count, start + limit)
        return (Array(items[start..<end]), end < items.count ? Self.cursor(after: String(end)) : nil)
    }
}
