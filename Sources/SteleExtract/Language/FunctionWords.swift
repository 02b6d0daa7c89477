import SteleLanguage
/// The most frequent function words of the languages the identifier tells apart, most frequent
/// first. English, French and Ukrainian are the languages Stele keeps; the others are there so that
/// a German, Spanish, Russian or Belarusian page is recognised as *other* rather than as the nearest of the three.
///
/// Elided forms are split at the apostrophe by the tokenizer, so French `l’`, `d’`, `qu’` appear as
/// `l`, `d`, `qu`, and English `’s` as `s`.
enum FunctionWords {
    /// A language model the identifier scores: its name, the script it is written in, its words.
    struct Model {
        enum Script { case latin, cyrillic }
        var name: String
        var language: Language
        var script: Script
        var words: [String]
    }

    static let models: [Model] = [
        Model(name: "en", language: .en, script: .latin, words: split("""
            the of and to a in is that for it as was with be by on not he this are or his from at which but have an \
            they you were her she there been has their we will would all one its who if when so no more can had said \
            about than into them only other also after these may could up out what do our such should over most any \
            those because while between under must including against during both where how through each very well \
            s t did does being since until us new
            """)),
        Model(name: "fr", language: .fr, script: .latin, words: split("""
            de la le et les des à en l du un une d que est pour qui dans a par au sur pas plus ne il se ce avec sont \
            ont aux son sa ses été cette mais nous qu elle ou leur leurs comme n on y être tout tous fait entre aussi \
            ces dont lors après sans ainsi même vous s je lui c selon très depuis encore où alors donc avant contre \
            sous vers chez notre nos votre vos peut doit cela celle celui ceux autres autre si non déjà toujours afin \
            été était sera ils elles
            """)),
        Model(name: "de", language: .other, script: .latin, words: split("""
            der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er \
            hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor \
            zur bis mehr durch man sein wurde sei wir ich ihr auch
            """)),
        Model(name: "es", language: .other, script: .latin, words: split("""
            de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí \
            porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno \
            les ni contra otros ese eso ante ellos e esto antes algunos qué unos yo otro otras otra él tanto esa \
            estos mucho quienes nada muchos cual ella estar estas
            """)),
        Model(name: "it", language: .other, script: .latin, words: split("""
            di e il la che in a per un è del non le della i si con da una sono dei gli al nel alla anche come più ma \
            lo delle questo ha se o sul tra nella loro dal ci dalla degli cui essere suo sua stato questa ancora \
            hanno fra quando
            """)),
        Model(name: "pt", language: .other, script: .latin, words: split("""
            de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à \
            seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem \
            mesmo aos ter seus quem nas esse eles estão
            """)),
        Model(name: "nl", language: .other, script: .latin, words: split("""
            de en van het een in is dat op te zijn met voor niet die aan er om ook als dan maar bij of uit nog \
            worden door naar heeft hij wordt werd over tot ze wel kan zich deze al was geen meer hun dit wat moet
            """)),
        Model(name: "pl", language: .other, script: .latin, words: split("""
            i w z na się nie do to że o jest jak a od po co tak dla przez ale za jego są czy tym być już jej może \
            było tylko oraz także który która które przy ich tego jako go pod
            """)),
        Model(name: "uk", language: .uk, script: .cyrillic, words: split("""
            і в у на та з що до не й як за це від для його про по але ми він вона також бути було буде є які який \
            яка яке їх її із зі щоб коли після під між вже ще лише тому цього цей ця ці нас нам наш може має можна \
            оскільки через так або чи були був була щодо тощо зокрема понад свої своїх нашої
            """)),
        Model(name: "ru", language: .other, script: .cyrillic, words: split("""
            и в не на что с по как это к но из у за от о для его же бы так все был была было были также который \
            которые которая мы он она они их ее её при только уже еще ещё этот эти этого том после между может нет \
            да или чтобы если когда где более очень против во со
            """)),
        Model(name: "bg", language: .other, script: .cyrillic, words: split("""
            и на да се в за от с че не е са по това като които който която до но ще със във при към след той тя \
            те беше бяха има
            """)),
        Model(name: "be", language: .other, script: .cyrillic, words: split("""
            і у ў на не з што да як гэта па ад для яго але ён яна таксама быў была было былі якія які пры толькі \
            ужо яшчэ гэтага пасля паміж можа няма або каб калі дзе больш вельмі ці гэты гэтыя іх яе мы вы яны
            """)),
    ]

    private static func split(_ text: String) -> [String] {
        var seen: Set<String> = []
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).filter { seen.insert($0).inserted }
    }
}
