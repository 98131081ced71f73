import Foundation

/// Random Lua programs built from the whole user API: every binding called with values of every
/// type, errors raised inside callbacks, pcall, coroutines, finalizers that call the API, and
/// collectgarbage at random points. Deterministic for a seed, so a failure can be replayed.
struct RandomProgram {
    private var rng: SplitMix

    init(seed: UInt64) { rng = SplitMix(seed: seed) }

    /// A program of a few statements; most are protected, so one run reaches several of them.
    mutating func make() -> String {
        var lines: [String] = []
        for _ in 0..<rng.below(10) + 3 {
            let statement = self.statement(depth: 0)
            lines.append(rng.below(5) == 0 ? statement : "pcall(function() \(statement) end)")
        }
        return lines.joined(separator: "\n")
    }

    private mutating func statement(depth: Int) -> String {
        let deeper = depth < 2
        switch rng.below(deeper ? 16 : 10) {
        case 0: return "employees.\(pick(["page", "all", "count", "explain"]))(\(options()))"
        case 1: return "for e in employees.each(\(options())) do \(deeper ? statement(depth: depth + 1) : "break") end"
        case 2: return "api.call(\(value()), \(value()))"
        case 3: return "print(json.encode(\(value())), json.decode(\(pick(jsonTexts))))"
        case 4: return "local l = employees.all{limit = \(rng.below(4)), fields = {'id', 'full_name', 'groups'}}; \(listChain("l"))"
        case 5: return "print(\(condition()))"
        case 6: return "collectgarbage(\(pick(["", "'step'", "'collect'", "'incremental'", "'generational'", "'count'"])))"
        case 7: return "error(\(value()), \(rng.below(3)))"
        case 8: return "tostring(\(value())); print(\(value()), #tostring(\(value())))"
        case 9: return "local s = string.rep('a', \(rng.below(3000))); s:find('\(pick([".-.-b", "a*b", "(a)%1", "%f[a]"]))')"
        case 10: return "setmetatable({}, {__gc = function() \(statement(depth: depth + 1)) end})"
        case 11:
            return "local co = coroutine.wrap(function(...) coroutine.yield(\(value())); \(statement(depth: depth + 1)) end); co(); co()"
        case 12: return "local ok, e = pcall(function() \(statement(depth: depth + 1)) end); print(ok, tostring(e)); if not ok then error(e, 0) end"
        case 13:
            return "local co = coroutine.create(function() \(statement(depth: depth + 1)) end); print(coroutine.resume(co)); coroutine.close(co)"
        case 14:
            return
                "local l = employees.all{limit = 3}; l:\(pick(["map", "where", "each", "sort_by"]))(function(x) \(statement(depth: depth + 1)) end)"
        default: return "local t = {}; for i = 1, \(rng.below(5000)) do t[i] = {i, tostring(i)} end; print(#json.encode(t))"
        }
    }

    private mutating func options() -> String {
        if rng.below(4) == 0 { return value() }
        var fields: [String] = []
        if rng.coin() { fields.append("filter = \(rng.coin() ? condition() : value())") }
        if rng.coin() { fields.append("sort = \(pick(["{'last_name'}", "{'-id'}", "{'email'}", "'x'", "{{field='id', order='desc'}}"]))") }
        if rng.coin() { fields.append("fields = \(pick(["{'id'}", "{'id', 'operator'}", "{}", "{'nope'}", "42"]))") }
        if rng.coin() { fields.append("limit = \(pick(["1", "0", "-1", "5", "1e300", "'2'", "0/0", "math.huge"]))") }
        if rng.coin() { fields.append("offset = \(pick(["0", "3", "-5", "2^53", "'x'"]))") }
        if rng.below(4) == 0 { fields.append("page_size = \(pick(["1", "0", "10000", "{}"]))") }
        if rng.below(6) == 0 { fields.append("user_id = \(value())") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private mutating func condition() -> String {
        switch rng.below(6) {
        case 0: return "(\(condition()) & \(condition()))"
        case 1: return "(\(condition()) | \(condition()))"
        case 2: return "~\(condition())"
        case 3: return "{field = \(value()), operator = \(pick(["'='", "'~'", "'like'", "'x'"])), value = \(value())}"
        default:
            let field = pick(["id", "full_name", "status", "groups", "operator", "email", "patronymic", "phone_numbers", "nope"])
            let op = pick(["eq", "ne", "lt", "like", "ilike", "regexp", "in_", "is_null", "has", "exists", "jsquery", "overlap"])
            return "F.\(field):\(op)(\(value()))"
        }
    }

    private mutating func listChain(_ name: String) -> String {
        var chain = name
        for _ in 0..<rng.below(4) + 1 {
            chain +=
                ":"
                + pick([
                    "where(\(function()))", "map(\(function()))", "group_by(\(value()))", "count_by('id')", "sort_by(\(value()))",
                    "unnest('groups')", "first(\(value()))", "pluck('id')",
                ])
        }
        return chain + pick([":show()", ":to_json()", ":to_csv()", ":count()", ""])
    }

    private mutating func function() -> String {
        pick([
            "function(x) return x end", "function() error('in callback') end", "function(x) return \(value()) end",
            "function() api.call('get.employees', {limit = 1}) end", "function() coroutine.yield() end", "'id'",
        ])
    }

    private mutating func value() -> String {
        pick([
            "nil", "true", "0", "-1", "1.5", "1e308", "0/0", "math.huge", "''", "'id'", "'get.employees'", "'x'",
            "string.rep('я', 200)", "{}", "{1, 2, 3}", "{a = 1}", "{limit = 1}", "function() end", "json.null",
            "F.id:eq(1)", "setmetatable({}, {__tostring = function() error('bad tostring') end})",
            "setmetatable({}, {__index = function() error('bad index') end})", "coroutine.create(print)", "io.stdout",
        ])
    }

    private let jsonTexts = [
        "'{}'", "'[]'", "'null'", "'[1,2,{\"a\":null}]'", "'{\"a\":'", "'\"\\\\ud800\"'", "'1e999'", "string.rep('[', 300)", "42",
    ]

    private mutating func pick(_ choices: [String]) -> String { choices[rng.below(choices.count)] }
}

/// SplitMix64: a small, seedable generator.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func coin() -> Bool { next() & 1 == 1 }
}
