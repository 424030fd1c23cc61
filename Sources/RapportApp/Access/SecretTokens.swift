import Crypto

/// Random secrets (session cookies, CSRF and form tokens) and the digests stored in their place.
enum SecretTokens {
    /// 32 random bytes from the system's secure generator, as unpadded base64url (43 characters).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(bytes)
    }

    /// The SHA-256 of `token` in hex: what the database keeps instead of the token.
    static func digest(_ token: String) -> String {
        hex(SHA256.hash(data: Array(token.utf8)))
    }

    /// The SHA-256 of `prefix` followed by `body`, in hex (an idempotent request's fingerprint).
    static func digest(_ prefix: String, body: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(prefix.utf8))
        hasher.update(data: body)
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for byte in chunk { value = value << 8 | Int(byte) }
            value <<= 8 * (3 - chunk.count)
            for position in 0...chunk.count { out.append(alphabet[(value >> (18 - 6 * position)) & 63]) }
            index += 3
        }
        return out
    }
}
