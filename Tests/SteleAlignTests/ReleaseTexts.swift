// A short release written for these tests in English, French and Ukrainian (not NATO text): each
// paragraph i translates paragraph i of the other languages.

enum ReleaseTexts {
    static let english = [
        "Allies agree a new air defence plan at their Brussels meeting",
        "• 14 Mar. 2025 -",
        "Defence ministers from the 32 Allies met in Brussels on Thursday (13 March 2025) to agree a plan that will double the number of air defence systems on the eastern flank by 2027.",
        "“We are stronger when we act together,” said Secretary General Mark Rutte. “This plan shows that every Ally is ready to contribute.”",
        "The plan foresees an investment of 1,500 million euros over three years, with 40% of the funds coming from common budgets.",
        "Ministers also discussed support for Ukraine, including the delivery of 250 additional radars before the winter.",
        "The next meeting of defence ministers will take place in Vilnius in June.",
    ]

    static let french = [
        "Les Alliés adoptent un nouveau plan de défense aérienne lors de leur réunion à Bruxelles",
        "• 14 Mar. 2025 -",
        "Les ministres de la Défense des 32 pays de l’Alliance se sont réunis à Bruxelles le jeudi 13 mars 2025 pour adopter un plan qui doublera d’ici à 2027 le nombre de systèmes de défense aérienne sur le flanc est.",
        "« Nous sommes plus forts lorsque nous agissons ensemble », a déclaré le secrétaire général, Mark Rutte. « Ce plan montre que chaque Allié est prêt à apporter sa contribution. »",
        "Le plan prévoit un investissement de 1 500 millions d’euros sur trois ans, dont 40 % proviendront des budgets communs.",
        "Les ministres ont également évoqué le soutien à l’Ukraine, notamment la livraison de 250 radars supplémentaires avant l’hiver.",
        "La prochaine réunion des ministres de la Défense aura lieu à Vilnius en juin.",
    ]

    static let ukrainian = [
        "Союзники погодили новий план протиповітряної оборони на зустрічі в Брюсселі",
        "• 14 Mar. 2025 -",
        "Міністри оборони 32 країн Альянсу зустрілися в Брюсселі в четвер, 13 березня 2025 року, щоб погодити план, який до 2027 року подвоїть кількість систем протиповітряної оборони на східному фланзі.",
        "«Ми сильніші, коли діємо разом», – сказав Генеральний секретар Марк Рютте. «Цей план показує, що кожен союзник готовий зробити свій внесок».",
        "План передбачає інвестиції в розмірі 1 500 мільйонів євро протягом трьох років, причому 40% коштів надійдуть зі спільних бюджетів.",
        "Міністри також обговорили підтримку України, зокрема постачання 250 додаткових радарів до зими.",
        "Наступна зустріч міністрів оборони відбудеться у Вільнюсі в червні.",
    ]
}

/// A bead as (source indices, target indices), for comparing with expectations written inline.
struct Link: Hashable, CustomStringConvertible {
    var source: [Int]
    var target: [Int]

    init(_ source: [Int], _ target: [Int]) {
        self.source = source
        self.target = target
    }

    var description: String { "\(source)↔\(target)" }
}

/// The diagonal: paragraph i with paragraph i, for `count` paragraphs.
func diagonal(_ count: Int) -> [Link] {
    (0..<count).map { Link([$0], [$0]) }
}
