import Foundation
import TestSupport
import Testing

@testable import Shell

/// The output formats are named once, in ``OutputFormat``: the types file, `--help`, `.help`, the
/// lists' `render` and `chart`, and `empsh.format` all read their names from it.
@Suite struct OutputFormatNamesTests {
    /// Every annotation of a format parameter in the types file names every format, `line` too.
    @Test func theTypesFileListsEveryFormat() throws {
        let lines = LuaTypes.definitions.split(separator: "\n").map(String.init)
        let annotations = lines.filter { $0.hasPrefix("---@param format?") || $0.hasPrefix("---@param name?") && $0.contains("\"table\"") }
        #expect(annotations.count == 3)
        for annotation in annotations {
            for format in OutputFormat.allCases {
                #expect(annotation.contains("\"\(format.rawValue)\""), "\(annotation) misses \(format.rawValue)")
            }
        }
    }

    /// `empsh --help` names every format in `--format`'s help and in its list of values.
    @Test func theCommandLineHelpListsEveryFormat() throws {
        let result = try runEmpsh(["--help"])
        #expect(result.status == 0)
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let start = try #require(help.range(of: "--format <FORMAT>"))
        let end = try #require(help.range(of: "default: table)", range: start.upperBound..<help.endIndex))
        let entry = help[start.upperBound..<end.lowerBound]
        #expect(entry.contains("values: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "));"))
        for format in OutputFormat.allCases {
            #expect(entry.contains(format.phrase), "--format's help misses \(format.phrase)")
        }
    }

    /// The REPL's `.help` shows `.mode` with every format.
    @Test func theREPLHelpListsEveryFormat() {
        let usage = OutputFormat.allCases.map(\.rawValue).joined(separator: "|")
        #expect(REPL.help.contains(".mode \(usage)\n"))
    }

    /// `render` and `empsh.format` take every format's name, and refuse another naming them all.
    @Test func luaTakesEveryFormatByName() throws {
        let h = try PreludeHarness()
        for format in OutputFormat.allCases {
            #expect(try h.text(#"return empsh.format("\#(format.rawValue)")"#) == format.rawValue)
            #expect(h.output.format == format)
            #expect(h.error(#"return List.new{{ id = 1 }}:render(nil, "\#(format.rawValue)")"#) == nil)
        }
        let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(h.error("return List.new{}:render(nil, 'xml')")?.hasSuffix("formats: \(names)") == true)
    }

    /// `chart` draws bars exactly in the formats meant for people, and writes data in the others.
    @Test func chartDrawsBarsOnlyInFormatsForPeople() throws {
        for format in OutputFormat.allCases {
            let h = try PreludeHarness(format: format, terminalWidth: 60)
            let written = try h.written(#"List.new{{ name = "Анна", n = 3 }}:chart("name", "n")"#)
            #expect(written.contains("█") == format.isForPeople, "\(format): \(written)")
            #expect(written.contains("Анна"))
        }
    }
}
