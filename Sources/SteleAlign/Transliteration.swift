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
        var atWordStart = true
        var afterCyrillic = false
        for scalar in text.unicodeScalars {
            var letters = packedLatin(scalar.value, atWordStart: atWordStart)
            if letters != notALetter {
                for _ in 0..<Int(letters & 0xFF) {
                    letters >>= 8
                    output.unicodeScalars.append(Unicode.Scalar(UInt8(letters & 0xFF)))
                }
                atWordStart = false
                afterCyrillic = (0x400...0x4FF).contains(scalar.value)
            } else if isWordConnector(scalar.value) && afterCyrillic {
                continue  // the Ukrainian apostrophe (п’ять) is not written in Latin
            } else {
                output.unicodeScalars.append(scalar)
                atWordStart = !isWordConnector(scalar.value)
                afterCyrillic = false
            }
        }
        return output
    }

    /// The lowercase ASCII letters for one letter, packed in a word: their count in the low byte,
    /// the letters in the bytes above (a table of words avoids an array per letter). Not a letter
    /// of the Latin or Cyrillic alphabets: ``notALetter``. The soft sign and combining accents
    /// are letters that write nothing.
    @inline(__always)
    static func packedLatin(_ value: UInt32, atWordStart: Bool) -> UInt64 {
        switch value {
        case 0x61...0x7A: return UInt64(value) << 8 | 1
        case 0x41...0x5A: return UInt64(value + 0x20) << 8 | 1
        case 0x400...0x4FF:
            var lower = value
            if value <= 0x40F { lower = value + 0x50 } else if value <= 0x42F { lower = value + 0x20 } else if value == 0x490 { lower = 0x491 }
            // Є Ї Й Ю Я are written ye yi y yu ya at the start of a word and ie i i iu ia inside it.
            return atWordStart ? cyrillicWordInitial[Int(lower - 0x400)] : cyrillic[Int(lower - 0x400)]
        case 0x300...0x36F: return 0  // combining accents (stress marks) belong to the letter before them
        case 0xC0...0x24F: return foldedLatin[Int(value - 0xC0)]
        default: return notALetter
        }
    }

    /// Apostrophes, which may sit inside a word without starting a new one.
    @inline(__always)
    static func isWordConnector(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019 || value == 0x2BC
    }

    /// What ``packedLatin(_:atWordStart:)`` returns for anything but a letter.
    static var notALetter: UInt64 { UInt64.max }

    /// The three tables as one buffer, for scanners that look letters up millions of times (a
    /// static table is behind a lazy-initialisation check at every access): Cyrillic, then
    /// word-initial Cyrillic, then Latin with diacritics.
    static func tables() -> UnsafeMutableBufferPointer<UInt64> {
        let all = cyrillic + cyrillicWordInitial + foldedLatin
        let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: all.count)
        _ = buffer.initialize(from: all)
        return buffer
    }

    /// ``packedLatin(_:atWordStart:)`` reading from a buffer made by ``tables()``.
    @inline(__always)
    static func packedLatin(_ value: UInt32, atWordStart: Bool, tables: UnsafeMutableBufferPointer<UInt64>) -> UInt64 {
        switch value {
        case 0x61...0x7A: return UInt64(value) << 8 | 1
        case 0x41...0x5A: return UInt64(value + 0x20) << 8 | 1
        case 0x400...0x4FF:
            var lower = value
            if value <= 0x40F { lower = value + 0x50 } else if value <= 0x42F { lower = value + 0x20 } else if value == 0x490 { lower = 0x491 }
            return tables[Int(lower - 0x400) + (atWordStart ? 0x100 : 0)]
        case 0x300...0x36F: return 0
        case 0xC0...0x24F: return tables[Int(value - 0xC0) + 0x200]
        default: return notALetter
        }
    }

    private static func pack(_ latin: String) -> UInt64 {
        var packed: UInt64 = 0
        for (index, byte) in latin.utf8.enumerated() { packed |= UInt64(byte) << UInt64(8 * (index + 1)) }
        return packed | UInt64(latin.utf8.count)
    }

    /// Lowercase Cyrillic letters (U+0400…U+04FF) in Latin, packed. Russian letters are there too,
    /// since Russian names and quotations appear in Ukrainian text.
    private static let cyrillic: [UInt64] = {
        let letters: [UInt32: String] = [
            0x430: "a", 0x431: "b", 0x432: "v", 0x433: "h", 0x491: "g", 0x434: "d", 0x435: "e", 0x454: "ie",
            0x436: "zh", 0x437: "z", 0x438: "y", 0x456: "i", 0x457: "i", 0x439: "i", 0x43A: "k", 0x43B: "l",
            0x43C: "m", 0x43D: "n", 0x43E: "o", 0x43F: "p", 0x440: "r", 0x441: "s", 0x442: "t", 0x443: "u",
            0x444: "f", 0x445: "kh", 0x446: "ts", 0x447: "ch", 0x448: "sh", 0x449: "shch", 0x44C: "", 0x44E: "iu",
            0x44F: "ia", 0x44A: "", 0x44B: "y", 0x44D: "e", 0x451: "e",
        ]
        return (0x400...0x4FF).map { value in letters[UInt32(value)].map(pack) ?? notALetter }
    }()

    /// The same, for the first letter of a word.
    private static let cyrillicWordInitial: [UInt64] = {
        var table = cyrillic
        for (letter, latin) in [(0x454, "ye"), (0x457, "yi"), (0x439, "y"), (0x44E, "yu"), (0x44F, "ya")] {
            table[letter - 0x400] = pack(latin)
        }
        return table
    }()

    /// Latin letters with diacritics (U+00C0…U+024F), folded to ASCII and packed.
    private static let foldedLatin: [UInt64] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "a"), ("æ", "ae"), ("Æ", "ae"), ("çćĉċ", "c"), ("ÇĆĈĊ", "c"),
            ("čČ", "ch"), ("ďđĎĐð", "d"), ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "e"), ("ĝğġģĜĞĠĢ", "g"),
            ("ĥħĤĦ", "h"), ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "i"), ("ĵĴ", "j"), ("ķĶ", "k"), ("ĺļľŀłĹĻĽĿŁ", "l"),
            ("ñńņňÑŃŅŇ", "n"), ("òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "o"), ("œŒ", "oe"), ("ŕŗřŔŖŘ", "r"),
            ("śŝşŚŜŞ", "s"), ("šŠșȘ", "sh"), ("ß", "ss"), ("ţťŧŢŤŦțȚ", "t"), ("ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "u"),
            ("ŵŴ", "w"), ("ýÿŷÝŸŶ", "y"), ("źżŹŻ", "z"), ("žŽ", "zh"), ("þÞ", "th"),
        ]
        var table = [UInt64](repeating: notALetter, count: 0x250 - 0xC0)
        for (letters, ascii) in groups {
            for scalar in letters.unicodeScalars { table[Int(scalar.value) - 0xC0] = pack(ascii) }
        }
        return table
    }()
}
