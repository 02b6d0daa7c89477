import SteleAlign
import Testing
import SteleLanguage

/// Every bead shape, each on a hand-made translation where it is the only right answer.
@Suite("Bead shapes")
struct BeadShapeTests {
    let aligner = ParagraphAligner()
    let english = ReleaseTexts.english
    let french = ReleaseTexts.french

    private func links(_ source: [String], _ target: [String], _ to: Language = .fr) -> [Link] {
        let alignment = aligner.align(source: source, target: target, from: .en, to: to)
        expectWellFormed(alignment, sourceCount: source.count, targetCount: target.count)
        return alignment.links
    }

    @Test("1-1: a faithful translation aligns on the diagonal, in French and in Ukrainian")
    func oneToOne() {
        #expect(links(english, french) == diagonal(7))
        #expect(links(english, ReleaseTexts.ukrainian, .uk) == diagonal(7))
    }

    @Test("1-2: a paragraph split in two by the translator")
    func oneToTwo() {
        var target = french
        target.replaceSubrange(2...2, with: [
            "Les ministres de la Défense des 32 pays de l’Alliance se sont réunis à Bruxelles le jeudi 13 mars 2025.",
            "Ils ont adopté un plan qui doublera d’ici à 2027 le nombre de systèmes de défense aérienne sur le flanc est.",
        ])
        #expect(links(english, target) == diagonal(2) + [Link([2], [2, 3])] + (3..<7).map { Link([$0], [$0 + 1]) })
    }

    @Test("2-1: two paragraphs merged into one")
    func twoToOne() {
        var target = french
        target.replaceSubrange(4...5, with: [french[4] + " " + french[5]])
        #expect(links(english, target) == diagonal(4) + [Link([4, 5], [4]), Link([6], [5])])
    }

    @Test("2-2: a sentence moved across a paragraph boundary")
    func twoToTwo() {
        let review = "Defence ministers met in Brussels on Thursday to review the air defence plan agreed last year, which covers the eastern flank from the Baltic Sea to the Black Sea."
        let radars = "They noted that 14 new radar sites have been built since January and that 6 more will follow before the summer, most of them in Poland and Romania."
        let reports = "The ministers also asked the military authorities to report on the progress of the plan every six months, starting in September 2025."
        let revue = "Les ministres de la Défense se sont réunis jeudi à Bruxelles pour faire le point sur le plan de défense aérienne adopté l’an dernier, qui couvre le flanc est de la mer Baltique à la mer Noire."
        let sites = "Ils ont constaté que 14 nouveaux sites radar avaient été construits depuis janvier et que 6 autres suivraient avant l’été, pour la plupart en Pologne et en Roumanie."
        let comptes = "Les ministres ont également demandé aux autorités militaires de rendre compte de l’avancement du plan tous les six mois, à partir de septembre 2025."
        let source = [english[0], review + " " + radars, reports, english[5], english[6]]
        let target = [french[0], revue, sites + " " + comptes, french[5], french[6]]
        #expect(links(source, target) == [Link([0], [0]), Link([1, 2], [1, 2]), Link([3], [3]), Link([4], [4])])
    }

    @Test("1-3: a paragraph split in three")
    func oneToThree() {
        var target = french
        target.replaceSubrange(2...2, with: [
            "Les ministres de la Défense des 32 pays de l’Alliance se sont réunis à Bruxelles le jeudi 13 mars 2025.",
            "Ils ont adopté un plan de défense aérienne.",
            "Ce plan doublera d’ici à 2027 le nombre de systèmes de défense aérienne sur le flanc est.",
        ])
        #expect(links(english, target) == diagonal(2) + [Link([2], [2, 3, 4])] + (3..<7).map { Link([$0], [$0 + 2]) })
    }

    @Test("3-1: three paragraphs merged into one")
    func threeToOne() {
        var target = french
        target.replaceSubrange(2...4, with: [french[2...4].joined(separator: " ")])
        #expect(links(english, target) == diagonal(2) + [Link([2, 3, 4], [2]), Link([5], [3]), Link([6], [4])])
    }

    @Test("1-0: a source paragraph the translation leaves out, in the middle")
    func oneToZero() {
        var source = english
        source.insert("Photo: the ministers before the meeting.", at: 3)
        #expect(links(source, french) == diagonal(3) + [Link([3], [])] + (4..<8).map { Link([$0], [$0 - 1]) })
    }

    @Test("0-1: a paragraph only the translation has, in the middle")
    func zeroToOne() {
        var target = french
        target.insert("Le texte intégral du plan n’est disponible qu’en anglais.", at: 4)
        #expect(links(english, target) == diagonal(4) + [Link([], [4])] + (4..<7).map { Link([$0], [$0 + 1]) })
    }
}
