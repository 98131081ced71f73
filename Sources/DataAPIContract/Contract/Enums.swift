/// The enumerations of `get.employees`. Each is a raw string with the known values as
/// `static let`s, so a value added by a newer server is carried as it is instead of failing.

/// An employee's presence status.
public struct EmployeeStatus: RawRepresentable, Sendable, Hashable, CaseIterableKnown {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let available = Self(rawValue: "available")
    public static let onBreak = Self(rawValue: "break")
    public static let doNotDisturb = Self(rawValue: "do_not_disturb")
    public static let notAtWorkplace = Self(rawValue: "not_at_workplace")
    public static let notAtWork = Self(rawValue: "not_at_work")
    public static let unknown = Self(rawValue: "unknown")
    public static let known: [Self] = [.available, .onBreak, .doNotDisturb, .notAtWorkplace, .notAtWork, .unknown]
}

/// A type of call an employee may take or make.
public struct CallType: RawRepresentable, Sendable, Hashable, CaseIterableKnown {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let `internal` = Self(rawValue: "internal")
    public static let external = Self(rawValue: "external")
    public static let known: [Self] = [.internal, .external]
}

/// Which of an employee's calls are recorded.
public struct CallRecording: RawRepresentable, Sendable, Hashable, CaseIterableKnown {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let all = Self(rawValue: "all")
    public static let incoming = Self(rawValue: "in")
    public static let outgoing = Self(rawValue: "out")
    public static let off = Self(rawValue: "off")
    public static let known: [Self] = [.all, .incoming, .outgoing, .off]
}

/// Whether a phone number takes calls.
public struct PhoneNumberStatus: RawRepresentable, Sendable, Hashable, CaseIterableKnown {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let active = Self(rawValue: "active")
    public static let inactive = Self(rawValue: "inactive")
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
