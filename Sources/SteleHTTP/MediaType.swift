/// Parsing of `Content-Type` values (RFC 9110 §8.3).
public enum MediaType {
    /// The `charset` parameter of a `Content-Type` value, lower-cased and unquoted:
    /// `text/html; Charset="Windows-1251"` gives `windows-1251`.
    public static func charset(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2,
                  parts[0].trimmingASCIIWhitespace().lowercased() == "charset"
            else { continue }
            var value = parts[1].trimmingASCIIWhitespace()
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = value.dropFirst().dropLast()
            }
            return value.isEmpty ? nil : value.lowercased()
        }
        return nil
    }
}

extension Substring {
    func trimmingASCIIWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
