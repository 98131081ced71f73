/// The error texts the Data API's documentation gives ("Обработка ошибок" and "List of errors for methods
/// with the verb get"), word for word as the Russian documentation prints them.
///
/// The reference server answers these mnemonics with these texts; what the error is about stays in
/// `field` and `value`. Other mnemonics have no documented text that fits every case (the documentation
/// describes `invalid_parameter_value` or `limit_exceeded` in general words), so their messages say what
/// is wrong in the server's own words.
extension DataAPIError {
    /// The documented text of each mnemonic that has one.
    public static let documentedTexts: [Mnemonic: String] = [
        .parseError: "Ошибка валидации JSON",
        .invalidRequest: "Ошибки связанные с валидацией параметров запроса - id, jsonrpc",
        .methodNotFound: "Вызываемый метод не найден",
        .requiredParameterMissed: "Обязательный параметр не передали",
        .unexpectedParameters:
            "Если в \"params\" были переданы параметры которые не предусмотрены JSON структурой метода или указан параметр "
            + "для сортировки, фильтрации и выборки, который не существует",
        .sortProhibited:
            "Сортировка по параметру запрещена и невозможна, так как параметр для сортировки не находится в списке "
            + "разрешенных для сортировки",
        .filterProhibited:
            "Фильтрация по параметру запрещена и невозможна, так как параметр для фильтрации не находится в списке "
            + "разрешенных для фильтрации",
        .authError: "Неправильный логин или пароль",
        .batchOperationsNotSupported: "Групповые операции не поддерживаются",
        .notificationsNotSupported: "Был потерян параметр id в запросе.",
    ]

    /// The error with its documented text as `message` when its mnemonic has one (`documentedTexts`);
    /// code, mnemonic, `field`, `value`, `params` and `metadata` unchanged.
    public var documented: DataAPIError {
        guard let text = Self.documentedTexts[mnemonic] else { return self }
        var copy = self
        copy.message = text
        return copy
    }
}
