/// A string as UTF-8 bytes compared byte by byte: the API's string order, since UTF-8 byte order
/// is Unicode scalar order (`JSONComparison.order`); or `ilike`'s, for a string case-folded
/// first (`LikePattern.caseFoldedUTF8`).
struct TextKey: Comparable, Hashable, Sendable {
    let utf8: [UInt8]

    init(utf8: [UInt8]) { self.utf8 = utf8 }

    init(_ text: String) { utf8 = Array(text.utf8) }

    /// The key of the string of these scalar values (a `LikePattern.Anchor`'s literal).
    init(scalars: [UInt32]) {
        var utf8: [UInt8] = []
        for value in scalars {
            // An anchor's values are scalars of the pattern, or their lower case.
            guard let scalar = Unicode.Scalar(value) else { preconditionFailure("TextKey: \(value) is not a Unicode scalar") }
            UTF8.encode(scalar) { utf8.append($0) }
        }
        self.utf8 = utf8
    }

    static func < (lhs: TextKey, rhs: TextKey) -> Bool {
        lhs.utf8.withUnsafeBufferPointer { left in
            rhs.utf8.withUnsafeBufferPointer { right in
                for index in 0..<min(left.count, right.count) where left[index] != right[index] { return left[index] < right[index] }
                return left.count < right.count
            }
        }
    }

    /// Whether the key begins with `prefix`.
    func hasPrefix(_ prefix: TextKey) -> Bool { utf8.starts(with: prefix.utf8) }
}
