/// The cursor of `JSONParser` over the input bytes: whitespace, literals, errors and the scratch buffer
/// for unescaped strings. Internal, but `@usableFromInline` so that parses specialise across modules.
@usableFromInline
struct JSONScanner {
    /// The first input byte.
    @usableFromInline let base: UnsafeRawPointer
    /// The number of input bytes.
    @usableFromInline let count: Int
    /// The offset of the next byte to read.
    @usableFromInline var pos: Int = 0
    /// Holds strings that had escapes, once unescaped; allocated on first use, grown by doubling.
    @usableFromInline var scratch: UnsafeMutableRawPointer?
    @usableFromInline var scratchCapacity: Int = 0

    @inlinable
    init(base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
    }

    /// Frees the scratch buffer; call once when the parse ends.
    @inlinable
    mutating func releaseScratch() {
        scratch?.deallocate()
        scratch = nil
        scratchCapacity = 0
    }

    /// The input byte at `offset`, which must be in bounds.
    @inlinable @inline(__always)
    func byte(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }

    /// An error at `offset`, the current position by default.
    @inlinable
    func fail(_ reason: JSONParseError.Reason, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(offset: offset ?? pos, reason: reason)
    }

    /// Advances past spaces, tabs, line feeds and carriage returns.
    @inlinable @inline(__always)
    mutating func skipWhitespace() {
        while pos < count {
            let b = byte(pos)
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            pos += 1
        }
    }

    /// Consumes `literal` (`true`, `false` or `null`) at the current position.
    @inlinable
    mutating func expectLiteral(_ literal: StaticString) throws {
        let expected = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount {
            guard pos + k < count else { throw fail(.unexpectedEnd, at: count) }
            guard byte(pos + k) == expected[k] else { throw fail(.unexpectedByte, at: pos + k) }
        }
        pos += literal.utf8CodeUnitCount
    }

    /// Makes room for at least `needed` bytes of scratch, keeping the first `used`.
    @inlinable
    mutating func reserveScratch(_ needed: Int, keeping used: Int) {
        guard needed > scratchCapacity else { return }
        let capacity = max(needed, scratchCapacity * 2, 256)
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        if let old = scratch {
            grown.copyMemory(from: old, byteCount: used)
            old.deallocate()
        }
        scratch = grown
        scratchCapacity = capacity
    }
}
