/// The words that carry anchors whatever the language: month names, "per cent", and the
/// acronyms that each language spells its own way. Words are looked up by their lowercase ASCII
/// form (see ``Transliteration``), so `février`, `fevrier` and `лютого` (`liutoho`) all work.
enum AnchorLexicon {
    /// FNV-1a of lowercase ASCII letters: the lookup key of a word in the tables below.
    @inline(__always)
    static func hash(_ letters: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for letter in letters {
            hash = (hash ^ UInt64(letter)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Whether `hash` may be in one of the tables below: a 4,096-bit filter (from
    /// ``filterBuffer()``) that answers no for almost every word without a dictionary lookup.
    @inline(__always)
    static func mayContain(_ hash: UInt64, filter: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        let bit = Int(hash >> 52)
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// A copy of the filter for a scanner to own: a static table is behind a lazy-initialisation
    /// check at every access.
    static func filterBuffer() -> UnsafeMutableBufferPointer<UInt64> {
        let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: filter.count)
        _ = buffer.initialize(from: filter)
        return buffer
    }

    private static let filter: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 64)
        for hash in Array(months.keys) + Array(percentWords) + [cent] + Array(acronyms.keys) {
            let bit = Int(hash >> 52)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return bits
    }()

    /// A month name or abbreviation: its number, and whether it counts only when capitalised
    /// (English `May`, `March` are also ordinary words when lowercase).
    struct Month {
        var number: UInt8
        var needsCapital: Bool
    }

    /// Month names and abbreviations in English, French and Ukrainian (all cases of the Ukrainian
    /// month names that dates use: `лютий`, `лютого`, `лютому`).
    static let months: [UInt64: Month] = {
        let english = ["january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
                       "august aug", "september sep sept", "october oct", "november nov", "december dec"]
        let french = ["janvier janv", "fevrier fevr fev", "mars", "avril avr", "mai", "juin", "juillet juil",
                      "aout", "septembre", "octobre", "novembre", "decembre"]
        let ukrainian = ["sichen sichnia sichni", "liutyi liutoho liutomu", "berezen bereznia berezni",
                         "kviten kvitnia kvitni", "traven travnia travni", "cherven chervnia chervni",
                         "lypen lypnia lypni", "serpen serpnia serpni", "veresen veresnia veresni",
                         "zhovten zhovtnia zhovtni", "lystopad lystopada lystopadi", "hruden hrudnia hrudni"]
        var table: [UInt64: Month] = [:]
        for (index, forms) in english.enumerated() {
            for form in forms.split(separator: " ") { table[hash(Array(form.utf8))] = Month(number: UInt8(index + 1), needsCapital: true) }
        }
        for (index, forms) in (french + ukrainian).enumerated() {
            for form in forms.split(separator: " ") { table[hash(Array(form.utf8))] = Month(number: UInt8(index % 12 + 1), needsCapital: false) }
        }
        return table
    }()

    /// Words that mean "per cent" on their own.
    static let percentWords: Set<UInt64> = Set(
        ["percent", "vidsotok", "vidsotka", "vidsotky", "vidsotkiv", "vidsotkamy", "vidsotkakh"].map { hash(Array($0.utf8)) }
    )

    /// Words that mean "per cent" when followed by `cent` (`per cent`, `pour cent`).
    static let percentPrefixes: Set<UInt64> = Set(["per", "pour"].map { hash(Array($0.utf8)) })

    /// The word `cent`.
    static let cent = hash(Array("cent".utf8))

    /// Acronyms spelt differently by language, mapped to one spelling: `OTAN` and `НАТО` are `NATO`.
    static let acronyms: [UInt64: UInt64] = {
        let groups = [
            "nato": ["otan"], "eu": ["ue", "yes"], "un": ["onu", "oon"], "osce": ["obsie", "obsye"],
            "usa": ["us", "ssha", "eua"], "nac": ["can", "par"],
        ]
        var table: [UInt64: UInt64] = [:]
        for (canonical, spellings) in groups {
            for spelling in spellings { table[hash(Array(spelling.utf8))] = hash(Array(canonical.utf8)) }
        }
        return table
    }()
}
