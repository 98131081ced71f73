/// The name tables of the demo company: Russian first names by gender, surnames with their
/// feminine forms, and patronymics in both genders, each with a Latin transliteration made once.
struct RussianNames: Sendable {
    /// A name and its lower-case Latin transliteration, for e-mail addresses.
    struct Name: Sendable {
        var cyrillic: String
        var latin: String
        init(_ cyrillic: String) {
            self.cyrillic = cyrillic
            self.latin = Transliteration.latin(cyrillic)
        }
    }

    /// A surname in its masculine and feminine forms (the same for indeclinable ones).
    struct Surname: Sendable {
        var male: Name
        var female: Name
    }

    let maleFirst: [Name]
    let femaleFirst: [Name]
    let surnames: [Surname]
    /// Patronymics as (masculine, feminine), from the same father's name.
    let patronymics: [(male: String, female: String)]

    static let shared = RussianNames()

    private init() {
        maleFirst = Self.words(
            """
            Александр Алексей Анатолий Андрей Антон Артём Борис Вадим Валерий Василий Виктор Виталий Владимир Владислав
            Вячеслав Геннадий Георгий Григорий Даниил Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Леонид
            Максим Матвей Михаил Никита Николай Олег Павел Пётр Роман Руслан Семён Сергей Станислав Степан Тимур Фёдор
            Юрий Ярослав
            """
        ).map(Name.init)
        femaleFirst = Self.words(
            """
            Алина Алла Анастасия Анна Валентина Валерия Вера Виктория Галина Дарья Евгения Екатерина Елена Елизавета Жанна
            Зоя Инна Ирина Кристина Ксения Лариса Любовь Людмила Маргарита Марина Мария Надежда Наталья Нина Оксана Ольга
            Полина Светлана Софья Тамара Татьяна Ульяна Юлия Яна
            """
        ).map(Name.init)
        surnames = Self.words(
            """
            Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев
            Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов
            Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин
            Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров
            Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов
            Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов
            Ефимов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов
            Пономарёв Голубев Кудрявцев Прохоров Наумов Журавлёв Трофимов Леонов Соболев Ермаков Гончаров Никифоров Грачёв
            Котов Гришин Архипов Громов Кириллов Малышев Панов Румянцев Акимов Бирюков Горбунов Ерёмин Галкин Скворцов Юдин
            Нестеров Симонов Князев Цветков Левин Логинов Горшков Савин Краснов Жданов Островский Вишневский Троицкий
            Толстой Шевченко Бондаренко Черных Седых
            """
        ).map { Surname(male: Name($0), female: Name(Self.feminine(surname: $0))) }
        patronymics = Self.words(
            """
            Александрович:Александровна Алексеевич:Алексеевна Анатольевич:Анатольевна Андреевич:Андреевна
            Борисович:Борисовна Валерьевич:Валерьевна Васильевич:Васильевна Викторович:Викторовна Владимирович:Владимировна
            Геннадьевич:Геннадьевна Григорьевич:Григорьевна Дмитриевич:Дмитриевна Евгеньевич:Евгеньевна Иванович:Ивановна
            Игоревич:Игоревна Ильич:Ильинична Константинович:Константиновна Леонидович:Леонидовна Михайлович:Михайловна
            Никитич:Никитична Николаевич:Николаевна Олегович:Олеговна Павлович:Павловна Петрович:Петровна
            Романович:Романовна Сергеевич:Сергеевна Степанович:Степановна Фёдорович:Фёдоровна Юрьевич:Юрьевна
            Яковлевич:Яковлевна Кузьмич:Кузьминична
            """
        ).map { pair in
            let parts = pair.split(separator: ":")
            return (String(parts[0]), String(parts[1]))
        }
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    /// The feminine form of a masculine surname: Иванов → Иванова, Островский → Островская,
    /// Толстой → Толстая; Шевченко or Черных stay as they are.
    static func feminine(surname: String) -> String {
        for suffix in ["ов", "ев", "ёв", "ин", "ын"] where surname.hasSuffix(suffix) { return surname + "а" }
        for suffix in ["ский", "цкий"] where surname.hasSuffix(suffix) { return String(surname.dropLast(2)) + "ая" }
        if surname.hasSuffix("ой") { return String(surname.dropLast(2)) + "ая" }
        return surname
    }
}
