import DataAPIContract

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// When a session key from `login.user` ends, read the ways servers write it.
///
/// The member is `expire_at` (the spec) or `expire` (the documentation's examples); its value Unix seconds
/// as a number or a numeric string (milliseconds when above 10^11, as some gateways send), or a date string
/// `YYYY-MM-DD hh:mm:ss` or ISO 8601 (`T` between date and time, fractional seconds, `Z` or a `±hh:mm`
/// offset); a date without an offset is taken as UTC.
enum SessionExpiry {
    /// The outcome of reading a login reply's `data`.
    enum Reading: Equatable {
        /// Unix seconds.
        case at(Double)
        /// Neither member is there.
        case absent
        /// The member is there but holds nothing readable as a time.
        case unreadable(member: String)
    }

    /// Reads the key's end from a login reply's `data`.
    /// - Parameter data: `result.data`.
    /// - Returns: The time, or why there is none.
    static func read(_ data: JSONObject) -> Reading {
        for member in ["expire_at", "expire"] {
            guard let value = data[member], value != .null else { continue }
            return seconds(value).map(Reading.at) ?? .unreadable(member: member)
        }
        return .absent
    }

    /// Unix seconds from a number, a numeric string or a date string; `nil` for anything else.
    static func seconds(_ value: JSON) -> Double? {
        let number: Double?
        switch value {
        case .int(let int): number = Double(int)
        case .double(let double): number = double
        case .string(let text):
            let trimmed = text.trimmingSpaces
            if let double = Double(trimmed) { number = double } else { return date(trimmed) }
        default: return nil
        }
        guard let number, number.isFinite, number > 0 else { return nil }
        return number > 1e11 ? number / 1000 : number
    }

    /// Unix seconds from `YYYY-MM-DD[ T]hh:mm:ss[.fff][Z|±hh[:]mm]`; `nil` when the text is not such a date.
    static func date(_ text: String) -> Double? {
        let chars = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= chars.count else { return nil }
            var value = 0
            for byte in chars[start..<start + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard chars.count >= 19, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
            chars[10] == UInt8(ascii: " ") || chars[10] == UInt8(ascii: "T"), chars[13] == UInt8(ascii: ":"),
            chars[16] == UInt8(ascii: ":"), let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < chars.count, chars[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            while index < chars.count, (48...57).contains(chars[index]) {
                fraction += Double(chars[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < chars.count {
            let sign = chars[index]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                index += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), let hours = digits(index + 1, 2) {
                let colon = index + 3 < chars.count && chars[index + 3] == UInt8(ascii: ":") ? 1 : 0
                guard let minutes = digits(index + 3 + colon, 2), hours < 24, minutes < 60 else { return nil }
                offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
                index += 5 + colon
            }
        }
        guard index == chars.count else { return nil }
        var fields = tm()
        fields.tm_year = Int32(year - 1900)
        fields.tm_mon = Int32(month - 1)
        fields.tm_mday = Int32(day)
        fields.tm_hour = Int32(hour)
        fields.tm_min = Int32(minute)
        fields.tm_sec = Int32(second)
        let seconds = timegm(&fields)
        guard seconds > 0 else { return nil }
        return Double(seconds - offset) + fraction
    }
}
