import DataAPIContract
import Testing

@Suite struct MetadataTests {
    @Test func roundTripsWithAPIVersion() throws {
        let metadata = Metadata(
            totalItems: 2, limits: .init(dayLimit: 1, dayRemaining: 2, dayReset: 3, minuteLimit: 4, minuteRemaining: 5, minuteReset: 6),
            apiVersion: .init(currentVersionDeprecated: true, currentVersion: "2.0", latestVersion: "2.1"))
        var writer = JSONWriter()
        metadata.write(to: &writer)
        #expect(
            writer.string == #"{"total_items":2,"version":null,"limits":{"day_limit":1,"day_remaining":2,"day_reset":3,"#
                + #""minute_limit":4,"minute_remaining":5,"minute_reset":6},"api_version":{"current_version_deprecated":true,"#
                + #""current_version":"2.0","latest_version":"2.1"}}"#)
        #expect(try Metadata(json: try JSON(parsing: writer.bytes)) == metadata)
    }

    @Test func decodesSparseMetadata() throws {
        let metadata = try Metadata(json: try JSON(parsing: #"{"version":null,"api_version":{"current_version":2.0}}"#))
        #expect(metadata.totalItems == nil && metadata.limits == nil)
        #expect(metadata.apiVersion == .init(currentVersionDeprecated: false, currentVersion: "2.0"))
        let error = #expect(throws: DataAPIError.self) { try Metadata(json: try JSON(parsing: #"{"limits":{"day_limit":"a"}}"#)) }
        #expect(error?.field == "metadata.limits.day_limit")
    }
}
