"""Swift source text for the fidelity generators (regexp-answers.py, jsquery-answers.py)."""


def swift_string(text):
    """A Swift string literal for text (control characters escaped, the rest kept)."""
    out = []
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029) or char.isspace() and char != " ":
            out.append("\\u{%X}" % code)
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
