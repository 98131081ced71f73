/// The `metadata` of a reply: total count, point limits and version notices (spec §6).
public struct Metadata: Sendable, Hashable {
    /// Records matching the filter, regardless of limit and offset; absent in error replies.
    public var totalItems: Int?
    /// Always `null` in this API generation; kept as sent.
    public var version: JSON
    /// The point budgets.
    public var limits: Limits?
    /// Present only when the called API version is deprecated.
    public var apiVersion: APIVersion?

    /// Creates metadata.
    /// - Parameters:
    ///   - totalItems: Matching records; none by default.
    ///   - version: `null` by default.
    ///   - limits: Point budgets; none by default.
    ///   - apiVersion: Version notice; none by default.
    public init(totalItems: Int? = nil, version: JSON = .null, limits: Limits? = nil, apiVersion: APIVersion? = nil) {
        self.totalItems = totalItems
        self.version = version
        self.limits = limits
        self.apiVersion = apiVersion
    }

    /// Day and minute point budgets: `*_limit` and `*_remaining` are points, `*_reset` seconds until refill.
    public struct Limits: Sendable, Hashable {
        /// `day_limit`: the points the account may spend in a day.
        public var dayLimit: Int
        /// `day_remaining`: the points left today.
        public var dayRemaining: Int
        /// `day_reset`: seconds until the day's budget refills.
        public var dayReset: Int
        /// `minute_limit`: the points the account may spend in a minute.
        public var minuteLimit: Int
        /// `minute_remaining`: the points left this minute.
        public var minuteRemaining: Int
        /// `minute_reset`: seconds until the minute's budget refills.
        public var minuteReset: Int

        /// Creates limits.
        public init(dayLimit: Int, dayRemaining: Int, dayReset: Int, minuteLimit: Int, minuteRemaining: Int, minuteReset: Int) {
            self.dayLimit = dayLimit
            self.dayRemaining = dayRemaining
            self.dayReset = dayReset
            self.minuteLimit = minuteLimit
            self.minuteRemaining = minuteRemaining
            self.minuteReset = minuteReset
        }
    }

    /// The notice that the called version is deprecated.
    public struct APIVersion: Sendable, Hashable {
        /// `current_version_deprecated`: true, the version called is deprecated.
        public var currentVersionDeprecated: Bool
        /// `current_version`: the version called.
        public var currentVersion: String?
        /// `latest_version`: the version to move to.
        public var latestVersion: String?

        /// Creates a version notice.
        public init(currentVersionDeprecated: Bool, currentVersion: String? = nil, latestVersion: String? = nil) {
            self.currentVersionDeprecated = currentVersionDeprecated
            self.currentVersion = currentVersion
            self.latestVersion = latestVersion
        }
    }
}

extension Metadata {
    /// Writes `{"total_items":…,"version":…,"limits":{…},"api_version":{…}}`, omitting absent members
    /// except `version`, which is always written.
    /// - Parameter writer: The output.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let totalItems {
            writer.member("total_items", Int64(totalItems))
        }
        writer.key(plain: "version")
        version.write(to: &writer)
        if let limits {
            writer.object("limits") { writer in
                writer.member("day_limit", Int64(limits.dayLimit))
                writer.member("day_remaining", Int64(limits.dayRemaining))
                writer.member("day_reset", Int64(limits.dayReset))
                writer.member("minute_limit", Int64(limits.minuteLimit))
                writer.member("minute_remaining", Int64(limits.minuteRemaining))
                writer.member("minute_reset", Int64(limits.minuteReset))
            }
        }
        if let apiVersion {
            writer.object("api_version") { writer in
                writer.member("current_version_deprecated", apiVersion.currentVersionDeprecated)
                writer.member("current_version", apiVersion.currentVersion)
                writer.member("latest_version", apiVersion.latestVersion)
            }
        }
        writer.endObject()
    }

    /// Reads a `metadata` object; missing members are `nil` (limits' missing members 0).
    /// - Parameter json: The `metadata` value.
    /// - Throws: `DataAPIError` `data_type_error` naming the member with the wrong type.
    public init(json: JSON) throws {
        let fields = try JSONFields(json, path: "metadata")
        self.init(totalItems: try fields.int("total_items").map(Int.init), version: fields.raw("version") ?? .null)
        if let l = try fields.object("limits") {
            limits = Limits(
                dayLimit: Int(try l.int("day_limit") ?? 0), dayRemaining: Int(try l.int("day_remaining") ?? 0),
                dayReset: Int(try l.int("day_reset") ?? 0), minuteLimit: Int(try l.int("minute_limit") ?? 0),
                minuteRemaining: Int(try l.int("minute_remaining") ?? 0), minuteReset: Int(try l.int("minute_reset") ?? 0)
            )
        }
        if let v = try fields.object("api_version") {
            apiVersion = APIVersion(
                currentVersionDeprecated: try v.bool("current_version_deprecated") ?? false,
                currentVersion: try versionString(v, "current_version"), latestVersion: try versionString(v, "latest_version")
            )
        }
    }
}

/// A version member as a string; a number (`2.0`) is accepted and written in JSON form.
private func versionString(_ fields: JSONFields, _ key: String) throws -> String? {
    switch fields.raw(key) {
    case .int, .double: fields.raw(key)!.encodedString()
    default: try fields.string(key)
    }
}
