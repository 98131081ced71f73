import ArgumentParser
import Foundation

/// The man page `empsh --generate-manual` prints (`docs/empsh.1`): roff made from the same
/// definitions as `--help`, for empsh and each subcommand, so the two cannot drift apart.
enum Manual {
    /// The page, in roff (`man -l docs/empsh.1` shows it).
    static func page() -> String {
        var out = [#".TH EMPSH 1 "" "empsh" "User Commands""#]
        let main = HelpText(Empsh.helpMessage(columns: 100_000))
        out += [".SH NAME", "empsh \\- " + escape(main.overview)]
        out += [".SH SYNOPSIS"] + main.usage.map { ".B " + escape($0) + "\n.br" }
        out += [".SH DESCRIPTION"] + main.discussion.flatMap { [".PP", escape($0)] }
        for section in main.sections where section.title != "SUBCOMMANDS" { out += render(section, heading: ".SH") }
        for subcommand in Empsh.configuration.subcommands {
            let help = HelpText(EmpshCommandLine.helpMessage(for: subcommand, columns: 100_000))
            out += [".SH " + escape("COMMAND: empsh \(Empsh.commandName(of: subcommand))"), escape(help.overview)]
            out += help.usage.map { ".PP\n.B " + escape($0) }
            out += help.discussion.flatMap { [".PP", escape($0)] }
            for section in help.sections { out += render(section, heading: ".SS") }
        }
        out += [".SH SEE ALSO", "lua(1); the README of empsh."]
        return out.joined(separator: "\n") + "\n"
    }

    private static func render(_ section: HelpText.Section, heading: String) -> [String] {
        [heading + " " + escape(section.title)]
            + section.items.flatMap { item in
                [".TP", "\\fB" + escape(item.synopsis) + "\\fR", escape(item.text)]
            }
    }

    /// Text made safe for roff: backslashes doubled, hyphens literal, no line starting with a control character.
    static func escape(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}

/// ArgumentParser's help text, unwrapped (one line per paragraph and option), read back into parts.
private struct HelpText {
    struct Item {
        var synopsis: String
        var text: String
    }

    struct Section {
        var title: String
        var items: [Item] = []
    }

    var overview = ""
    var discussion: [String] = []
    var usage: [String] = []
    var sections: [Section] = []

    init(_ text: String) {
        var inPreamble = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.hasPrefix("OVERVIEW: ") {
                overview = String(line.dropFirst("OVERVIEW: ".count))
            } else if line.hasPrefix("USAGE: ") {
                usage.append(String(line.dropFirst("USAGE: ".count)))
                inPreamble = false
            } else if !inPreamble, sections.isEmpty, line.hasPrefix("       ") {
                usage.append(line.trimmingCharacters(in: .whitespaces))  // USAGE's next lines
            } else if let title = Self.sectionTitle(line) {
                sections.append(Section(title: title))
            } else if inPreamble {
                discussion.append(line)
            } else if line.hasPrefix("  "), !sections.isEmpty {
                let body = line.dropFirst(2)
                if let gap = body.range(of: "  ") {
                    let text = body[gap.upperBound...].trimmingCharacters(in: .whitespaces)
                    sections[sections.count - 1].items.append(Item(synopsis: String(body[..<gap.lowerBound]), text: text))
                } else {
                    sections[sections.count - 1].items.append(Item(synopsis: String(body), text: ""))
                }
            }
        }
    }

    /// `OPTIONS` for a line `OPTIONS:`; nil for any other line.
    private static func sectionTitle(_ line: String) -> String? {
        guard line.hasSuffix(":"), let first = line.first, first.isUppercase,
            line.dropLast().allSatisfy({ $0.isUppercase || $0 == " " })
        else { return nil }
        return String(line.dropLast())
    }
}
