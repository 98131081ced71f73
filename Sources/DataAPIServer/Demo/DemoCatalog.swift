import DataAPIContract
import EmployeeQuery

/// The fixed parts of the demo company: groups, schedules, chat sites and operator positions,
/// with ids that stay the same for every seed and size.
enum DemoCatalog {
    /// The company's e-mail domain.
    static let mailDomain = "romashka.ru"

    /// Up to 30 groups; a company of `n` employees uses the first 10 to 30 of them.
    static let groups: [Employee.Group] = [
        "Продажи", "Поддержка", "Отдел продаж B2B", "Техническая поддержка", "Колл-центр Москва", "Колл-центр Новосибирск",
        "Бухгалтерия", "Логистика", "Склад", "Маркетинг", "Руководство", "Отдел качества", "Претензионный отдел",
        "Доставка", "Интернет-магазин", "Оптовые продажи", "Розница", "Партнёры", "VIP-клиенты", "Ночная смена",
        "Выездной сервис", "Гарантийный отдел", "Закупки", "Отдел кадров", "Юридический отдел", "Call-back",
        "Холодные звонки", "Удержание клиентов", "Обучение", "Резерв",
    ].enumerated().map { index, name in Employee.Group(groupID: Int64(2_000 + index * 7 + index % 3), groupName: name) }

    /// How many groups a company of `employees` has: 10 to 30, growing with its size.
    static func groupCount(employees: Int) -> Int { min(30, max(10, 10 + employees / 10_000)) }

    /// Named schedules as (id, name).
    static let schedules: [(id: Int64, name: String)] = [
        (301, "Пн–Пт 9:00–18:00"), (302, "Пн–Пт 10:00–19:00"), (305, "Сменный 2/2"),
        (307, "Круглосуточно"), (311, "Выходные дни"), (312, "Ночная смена 20:00–8:00"),
    ]

    /// The websites whose chats operators serve.
    static let sites: [Employee.Operator.Site] = [
        .init(siteID: 5301, siteDomainName: "romashka.ru"),
        .init(siteID: 5302, siteDomainName: "shop.romashka.ru"),
        .init(siteID: 5317, siteDomainName: "romashka-opt.ru"),
        .init(siteID: 5340, siteDomainName: "help.romashka.ru"),
        .init(siteID: 5366, siteDomainName: "romashka.kz"),
        .init(siteID: 5391, siteDomainName: "promo.romashka-shop.ru"),
    ]

    /// Operator positions as (id, name).
    static let positions: [(id: Int64, name: String)] = [
        (11, "Оператор чата"), (12, "Старший оператор"), (13, "Менеджер по продажам"),
        (14, "Специалист поддержки"), (15, "Руководитель смены"),
    ]

    /// Area codes of landline numbers: Moscow, Saint Petersburg, Yekaterinburg, Novosibirsk, Samara, Krasnodar.
    static let areaCodes = ["495", "499", "812", "343", "383", "846", "861"]
}
