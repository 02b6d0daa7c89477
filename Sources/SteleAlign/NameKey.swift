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
        var packed: UInt16 = 0
        var found = 0
        var previous: UInt8 = 0
        var index = 0
        let count = letters.count
        func letter(_ offset: Int) -> UInt8 { index + offset < count ? letters[index + offset] : 0 }
        while index < count && found < 3 {
            let (sound, width) = NameKey.sound(at: letter(0), letter(1), letter(2), letter(3))
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

    /// The sound class (0 for silent letters and vowels) of the letters at the start of `a b c d`,
    /// and how many letters it takes.
    @inline(__always)
    private static func sound(at a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> (UInt8, Int) {
        let h = UInt8(ascii: "h")
        switch a {
        case UInt8(ascii: "s"):
            if b == UInt8(ascii: "h") && c == UInt8(ascii: "c") && d == h { return (sibilant, 4) }  // shch
            if b == UInt8(ascii: "c") && c == h { return (sibilant, 3) }  // sch
            if b == h { return (sibilant, 2) }
            return (sibilant, 1)
        case UInt8(ascii: "z"): return (sibilant, b == h ? 2 : 1)
        case UInt8(ascii: "c"):
            if b == h || b == UInt8(ascii: "k") { return (velar, 2) }
            if b == UInt8(ascii: "e") || b == UInt8(ascii: "i") || b == UInt8(ascii: "y") { return (sibilant, 1) }
            return (velar, 1)
        case UInt8(ascii: "k"), UInt8(ascii: "g"): return (velar, b == h ? 2 : 1)
        case UInt8(ascii: "q"): return (velar, b == UInt8(ascii: "u") ? 2 : 1)
        case UInt8(ascii: "h"): return (velar, 1)
        case UInt8(ascii: "x"): return (velar, 1)
        case UInt8(ascii: "t"):
            if b == h { return (dental, 2) }
            if b == UInt8(ascii: "s") || b == UInt8(ascii: "z") { return (sibilant, 2) }
            return (dental, 1)
        case UInt8(ascii: "d"): return (dental, 1)
        case UInt8(ascii: "p"): return b == h ? (labiodental, 2) : (labial, 1)
        case UInt8(ascii: "b"): return (labial, 1)
        case UInt8(ascii: "f"), UInt8(ascii: "v"), UInt8(ascii: "w"): return (labiodental, 1)
        case UInt8(ascii: "l"): return (5, 1)
        case UInt8(ascii: "m"): return (6, 1)
        case UInt8(ascii: "n"): return (7, 1)
        case UInt8(ascii: "r"): return (8, 1)
        default: return (0, 1)  // vowels, y, j
        }
    }

    private static let labial: UInt8 = 1
    private static let dental: UInt8 = 2
    private static let velar: UInt8 = 3
    private static let labiodental: UInt8 = 4
    private static let sibilant: UInt8 = 9
}
