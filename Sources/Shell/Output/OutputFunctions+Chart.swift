import Lua

extension OutputFunctions {
    /// `empsh.chart(labels, values)` → the text of a bar chart (``BarChart``) as wide as the
    /// terminal, or 80 columns when output is not one. `labels` is a list of strings, `values` a
    /// list of numbers of the same length.
    static func chart(settings: OutputSettings) -> LuaFunction {
        { stack in
            guard stack.type(1) == .table, stack.type(2) == .table else {
                throw LuaRaise.message("empsh.chart expects a list of labels and a list of values")
            }
            var labels: [String] = []
            var values: [Double] = []
            var texts: [String] = []
            let count = stack.arrayLength(1)
            guard stack.arrayLength(2) == count else {
                throw LuaRaise.message("empsh.chart: \(count) labels but \(stack.arrayLength(2)) values")
            }
            for index in 0..<count {
                if index & 255 == 255 { try stack.checkLimits() }
                stack.rawgeti(1, Int64(index + 1))
                labels.append(stack.tostring(-1) ?? "")
                stack.pop()
                stack.rawgeti(2, Int64(index + 1))
                defer { stack.pop() }
                guard stack.type(-1) == .number else {
                    throw LuaRaise.message("empsh.chart: value \(index + 1) is not a number (\(stack.typename(-1)))")
                }
                if stack.isinteger(-1), let integer = stack.tointeger(-1) {
                    values.append(Double(integer))
                    texts.append(String(integer))
                } else {
                    let number = stack.tonumber(-1) ?? 0
                    values.append(number)
                    texts.append(OutputCell.luaNumberText(number))
                }
            }
            let chart = BarChart(width: settings.terminalWidth() ?? 80)
            stack.pushstring(try chart.render(labels: labels, values: values, valueTexts: texts, check: stack.checkLimits))
            return 1
        }
    }
}
