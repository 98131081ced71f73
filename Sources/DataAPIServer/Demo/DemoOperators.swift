import DataAPIContract
import EmployeeQuery

/// Draws chat-operator seats: login, display name, position, flags and 1–3 websites.
enum DemoOperators {
    static func seat(for person: DemoPerson, _ rng: inout SplitMix64) -> Employee.Operator {
        let position = rng.pick(DemoCatalog.positions)
        let chatEnabled = rng.chance(0.92)
        let siteCount = rng.weighted([60, 30, 10]) + 1
        var sites: [Int] = []
        while sites.count < siteCount {
            let index = rng.int(in: 0...(DemoCatalog.sites.count - 1))
            if !sites.contains(index) { sites.append(index) }
        }
        return Employee.Operator(
            operatorLogin: String(person.email.prefix { $0 != "@" }),
            operatorDisplayName: displayName(person, &rng),
            operatorPositionID: position.id, operatorPositionName: position.name,
            operatorOfflineMessageEnabled: rng.chance(0.7), operatorInviteToChatEnabled: rng.chance(0.5),
            operatorChatEnabled: chatEnabled, operatorChatsAvailable: chatEnabled && rng.chance(0.7),
            operatorSites: sites.sorted().map { DemoCatalog.sites[$0] })
    }

    /// "Анна" mostly, "Анна К." for a quarter of them.
    private static func displayName(_ person: DemoPerson, _ rng: inout SplitMix64) -> String {
        let first = person.first ?? person.last ?? "Оператор"
        guard rng.chance(0.25), let initial = person.last?.first else { return first }
        return "\(first) \(initial)."
    }
}
