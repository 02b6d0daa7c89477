/// RFC 3339, ISO 8601 extended format and W3C datetime (`2025`, `2025-09`, `2025-09-19`,
/// `2025-09-19T12:00Z`, `2025-09-19 12:00:00.5+02:00`), also with a `+0200` or `+02` offset.
struct ISO8601DateScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parse() -> FeedDate.Parsed? {
        guard let year = digits(4) else { return nil }
        guard skip(0x2D) else { return atEnd ? FeedDate.make(year: year, month: 1, day: 1) : nil }
        guard let month = digits(2) else { return nil }
        guard skip(0x2D) else { return atEnd ? FeedDate.make(year: year, month: month, day: 1) : nil }
        guard let day = digits(2) else { return nil }
        if atEnd { return FeedDate.make(year: year, month: month, day: day) }
        guard index < bytes.count, bytes[index] == 0x54 || bytes[index] == 0x74 || bytes[index] == 0x20 else { return nil }
        index += 1
        guard let hour = digits(2), skip(0x3A), let minute = digits(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if skip(0x3A) {
            guard let value = digits(2) else { return nil }
            second = value
            if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x2C {
                index += 1
                var scale = 0.1
                let start = index
                while index < bytes.count, FeedDate.isDigit(bytes[index]) {
                    fraction += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        if atEnd {
            return FeedDate.make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction, zoneAssumed: true)
        }
        guard let offset = zone(), atEnd else { return nil }
        return FeedDate.make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction, offsetSeconds: offset)
    }

    /// `Z`, `UTC`, `GMT`, or `±hh:mm`, `±hhmm`, `±hh`: seconds east of UTC.
    private mutating func zone() -> Int? {
        let byte = bytes[index]
        if byte == 0x5A || byte == 0x7A {
            index += 1
            return 0
        }
        if byte == 0x2B || byte == 0x2D {
            index += 1
            guard let hours = digits(2), hours <= 23 else { return nil }
            var minutes = 0
            if skip(0x3A) {
                guard let value = digits(2) else { return nil }
                minutes = value
            } else if let value = digits(2) {
                minutes = value
            }
            guard minutes <= 59 else { return nil }
            return (byte == 0x2D ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[index...]), as: UTF8.self).uppercased()
        guard rest == "UTC" || rest == "GMT" || rest == "UT" else { return nil }
        index = bytes.count
        return 0
    }

    private var atEnd: Bool { index == bytes.count }

    private mutating func skip(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard FeedDate.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += count
        return value
    }
}
