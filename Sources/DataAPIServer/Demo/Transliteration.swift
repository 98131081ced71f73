/// Russian to Latin letters as Russian companies write e-mail addresses (`ж` → `zh`, `й` → `y`,
/// `ю` → `yu`, `я` → `ya`, `ь`/`ъ` dropped), lower-cased; ASCII letters and digits pass through,
/// anything else is dropped.
enum Transliteration {
    private static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya",
    ]

    /// The Latin form of `text`, e.g. `Щербаков` → `shcherbakov`.
    static func latin(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if let latin = table[character] {
                result += latin
            } else if character.isASCII, character.isLetter || character.isNumber {
                result.append(character)
            }
        }
        return result
    }
}
