/// A spelling-independent key for a name: the first consonant sounds of its Latin form.
///
/// The same person or place is spelt differently across languages and transliterations
/// (`Gottemoeller` / `Геттемюллер` → `hettemiuller`, `Jevtić` / `Євтіч`, `Stoltenberg` /
/// `Столтенберга`), and Ukrainian inflects names (`Косова`, `Косові`). Reducing a word to its
/// first three consonant classes (vowels, `y` and `j` dropped; `g h k c q` one class, `b p` one,
/// `d t` one, `f v w` one, `s z` one; digraphs like `sh` `ch` `kh` `th` read as one sound;
/// repeats collapsed) makes all of these meet, while different names rarely do.
struct NameKey: Hashable, Comparable, Sendable {
    /// The packed classes: three 4-bit classes for keys of three sounds, a tagged 2-class key otherwise.
    let rawValue: UInt16

    /// How many distinct keys exist; keys index dense tables of this size.
    static let count = 4096 + 256

    static func < (lhs: NameKey, rhs: NameKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether the key holds three consonant sounds (two-sound keys are too common to match lowercase words).
    var hasThreeSounds: Bool { rawValue < 4096 }

    /// The key of a word given as lowercase ASCII letters, or nil when it has fewer than two
    /// consonant sounds (too little to tell names apart).
    init?(latinLetters letters: [UInt8]) {
        let key = letters.withUnsafeBufferPointer { NameKey(latinLetters: $0) }
        guard let key else { return nil }
        self = key
    }

    /// The key of a word given as lowercase ASCII letters in a buffer.
    init?(latinLetters letters: UnsafeBufferPointer<UInt8>) {
        var packed: UInt16 = 0
        var found = 0
        var previous: UInt8 = 0
        var index = 0
        let count = letters.count
        while index < count && found < 3 {
            let letter = letters[index]
            let next = index + 1 < count ? letters[index + 1] : 0
            var sound = NameKey.sound(of: letter)
            var width = 1
            // Digraphs, and c before e i y.
            switch letter {
            case UInt8(ascii: "s"):
                if next == UInt8(ascii: "h") {
                    width = index + 3 < count && letters[index + 2] == UInt8(ascii: "c") && letters[index + 3] == UInt8(ascii: "h") ? 4 : 2
                } else if next == UInt8(ascii: "c") && index + 2 < count && letters[index + 2] == UInt8(ascii: "h") {
                    width = 3
                }
            case UInt8(ascii: "z"), UInt8(ascii: "k"), UInt8(ascii: "g"):
                if next == UInt8(ascii: "h") { width = 2 }
            case UInt8(ascii: "c"):
                if next == UInt8(ascii: "h") || next == UInt8(ascii: "k") { width = 2 }
                else if next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y") { sound = NameKey.sibilant }
            case UInt8(ascii: "q"):
                if next == UInt8(ascii: "u") { width = 2 }
            case UInt8(ascii: "t"):
                if next == UInt8(ascii: "h") { width = 2 }
                else if next == UInt8(ascii: "s") || next == UInt8(ascii: "z") { (sound, width) = (NameKey.sibilant, 2) }
            case UInt8(ascii: "p"):
                if next == UInt8(ascii: "h") { (sound, width) = (NameKey.labiodental, 2) }
            default:
                break
            }
            index += width
            guard sound != 0 else { continue }
            if sound != previous {
                packed = packed << 4 | UInt16(sound)
                found += 1
            }
            previous = sound
        }
        switch found {
        case 3: rawValue = packed
        case 2: rawValue = 4096 + packed
        default: return nil
        }
    }

    /// The sound class of a lowercase ASCII letter alone (0 for vowels, `y`, `j` and non-letters).
    @inline(__always)
    private static func sound(of letter: UInt8) -> UInt8 {
        switch letter {
        case UInt8(ascii: "b"), UInt8(ascii: "p"): labial
        case UInt8(ascii: "d"), UInt8(ascii: "t"): dental
        case UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "g"), UInt8(ascii: "q"), UInt8(ascii: "h"), UInt8(ascii: "x"): velar
        case UInt8(ascii: "f"), UInt8(ascii: "v"), UInt8(ascii: "w"): labiodental
        case UInt8(ascii: "s"), UInt8(ascii: "z"): sibilant
        case UInt8(ascii: "l"): 5
        case UInt8(ascii: "m"): 6
        case UInt8(ascii: "n"): 7
        case UInt8(ascii: "r"): 8
        default: 0
        }
    }

    private static var labial: UInt8 { 1 }
    private static var dental: UInt8 { 2 }
    private static var velar: UInt8 { 3 }
    private static var labiodental: UInt8 { 4 }
    private static var sibilant: UInt8 { 9 }
}
