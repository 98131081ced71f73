/// The enumerations of `get.employees`. Each is a raw string with the known values as
/// `static let`s, so a value added by a newer server is carried as it is instead of failing.

/// An employee's presence status.
public struct EmployeeStatus: RawRepresentable, Sendable, Hashable, CaseIterableKnown {
    /// The value as the API spells it, documented or not.
    public var rawValue: String
    /// Wraps a value as the API spells it; an undocumented one is kept, not refused.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `available`: at work and free for calls.
    public static let available = Self(rawValue: "available")
    /// `break`: on a break.
    public static let onBreak = Self(rawValue: "break")
    /// `do_not_disturb`: asked not to be disturbed.
    public static let doNotDisturb = Self(rawValue: "do_not_disturb")
    /// `not_at_workplace`: at work but away from the workplace.
    public static let notAtWorkplace = Self(rawValue: "not_at_workplace")
    /// `not_at_work`: not at work.
    public static let notAtWork = Self(rawValue: "not_at_work")
    /// `unknown`: the status is not known.
    public static let unknown = Self(rawValue: "unknown")
    /// The values the API documents, in its order.
    public static let known: [Self] = [.available, .onBreak, .doNotDisturb, .notAtWorkplace, .notAtWork, .unknown]
}

/// A type of call an employee may take or make.
public struct CallType: RawRepresentable, Sendable, Hashable, CaseIterableKnown {
    /// The value as the API spells it, documented or not.
    public var rawValue: String
    /// Wraps a value as the API spells it; an undocumented one is kept, not refused.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `internal`: calls between the company's employees.
    public static let `internal` = Self(rawValue: "internal")
    /// `external`: calls with clients, outside the company.
    public static let external = Self(rawValue: "external")
    /// The values the API documents, in its order.
    public static let known: [Self] = [.internal, .external]
}

/// Which of an employee's calls are recorded.
public struct CallRecording: RawRepresentable, Sendable, Hashable, CaseIterableKnown {
    /// The value as the API spells it, documented or not.
    public var rawValue: String
    /// Wraps a value as the API spells it; an undocumented one is kept, not refused.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `all`: every call is recorded.
    public static let all = Self(rawValue: "all")
    /// `in`: only incoming calls are recorded.
    public static let incoming = Self(rawValue: "in")
    /// `out`: only outgoing calls are recorded.
    public static let outgoing = Self(rawValue: "out")
    /// `off`: no call is recorded.
    public static let off = Self(rawValue: "off")
    /// The values the API documents, in its order.
    public static let known: [Self] = [.all, .incoming, .outgoing, .off]
}

/// Whether a phone number takes calls.
public struct PhoneNumberStatus: RawRepresentable, Sendable, Hashable, CaseIterableKnown {
    /// The value as the API spells it, documented or not.
    public var rawValue: String
    /// Wraps a value as the API spells it; an undocumented one is kept, not refused.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `active`: the number takes calls (the API's default).
    public static let active = Self(rawValue: "active")
    /// `inactive`: the number is switched off.
    public static let inactive = Self(rawValue: "inactive")
    /// The values the API documents, in its order.
    public static let known: [Self] = [.active, .inactive]
}

/// An enumeration whose documented values are listed, while others may still arrive.
public protocol CaseIterableKnown: RawRepresentable where RawValue == String {
    /// The values the API documents.
    static var known: [Self] { get }
}

extension CaseIterableKnown where Self: Equatable {
    /// Whether the value is one the API documents.
    public var isKnown: Bool { Self.known.contains(self) }
}
