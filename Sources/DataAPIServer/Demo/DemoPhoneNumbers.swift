import DataAPIContract
import EmployeeQuery

/// Draws an employee's phone numbers: Russian mobile and landline numbers, a few with
/// dial-through digits, with mostly default settings.
enum DemoPhoneNumbers {
    /// Relative weights of having 0, 1, … 10 numbers.
    private static let countWeights = [8, 40, 25, 12, 6, 3, 2, 1, 1, 1, 1]

    /// The documented range of `dial_time` (spec §9): every drawn dial time lies in it.
    static let dialTimeRange: ClosedRange<Int64> = 1...100

    /// 0 to 10 distinct numbers in priority order.
    static func draw(_ rng: inout SplitMix64) -> [Employee.PhoneNumber] {
        let count = rng.weighted(countWeights)
        var numbers: [Employee.PhoneNumber] = []
        numbers.reserveCapacity(count)
        while numbers.count < count {
            let number = phoneNumber(&rng)
            if numbers.contains(where: { $0.phoneNumber == number }) { continue }
            numbers.append(
                Employee.PhoneNumber(
                    phoneNumber: number, channelsCount: channelsCount(&rng), dialTime: dialTime(&rng),
                    status: rng.chance(0.88) ? .active : .inactive))
        }
        return numbers
    }

    /// `79XXXXXXXXX` (mobile, 60 %), `7AAAXXXXXXX` (landline) or a landline with dial-through
    /// digits such as `74955140578...2345` (6 %).
    static func phoneNumber(_ rng: inout SplitMix64) -> String {
        let roll = rng.unit()
        if roll < 0.6 { return "79" + digits(9, &rng) }
        let landline = "7" + rng.pick(DemoCatalog.areaCodes) + digits(7, &rng)
        return roll < 0.94 ? landline : landline + "..." + digits(rng.int(in: 2...5), &rng)
    }

    /// 1 for most numbers; 2–10 for some trunks; rarely up to 150.
    private static func channelsCount(_ rng: inout SplitMix64) -> Int64 {
        switch rng.weighted([80, 15, 5]) {
        case 0: 1
        case 1: Int64(rng.int(in: 2...10))
        default: Int64(rng.int(in: 11...150))
        }
    }

    /// 60 s for most numbers, 10–100 s for others, and about 1 % ringing only 1–9 s; all within
    /// `dialTimeRange`. (A team's own policy, such as the examples' 10–60 s, finds the short and the long ones.)
    private static func dialTime(_ rng: inout SplitMix64) -> Int64 {
        switch rng.weighted([65, 34, 1]) {
        case 0: 60
        case 1: Int64(rng.int(in: 10...Int(dialTimeRange.upperBound)))
        default: Int64(rng.int(in: Int(dialTimeRange.lowerBound)...9))
        }
    }

    /// `count` random decimal digits, leading zeros kept.
    private static func digits(_ count: Int, _ rng: inout SplitMix64) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        for i in 0..<count { bytes[i] = UInt8(48 + rng.int(in: 0...9)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
