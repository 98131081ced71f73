/// SplitMix64, the seeded pseudo-random generator of the demo company.
///
/// The same seed gives the same sequence on every run, machine and Swift version: every
/// derived draw (`int(in:)`, `chance(_:)`, `pick(_:)`) is computed here, never by the standard
/// library's `random(in:using:)`, whose algorithm is not promised to stay the same.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator.
    /// - Parameter seed: Any value; 0 is fine.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    /// - Returns: A uniformly distributed `UInt64`.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in a range, by multiply-high (Lemire) reduction; the bias is below 2⁻³².
    /// - Parameter range: A range of at most 2⁶³ values.
    /// - Returns: A value in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// A uniform `Double` in `0..<1` from the top 53 bits.
    /// - Returns: A value in `0..<1`.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with the given probability.
    /// - Parameter probability: From 0 (never) to 1 (always).
    /// - Returns: The outcome.
    public mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// One element of a non-empty array, uniformly.
    /// - Parameter elements: The candidates; must not be empty.
    /// - Returns: One of them.
    public mutating func pick<T>(_ elements: [T]) -> T { elements[int(in: 0...(elements.count - 1))] }

    /// An index drawn with the given relative weights.
    /// - Parameter weights: Non-negative weights, at least one positive.
    /// - Returns: An index into `weights`.
    public mutating func weighted(_ weights: [Int]) -> Int {
        var roll = int(in: 0...(weights.reduce(0, +) - 1))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// Shuffles in place (Fisher–Yates).
    /// - Parameter elements: The array to shuffle.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(i, int(in: 0...i))
        }
    }
}
