import DataAPIContract
import EmployeeQuery

extension Client {
    /// Calls a sorted fetch may spend finding rows that moved, per page that did not meet, before it fails.
    static let recoveryCalls = 64

    /// In a sorted order: hands out the rows that moved in front of `target` (a page that repeats no row
    /// handed out before), so that `target` can follow.
    ///
    /// Walks back from `target`'s offset a window at a time until a window holds a row handed out before
    /// (or starts at offset 0), then forward from that row, each window meeting the one before, until a
    /// window reaches a row of `target` or the end of the rows. Every row between the last row handed out
    /// and `target` is handed out; rows before it are duplicates or were added meanwhile.
    /// - Throws: As `fetchRaw`; `ClientError.pagingUnstable` after `recoveryCalls` calls.
    func walkBack(
        _ query: Query, to target: RawPage, pager: Pager, assembler: inout PageAssembler, onPage: @Sendable (Page) async throws -> Void
    ) async throws {
        let targetIDs = Set(target.rowIDs.compactMap { $0 })
        let size = pager.checkedLimit
        var offset = target.request.offset
        let budget = assembler.summary.checkCalls + Self.recoveryCalls
        while true {
            // Back, to a row handed out before or to the first row.
            var raw: RawPage
            repeat {
                offset = max(0, offset - (size - Pager.overlap))
                raw = try await window(query, at: offset, size: size, budget: budget, assembler: &assembler)
            } while offset > 0 && !assembler.holdsSeenRow(raw)
            // Forward, each window meeting the one before, to a row of the target.
            while true {
                let anchor = assembler.lastSeenIndex(in: raw) ?? -1
                let meet = raw.rowIDs.indices.first { $0 > anchor && (raw.rowIDs[$0].map(targetIDs.contains) ?? false) }
                try await onPage(assembler.page(raw, keeping: (anchor + 1)..<(meet ?? raw.rowIDs.count)))
                if meet != nil || raw.rowIDs.count < size || assembler.remaining == 0 { return }
                offset += raw.rowIDs.count - Pager.overlap
                raw = try await window(query, at: offset, size: size, budget: budget, assembler: &assembler)
                if !assembler.holdsSeenRow(raw) { break }  // moved again: back from here
            }
        }
    }

    /// One window of a walk, counted as a check call.
    private func window(_ query: Query, at offset: Int, size: Int, budget: Int, assembler: inout PageAssembler) async throws -> RawPage {
        guard assembler.summary.checkCalls < budget else {
            throw ClientError.pagingUnstable(method: MethodDescription.employees.name, calls: Self.recoveryCalls)
        }
        assembler.summary.checkCalls += 1
        return try await fetchRaw(query, Pager.Request(offset: offset, limit: size))
    }
}
