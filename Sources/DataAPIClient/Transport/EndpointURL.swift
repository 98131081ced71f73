/// Checks an endpoint URL before any connection is tried, so that a URL the HTTP stack cannot take (a port
/// past 65535 traps in it) is a clear configuration error instead.
enum EndpointURL {
    /// What is wrong with `url`, or `nil` when it is an `http`/`https` URL with a host and, when it names one,
    /// a port from 1 to 65535.
    /// - Parameter url: The endpoint as given.
    /// - Returns: The fault, as a sentence about the URL ("its port must be …").
    static func problem(_ url: String) -> String? {
        let lower = url.lowercased()
        let scheme = lower.hasPrefix("https://") ? "https://" : lower.hasPrefix("http://") ? "http://" : nil
        guard let scheme else { return "not an http or https URL: \(url)" }
        let rest = url.dropFirst(scheme.count)
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        var port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "its IPv6 address lacks the closing ]" }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return "unexpected text after its host" }
                port = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty, host != "[]" else { return "it has no host" }
        if let port {
            guard !port.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber), let number = Int(port),
                (1...65_535).contains(number)
            else { return "its port must be a number from 1 to 65535, not \"\(port)\"" }
        }
        return nil
    }
}
