import DataAPIContract
import EmployeeQuery

/// Hands out unique extension numbers (at most 5 digits) to about 88 % of the staff.
///
/// Small companies get 3-digit numbers, larger ones 4 or 5 digits. Strings of at most 5 digits
/// run out near 100 000, so in the largest companies the employees drawn after the pool is
/// spent have no extension.
struct DemoExtensions {
    private var pool: [Int32]
    private var rng: SplitMix64

    init(count: Int, seed: UInt64) {
        rng = SplitMix64(seed: seed ^ 0xE87)
        let needed = count
        let range: ClosedRange<Int32> = needed <= 900 ? 100...999 : needed <= 9_000 ? 1_000...9_999 : 100...99_999
        pool = Array(range)
        rng.shuffle(&pool)
    }

    /// The next employee's extension, or `nil` (by chance, or when the pool is spent).
    mutating func next() -> Employee.Extension? {
        guard rng.chance(0.88), let number = pool.popLast() else { return nil }
        return Employee.Extension(
            extensionPhoneNumber: String(number), extensionVoiceMailEnabled: rng.chance(0.35), extensionQueueEnabled: rng.chance(0.25))
    }
}
