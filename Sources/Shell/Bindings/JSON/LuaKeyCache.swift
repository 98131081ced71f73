/// The Lua strings made for a tape's keys, found by the key's offset in the tape's text.
///
/// A tape stores a recurring key once, so every row's `"status"` has the same offset: the decoder makes
/// the Lua string the first time and afterwards pushes it from a table (an array read) rather than
/// hashing and interning the bytes again. This type maps offsets to indices in that table; the table
/// itself lives on the Lua stack, where the collector sees it.
struct LuaKeyCache {
    /// Open addressing: `(offset + 1) << 32 | index`, 0 for an empty slot; the count is a power of two.
    private var slots = [UInt64](repeating: 0, count: 256)
    /// Keys cached: the next index is `count + 1`.
    private(set) var count = 0
    /// Keys beyond this many (an object used as a map, say) are pushed without being cached.
    static let capacity = 4096

    /// The index of the cached string for the key at `offset`, or nil.
    @inline(__always)
    func index(of offset: Int) -> Int64? {
        let tag = UInt64(truncatingIfNeeded: offset &+ 1) << 32
        let mask = slots.count &- 1
        var slot = Self.hash(offset) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag { return Int64(entry & 0xFFFF_FFFF) }
            slot = (slot &+ 1) & mask
        }
    }

    /// Records the key at `offset` and returns its index, or nil when the cache is full.
    mutating func insert(_ offset: Int) -> Int64? {
        guard count < Self.capacity, offset < Int(UInt32.max) else { return nil }
        if (count + 1) * 2 > slots.count { grow() }
        count += 1
        place(UInt64(truncatingIfNeeded: offset + 1) << 32 | UInt64(count))
        return Int64(count)
    }

    private mutating func place(_ entry: UInt64) {
        let mask = slots.count - 1
        var slot = Self.hash(Int(truncatingIfNeeded: entry >> 32) - 1) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 { place(entry) }
    }

    @inline(__always)
    private static func hash(_ offset: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: offset) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }
}
