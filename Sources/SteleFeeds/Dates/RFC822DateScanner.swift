/// RFC 822 / RFC 5322 dates and the variants feeds really write: `Fri, 19 Sep 2025 12:00:00 GMT`,
/// `19 Sep. 2025 12:00:00 GMT` (NATO), `Fri, 19 Sep 25 12:00 EST`, `Friday, 19 September 2025 14:00:00 CEST`,
/// `19-Sep-2025 12:00:00 +02:00`, `Sep 19, 2025 12:00 PM GMT+2`, and asctime's `Fri Sep 19 12:00:00 2025`.
struct RFC822DateScanner {
    private enum Token {
        case word(String)
        case number(value: Int, digits: Int)
        case time(hour: Int, minute: Int, second: Int, fraction: Double)
        case offset(Int)
    }

    private let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func parse() -> FeedDate.Parsed? {
        guard let tokens = tokenize() else { return nil }
        var day: Int?, month: Int?, year: Int?
        var time: (hour: Int, minute: Int, second: Int, fraction: Double)?
        var offset: Int?
        for token in tokens {
            switch token {
            case .word(let word):
                if let number = Self.months[word], month == nil {
                    month = number
                } else if Self.weekdays.contains(word) {
                    continue
                } else if let zone = Self.zones[word] {
                    offset = offset ?? zone
                } else if word == "am" || word == "pm", var clock = time, (1...12).contains(clock.hour) {
                    clock.hour = clock.hour % 12 + (word == "pm" ? 12 : 0)
                    time = clock
                } else {
                    return nil
                }
            case .number(let value, let digits):
                if digits >= 3, year == nil {
                    year = digits == 3 ? value + 1900 : value
                } else if digits <= 2, day == nil {
                    day = value
                } else if digits <= 2, year == nil {
                    year = value < 50 ? 2000 + value : 1900 + value
                } else {
                    return nil
                }
            case .time(let hour, let minute, let second, let fraction):
                guard time == nil else { return nil }
                time = (hour, minute, second, fraction)
            case .offset(let seconds):
                offset = seconds
            }
        }
        guard let day, let month, let year else { return nil }
        let clock = time ?? (0, 0, 0, 0)
        return FeedDate.make(
            year: year, month: month, day: day, hour: clock.hour, minute: clock.minute, second: clock.second,
            fraction: clock.fraction, offsetSeconds: offset ?? 0, zoneAssumed: offset == nil && time != nil
        )
    }

    private func tokenize() -> [Token]? {
        var tokens: [Token] = []
        var index = 0
        var sawTime = false
        while index < bytes.count {
            let byte = bytes[index]
            if FeedDate.isLetter(byte) {
                let start = index
                while index < bytes.count, FeedDate.isLetter(bytes[index]) { index += 1 }
                tokens.append(.word(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).lowercased()))
                if index < bytes.count, bytes[index] == 0x2E { index += 1 }  // "Sep." as NATO writes it
            } else if FeedDate.isDigit(byte) {
                let (value, digits) = number(&index)
                guard digits <= 4 else { return nil }
                if index < bytes.count, bytes[index] == 0x3A {
                    guard digits <= 2, let clock = clock(hour: value, &index) else { return nil }
                    tokens.append(.time(hour: clock.hour, minute: clock.minute, second: clock.second, fraction: clock.fraction))
                    sawTime = true
                } else {
                    tokens.append(.number(value: value, digits: digits))
                }
            } else if byte == 0x2B || (byte == 0x2D && sawTime && index + 1 < bytes.count && FeedDate.isDigit(bytes[index + 1])) {
                index += 1
                guard let seconds = offset(&index) else { return nil }
                tokens.append(.offset(byte == 0x2D ? -seconds : seconds))
            } else if byte == 0x28 {
                // An RFC 822 comment such as "(PST)" says nothing the offset before it does not.
                while index < bytes.count, bytes[index] != 0x29 { index += 1 }
                index += 1
            } else if FeedDate.isSpace(byte) || byte == 0x2C || byte == 0x2D || byte == 0x2F {
                index += 1
            } else {
                return nil
            }
        }
        return tokens
    }

    private func number(_ index: inout Int) -> (value: Int, digits: Int) {
        var value = 0
        var digits = 0
        while index < bytes.count, FeedDate.isDigit(bytes[index]) {
            if digits < 9 { value = value * 10 + Int(bytes[index] - 0x30) }
            digits += 1
            index += 1
        }
        return (value, digits)
    }

    /// `hh:mm`, `hh:mm:ss` or `hh:mm:ss.fff`, the hour already read.
    private func clock(hour: Int, _ index: inout Int) -> (hour: Int, minute: Int, second: Int, fraction: Double)? {
        index += 1
        let (minute, minuteDigits) = number(&index)
        guard minuteDigits == 2 else { return nil }
        var second = 0
        var fraction = 0.0
        if index < bytes.count, bytes[index] == 0x3A {
            index += 1
            let (value, digits) = number(&index)
            guard digits == 2 else { return nil }
            second = value
            if index + 1 < bytes.count, bytes[index] == 0x2E, FeedDate.isDigit(bytes[index + 1]) {
                index += 1
                let (value, digits) = number(&index)
                fraction = Double(value) / Double(Int(pow10: min(digits, 9)))
            }
        }
        return (hour, minute, second, fraction)
    }

    /// `0200`, `02:00`, `02`, `2` or `530` after the sign: seconds.
    private func offset(_ index: inout Int) -> Int? {
        let (value, digits) = number(&index)
        var hours: Int, minutes: Int
        switch digits {
        case 1, 2:
            hours = value
            minutes = 0
            if index < bytes.count, bytes[index] == 0x3A {
                index += 1
                let (value, digits) = number(&index)
                guard digits == 2 else { return nil }
                minutes = value
            }
        case 3, 4:
            hours = value / 100
            minutes = value % 100
        default:
            return nil
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        return hours * 3600 + minutes * 60
    }

    /// Month names, abbreviated (with or without the dot, which the tokenizer drops) and in full.
    private static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        var months: [String: Int] = ["sept": 9]
        for (index, name) in names.enumerated() {
            months[name] = index + 1
            months[String(name.prefix(3))] = index + 1
        }
        return months
    }()

    private static let weekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Zone names seen in feeds, in seconds east of UTC. Ambiguous names (IST, CST for China) take
    /// their RFC 822 or most common meaning; single military letters other than Z carry no
    /// reliable meaning (RFC 5322 §4.3) and are read as UTC.
    private static let zones: [String: Int] = {
        var zones: [String: Int] = [
            "gmt": 0, "ut": 0, "utc": 0, "z": 0, "wet": 0,
            "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
            "akst": -9, "akdt": -8, "hst": -10, "ast": -4, "adt": -3,
            "bst": 1, "ist": 1, "west": 1, "cet": 1, "met": 1, "mez": 1, "cest": 2, "mest": 2, "mesz": 2,
            "eet": 2, "eest": 3, "msk": 3, "msd": 4, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "awst": 8,
            "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
        ].mapValues { $0 * 3600 }
        zones["nst"] = -(3 * 3600 + 1800)
        zones["ndt"] = -(2 * 3600 + 1800)
        zones["acst"] = 9 * 3600 + 1800
        zones["acdt"] = 10 * 3600 + 1800
        for letter in "abcdefghiklmnopqrstuvwxy" { zones[String(letter)] = 0 }
        return zones
    }()
}

private extension Int {
    init(pow10 exponent: Int) {
        self = (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
