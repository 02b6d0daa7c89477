/// Ukrainian Cyrillic to Latin, after the Ukrainian national standard of 2010 (the one in
/// passports: `Київ` → `Kyiv`, `Єнс Столтенберг` → `Yens Stoltenberh`), so that names written in
/// Cyrillic can be compared with the same names in English and French.
///
/// Latin letters with diacritics are folded to plain ASCII on the way (`é` → `e`, `č` → `ch`,
/// `ß` → `ss`), so both sides of a comparison end up in the same 26 letters.
enum Transliteration {
    /// The Latin transliteration of `text`, letters lowercased; characters outside the Latin and
    /// Cyrillic alphabets are kept as they are.
    static func latin(_ text: String) -> String {
        var output = ""
        var letters: [UInt8] = []
        var atWordStart = true
        var afterCyrillic = false
        for scalar in text.unicodeScalars {
            letters.removeAll(keepingCapacity: true)
            if appendLatin(scalar, atWordStart: atWordStart, to: &letters) {
                output += String(decoding: letters, as: UTF8.self)
                atWordStart = false
                afterCyrillic = (0x400...0x4FF).contains(scalar.value)
            } else if isWordConnector(scalar) && afterCyrillic {
                continue  // the Ukrainian apostrophe (п’ять) is not written in Latin
            } else {
                output.unicodeScalars.append(scalar)
                atWordStart = !isWordConnector(scalar)
                afterCyrillic = false
            }
        }
        return output
    }

    /// Appends the lowercase ASCII letters for one letter to `buffer`; false when `scalar` is not a
    /// letter of the Latin or Cyrillic alphabets (the buffer is then unchanged). The apostrophe
    /// and soft sign are letters that write nothing.
    @inline(__always)
    static func appendLatin(_ scalar: Unicode.Scalar, atWordStart: Bool, to buffer: inout [UInt8]) -> Bool {
        let value = scalar.value
        switch value {
        case 0x61...0x7A:
            buffer.append(UInt8(value))
            return true
        case 0x41...0x5A:
            buffer.append(UInt8(value + 0x20))
            return true
        case 0x400...0x4FF:
            return appendCyrillic(value, atWordStart: atWordStart, to: &buffer)
        case 0x300...0x36F:
            return true  // combining accents (stress marks) belong to the letter before them
        case 0xC0...0x24F:
            guard let folded = foldedLatin[value] else { return false }
            buffer.append(contentsOf: folded.utf8)
            return true
        default:
            return false
        }
    }

    /// Characters that may sit inside a word without starting a new one (apostrophes).
    static func isWordConnector(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    private static func appendCyrillic(_ value: UInt32, atWordStart: Bool, to buffer: inout [UInt8]) -> Bool {
        var lower = value
        if (0x410...0x42F).contains(value) { lower = value + 0x20 }
        else if (0x400...0x40F).contains(value) { lower = value + 0x50 }
        else if value == 0x490 { lower = 0x491 }
        // Є Ї Й Ю Я are written ye yi y yu ya at the start of a word and ie i i iu ia inside it.
        let text: String
        switch lower {
        case 0x454: text = atWordStart ? "ye" : "ie"
        case 0x457: text = atWordStart ? "yi" : "i"
        case 0x439: text = atWordStart ? "y" : "i"
        case 0x44E: text = atWordStart ? "yu" : "iu"
        case 0x44F: text = atWordStart ? "ya" : "ia"
        default:
            guard let plain = cyrillic[lower] else { return false }
            text = plain
        }
        buffer.append(contentsOf: text.utf8)
        return true
    }

    /// Lowercase Cyrillic letters that do not depend on their place in the word (Russian letters
    /// too, since quotations and names in Russian appear in Ukrainian text).
    private static let cyrillic: [UInt32: String] = [
        0x430: "a", 0x431: "b", 0x432: "v", 0x433: "h", 0x491: "g", 0x434: "d", 0x435: "e",
        0x436: "zh", 0x437: "z", 0x438: "y", 0x456: "i", 0x43A: "k", 0x43B: "l", 0x43C: "m",
        0x43D: "n", 0x43E: "o", 0x43F: "p", 0x440: "r", 0x441: "s", 0x442: "t", 0x443: "u",
        0x444: "f", 0x445: "kh", 0x446: "ts", 0x447: "ch", 0x448: "sh", 0x449: "shch", 0x44C: "",
        0x44A: "", 0x44B: "y", 0x44D: "e", 0x451: "e",
    ]

    /// Latin letters with diacritics, folded to ASCII; upper- and lowercase.
    private static let foldedLatin: [UInt32: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "a"), ("æ", "ae"), ("Æ", "ae"), ("çćĉċ", "c"), ("ÇĆĈĊ", "c"),
            ("čČ", "ch"), ("ďđĎĐð", "d"), ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "e"), ("ĝğġģĜĞĠĢ", "g"),
            ("ĥħĤĦ", "h"), ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "i"), ("ĵĴ", "j"), ("ķĶ", "k"), ("ĺļľŀłĹĻĽĿŁ", "l"),
            ("ñńņňÑŃŅŇ", "n"), ("òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "o"), ("œŒ", "oe"), ("ŕŗřŔŖŘ", "r"),
            ("śŝşŚŜŞ", "s"), ("šŠșȘ", "sh"), ("ß", "ss"), ("ţťŧŢŤŦțȚ", "t"), ("ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "u"),
            ("ŵŴ", "w"), ("ýÿŷÝŸŶ", "y"), ("źżŹŻ", "z"), ("žŽ", "zh"), ("þÞ", "th"),
        ]
        var table: [UInt32: String] = [:]
        for (letters, ascii) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = ascii }
        }
        return table
    }()
}
