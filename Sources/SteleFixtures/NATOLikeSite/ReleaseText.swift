import Foundation

/// The text of a generated release in English, French and Ukrainian: paragraphs that translate
/// one another, built from templates written for the fixture site (no real release is copied).
public struct ReleaseText: Sendable, Equatable {
    /// Title per language.
    public var title: [String: String]
    /// Paragraphs per language, in order; paragraph `i` of each language translates the others'.
    public var paragraphs: [String: [String]]

    /// The languages the generator writes.
    public static let languages = ["en", "fr", "uk"]

    /// The release numbered `number`, always the same for the same number.
    public static func generate(number: Int) -> ReleaseText {
        var random = SeededGenerator(seed: UInt64(number) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let slots = Slots(random: &random, number: number)
        let titleTemplate = titles[Int.random(in: 0..<titles.count, using: &random)]
        var order = Array(bodies.indices)
        order.shuffle(using: &random)
        let count = Int.random(in: 4...9, using: &random)
        let chosen = [0] + order.filter { $0 != 0 }.prefix(count - 1)
        var title: [String: String] = [:]
        var paragraphs: [String: [String]] = [:]
        for (index, language) in languages.enumerated() {
            title[language] = slots.fill(titleTemplate[index], language: language)
            paragraphs[language] = chosen.map { slots.fill(bodies[$0][index], language: language) }
        }
        return ReleaseText(title: title, paragraphs: paragraphs)
    }

    // Templates: [en, fr, uk]. Slots: {city} {country} {name} {number} {percent} {date}.
    private static let titles: [[String]] = [
        ["Foreign Ministers meet in {city}", "Les ministres des Affaires étrangères se réunissent à {city}", "Міністри закордонних справ зустрічаються у місті {city}"],
        ["Allies step up support to partners", "Les Alliés renforcent leur soutien aux partenaires", "Союзники посилюють підтримку партнерів"],
        ["Secretary General visits {city}", "Le secrétaire général en visite à {city}", "Генеральний секретар відвідує місто {city}"],
        ["{country} joins exercise in the Baltic Sea", "{country} participe à un exercice en mer Baltique", "{country} бере участь у навчаннях у Балтійському морі"],
    ]

    private static let bodies: [[String]] = [
        ["NATO Foreign Ministers met in {city} on {date} to review the Alliance's readiness.",
         "Les ministres des Affaires étrangères de l'OTAN se sont réunis à {city} le {date} pour faire le point sur l'état de préparation de l'Alliance.",
         "Міністри закордонних справ НАТО зібралися у місті {city} {date}, щоб оцінити готовність Альянсу."],
        ["Secretary General {name} said: “Our unity is our strength, and it will remain so.”",
         "Le secrétaire général, {name}, a déclaré\u{00A0}: «\u{00A0}Notre unité fait notre force, et il en sera toujours ainsi.\u{00A0}»",
         "Генеральний секретар {name} заявив: «Наша єдність – це наша сила, і так буде й надалі»."],
        ["{country} announced an additional contribution of {number} million euros to the support package.",
         "{country} a annoncé une contribution supplémentaire de {number} millions d'euros au programme de soutien.",
         "{country} оголосила про додатковий внесок у розмірі {number} мільйонів євро до пакета підтримки."],
        ["Allies agreed to raise defence spending to {percent} of gross domestic product by 2030.",
         "Les Alliés sont convenus de porter leurs dépenses de défense à {percent} du produit intérieur brut d'ici à 2030.",
         "Союзники погодилися збільшити витрати на оборону до {percent} валового внутрішнього продукту до 2030 року."],
        ["The ministers also discussed cooperation with partners in the Western Balkans and the Black Sea region.",
         "Les ministres ont également examiné la coopération avec les partenaires des Balkans occidentaux et de la région de la mer Noire.",
         "Міністри також обговорили співпрацю з партнерами на Західних Балканах і в Чорноморському регіоні."],
        ["More than {number} troops took part in the exercise, which ended on {date}.",
         "Plus de {number} militaires ont participé à l'exercice, qui s'est achevé le {date}.",
         "Понад {number} військовослужбовців взяли участь у навчаннях, які завершилися {date}."],
        ["Why does this matter? Because deterrence only works when it is credible.",
         "Pourquoi est-ce important\u{00A0}? Parce que la dissuasion ne fonctionne que si elle est crédible.",
         "Чому це важливо? Тому що стримування діє лише тоді, коли воно є переконливим."],
        ["The meeting concluded with a joint statement on cyber defence and the protection of critical undersea infrastructure.",
         "La réunion s'est conclue par une déclaration commune sur la cyberdéfense et la protection des infrastructures sous-marines critiques.",
         "Зустріч завершилася спільною заявою щодо кібероборони та захисту критичної підводної інфраструктури."],
        ["{country} will host the next summit in {city} in July.",
         "{country} accueillera le prochain sommet à {city} en juillet.",
         "{country} прийматиме наступний саміт у місті {city} у липні."],
        ["The NATO-Ukraine Council met at the level of ambassadors to discuss air defence needs.",
         "Le Conseil OTAN-Ukraine s'est réuni au niveau des ambassadeurs pour examiner les besoins en matière de défense aérienne.",
         "Рада Україна – НАТО зібралася на рівні послів, щоб обговорити потреби у протиповітряній обороні."],
        ["Deputy Secretary General {name} welcomed the progress made on interoperability standards.",
         "Le secrétaire général délégué, {name}, a salué les progrès accomplis en matière de normes d'interopérabilité.",
         "Заступник Генерального секретаря {name} відзначив прогрес у впровадженні стандартів оперативної сумісності."],
        ["Further information is available from the NATO Press Office (tel.: +32 2 707 50 41).",
         "Pour plus d'informations, veuillez contacter le Service de presse de l'OTAN (tél.\u{00A0}: +32 2 707 50 41).",
         "Додаткову інформацію можна отримати в Пресслужбі НАТО (тел.: +32 2 707 50 41)."],
    ]

    /// The values put into the slots of one release, in each language.
    private struct Slots {
        var values: [String: [String]] = [:]

        private static let cities = [["Brussels", "Bruxelles", "Брюссель"], ["Vilnius", "Vilnius", "Вільнюс"], ["The Hague", "La Haye", "Гаага"], ["Madrid", "Madrid", "Мадрид"], ["Washington", "Washington", "Вашингтон"]]
        private static let countries = [["Finland", "La Finlande", "Фінляндія"], ["Sweden", "La Suède", "Швеція"], ["Norway", "La Norvège", "Норвегія"], ["Poland", "La Pologne", "Польща"], ["Romania", "La Roumanie", "Румунія"]]
        private static let names = [["Tomas Berg", "Tomas Berg", "Томас Берг"], ["Lars Gunnarsson", "Lars Gunnarsson", "Ларс Гуннарссон"], ["Peter Novak", "Peter Novak", "Петер Новак"]]
        private static let months = [
            ["January", "janvier", "січня"], ["February", "février", "лютого"], ["March", "mars", "березня"], ["April", "avril", "квітня"],
            ["May", "mai", "травня"], ["June", "juin", "червня"], ["July", "juillet", "липня"], ["August", "août", "серпня"],
            ["September", "septembre", "вересня"], ["October", "octobre", "жовтня"], ["November", "novembre", "листопада"], ["December", "décembre", "грудня"],
        ]

        init(random: inout SeededGenerator, number: Int) {
            values["city"] = Self.cities[Int.random(in: 0..<Self.cities.count, using: &random)]
            values["country"] = Self.countries[Int.random(in: 0..<Self.countries.count, using: &random)]
            values["name"] = Self.names[Int.random(in: 0..<Self.names.count, using: &random)]
            let amount = 100 + Int.random(in: 0..<9900, using: &random)
            let thousands = amount / 1000, rest = String(format3: amount % 1000)
            values["number"] = thousands > 0
                ? ["\(thousands),\(rest)", "\(thousands)\u{202F}\(rest)", "\(thousands) \(rest)"]
                : ["\(amount)", "\(amount)", "\(amount)"]
            let tenths = 15 + Int.random(in: 0..<20, using: &random)
            values["percent"] = ["\(tenths / 10).\(tenths % 10)%", "\(tenths / 10),\(tenths % 10)\u{00A0}%", "\(tenths / 10),\(tenths % 10)%"]
            let day = 1 + number % 28, month = Self.months[number % 12]
            values["date"] = ["\(day) \(month[0]) 2025", "\(day) \(month[1]) 2025", "\(day) \(month[2]) 2025 року"]
        }

        func fill(_ template: String, language: String) -> String {
            let index = ReleaseText.languages.firstIndex(of: language) ?? 0
            var text = template
            for (slot, translations) in values {
                text = text.replacingOccurrences(of: "{\(slot)}", with: translations[index])
            }
            return text
        }
    }
}

private extension String {
    /// Three digits with leading zeros.
    init(format3 value: Int) {
        let digits = String(value)
        self = String(repeating: "0", count: Swift.max(0, 3 - digits.count)) + digits
    }
}
