/// The reasons PostgreSQL's regex compiler (Henry Spencer's) rejects a pattern; the raw values
/// are its `regerror` texts, which PostgreSQL prefixes with "invalid regular expression: ".
enum RegexSyntaxError: String, Error {
    case badPattern = "invalid regexp (reg version 0.8)"  // REG_BADPAT
    case invalidCollatingElement = "invalid collating element"  // REG_ECOLLATE
    case invalidCharacterClass = "invalid character class"  // REG_ECTYPE
    case invalidEscape = "invalid escape \\ sequence"  // REG_EESCAPE
    case invalidBackReference = "invalid backreference number"  // REG_ESUBREG
    case unbalancedBrackets = "brackets [] not balanced"  // REG_EBRACK
    case unbalancedParentheses = "parentheses () not balanced"  // REG_EPAREN
    case unbalancedBraces = "braces {} not balanced"  // REG_EBRACE
    case invalidRepetitionCount = "invalid repetition count(s)"  // REG_BADBR
    case invalidCharacterRange = "invalid character range"  // REG_ERANGE
    case invalidQuantifierOperand = "quantifier operand invalid"  // REG_BADRPT
    case invalidEmbeddedOption = "invalid embedded option"  // REG_BADOPT
    case tooComplex = "regular expression is too complex"  // REG_ETOOBIG

    /// The message PostgreSQL reports for this error.
    var message: String { "invalid regular expression: " + rawValue }
}
