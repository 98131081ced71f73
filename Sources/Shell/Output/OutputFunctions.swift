import Lua

/// The Swift functions the prelude exposes in the `empsh` table: `empsh.render` and `empsh.format`.
enum OutputFunctions {
    /// `empsh.render(rows, [columns], [format], [marks])` → text.
    ///
    /// `rows` is a sequence of row tables (or of plain values, shown as one `value` column);
    /// `columns` a list of field names or dotted paths (default: every key the rows have, in the
    /// catalogue's order); `format` one of ``OutputFormat``'s names (default: the shell's setting).
    /// `json` and `ndjson` go through `json.encode`, keeping only `columns` when given. `marks`
    /// (for `.watch`) maps row numbers to `"+"`, `"-"` or a list of changed field names; in colour
    /// those rows and cells are highlighted.
    static func render(settings: OutputSettings) -> LuaFunction {
        { stack in
            guard stack.type(1) == .table else {
                throw LuaRaise.message("empsh.render: rows must be a list (a table), got \(stack.typename(1))")
            }
            let columns = try columnList(stack, 2)
            let format = try outputFormat(stack, 3) ?? settings.format
            let marks = try self.marks(stack, 4)
            let base = stack.gettop()
            let reader = try LuaRowReader.prepare(stack)
            let palette = settings.palette
            let text: String
            switch format {
            case .table:
                let table = try reader.table(rows: 1, columns: columns)
                if let width = settings.terminalWidth() {
                    text =
                        try TableRenderer(maxCellWidth: settings.maxCellWidth).render(
                            table, fittingIn: width, palette: palette, marks: marks, check: stack.checkLimits)
                        ?? RecordRenderer(width: width, palette: palette).render(table, marks: marks, check: stack.checkLimits)
                } else {
                    // Piped or redirected: the whole table, every cell in full.
                    text = try TableRenderer(maxCellWidth: .max).render(table, palette: palette, marks: marks, check: stack.checkLimits)
                }
            case .line:
                let table = try reader.table(rows: 1, columns: columns)
                text = try RecordRenderer(width: settings.terminalWidth(), palette: palette).render(table, marks: marks, check: stack.checkLimits)
            case .csv:
                text = CSVWriter().write(try reader.table(rows: 1, columns: columns))
            case .json, .ndjson:
                text = try json(reader, rows: 1, columns: columns, lines: format == .ndjson)
            }
            stack.settop(base)
            stack.pushstring(text)
            return 1
        }
    }

    /// `empsh.format([name])` → the output format's name, after setting it when `name` is given.
    static func format(settings: OutputSettings) -> LuaFunction {
        { stack in
            if let format = try outputFormat(stack, 1) { settings.format = format }
            stack.pushstring(settings.format.rawValue)
            return 1
        }
    }

    /// The rows as one JSON array (`[]` when empty), or as one JSON value per line.
    private static func json(_ reader: LuaRowReader, rows: Int32, columns: [String]?, lines: Bool) throws -> String {
        let stack = reader.stack
        guard let encode = reader.encode else {
            throw LuaRaise.message("json.encode is not available, so rows cannot be written as JSON")
        }
        let count = stack.arrayLength(rows)
        let paths = columns.map { $0.map(LuaRowReader.path) }
        func pushRow(_ index: Int) throws {
            stack.rawgeti(rows, Int64(index))
            guard let columns, let paths, reader.isRecord(-1) else { return }
            let row = stack.gettop()
            stack.createtable(nrec: Int32(clamping: columns.count))
            for (column, path) in zip(columns, paths) {
                try reader.pushValue(of: row, at: path)
                stack.rawsetfield(-2, column)
            }
            stack.remove(row)
        }
        func encoded() throws -> String {
            stack.pushvalue(encode)
            stack.insert(-2)
            try stack.call(arguments: 1, results: 1)
            defer { stack.pop() }
            return stack.tostring(-1) ?? ""
        }
        if lines {
            var out = ""
            for index in 0..<count {
                try pushRow(index + 1)
                out += try encoded() + "\n"
            }
            return out
        }
        if count == 0 { return "[]\n" }
        stack.createtable(narr: Int32(clamping: count))
        for index in 0..<count {
            try pushRow(index + 1)
            stack.rawseti(-2, Int64(index + 1))
        }
        return try encoded() + "\n"
    }

    /// The marks at `index`: nil, or a table of row number → `"+"`, `"-"` or a list of field names.
    private static func marks(_ stack: LuaStack, _ index: Int32) throws -> [Int: Palette.Mark] {
        guard stack.type(index) == .table else { return [:] }
        var marks: [Int: Palette.Mark] = [:]
        for row in 1..<(stack.arrayLength(index) + 1) {
            stack.rawgeti(index, Int64(row))
            defer { stack.pop() }
            switch stack.type(-1) {
            case .string:
                let text = stack.tostring(-1)
                if text == "+" { marks[row - 1] = .added } else if text == "-" { marks[row - 1] = .removed }
            case .table:
                marks[row - 1] = .changed(Set(try columnList(stack, stack.gettop()) ?? []))
            default: break
            }
        }
        return marks
    }

    /// The column list at `index`: nil, or a sequence of strings.
    private static func columnList(_ stack: LuaStack, _ index: Int32) throws -> [String]? {
        switch stack.type(index) {
        case .nil, .none: return nil
        case .table:
            var names: [String] = []
            for n in 1..<(stack.arrayLength(index) + 1) {
                stack.rawgeti(index, Int64(n))
                defer { stack.pop() }
                guard let name = stack.tostring(-1) else {
                    throw LuaRaise.message("columns[\(n)] must be a field name (a string), got \(stack.typename(-1))")
                }
                names.append(name)
            }
            return names
        default:
            throw LuaRaise.message("columns must be a list of field names, got \(stack.typename(index))")
        }
    }

    /// The format named at `index`, or nil when there is none.
    private static func outputFormat(_ stack: LuaStack, _ index: Int32) throws -> OutputFormat? {
        switch stack.type(index) {
        case .nil, .none: return nil
        case .string:
            let name = stack.tostring(index) ?? ""
            guard let format = OutputFormat(rawValue: name) else {
                throw LuaRaise.message("unknown output format \"\(name)\"; formats: \(OutputFormat.names())")
            }
            return format
        default:
            throw LuaRaise.message("the output format must be a string (\(OutputFormat.names())), got \(stack.typename(index))")
        }
    }
}

extension OutputFunctions {
    /// `empsh.columns(rows)` → the columns `render` would show for `rows` when given none.
    static func columns() -> LuaFunction {
        { stack in
            guard stack.type(1) == .table else {
                throw LuaRaise.message("empsh.columns: rows must be a list (a table), got \(stack.typename(1))")
            }
            let base = stack.gettop()
            let reader = try LuaRowReader.prepare(stack)
            let names = try reader.inferColumns(rows: 1, count: stack.arrayLength(1))
            stack.settop(base)
            try stack.push(.array(names.map { .string($0) }))
            return 1
        }
    }
}
