/// The XML vocabularies feeds mix, recognised by namespace name (or, when a sloppy feed forgets to
/// declare one, by its customary prefix).
enum XMLNamespace: Equatable {
    /// No namespace: RSS 0.9x and 2.0 elements, attributes without a prefix.
    case none
    case atom
    case rss1
    case rss090
    case rdf
    case dublinCore
    case dublinCoreTerms
    case content
    case syndication
    case sitemap
    case xhtml
    case googleNews
    case xml
    case other

    init(uri: String) {
        switch uri {
        case "http://www.w3.org/2005/Atom": self = .atom
        case "http://purl.org/rss/1.0/": self = .rss1
        case "http://my.netscape.com/rdf/simple/0.9/": self = .rss090
        // Userland's namespace for RSS 2.0 elements, used by a few generators.
        case "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss": self = .none
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        case "http://purl.org/dc/elements/1.1/": self = .dublinCore
        case "http://purl.org/dc/terms/": self = .dublinCoreTerms
        case "http://purl.org/rss/1.0/modules/content/": self = .content
        case "http://purl.org/rss/1.0/modules/syndication/": self = .syndication
        case "http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.google.com/schemas/sitemap/0.84", "http://www.google.com/schemas/sitemap/0.9": self = .sitemap
        case "http://www.w3.org/1999/xhtml": self = .xhtml
        case "http://www.google.com/schemas/sitemap-news/0.9": self = .googleNews
        case "http://www.w3.org/XML/1998/namespace": self = .xml
        default: self = .other
        }
    }

    /// The namespace an undeclared prefix customarily stands for, so that `<dc:date>` without
    /// `xmlns:dc` is still read (libxml2 reports the missing declaration; we warn and go on).
    init(undeclaredPrefix prefix: String) {
        switch prefix {
        case "atom": self = .atom
        case "rdf": self = .rdf
        case "dc": self = .dublinCore
        case "dcterms": self = .dublinCoreTerms
        case "content": self = .content
        case "sy": self = .syndication
        case "xhtml": self = .xhtml
        case "news": self = .googleNews
        default: self = .other
        }
    }

    /// True for the namespaces whose elements are RSS's own (0.9x/2.0 unqualified, 0.90 and 1.0 qualified).
    var isRSS: Bool { self == .none || self == .rss1 || self == .rss090 }
}

/// An element's start: its local name, namespace and attributes.
struct XMLElementStart {
    var name: String
    var namespace: XMLNamespace
    var attributes: [XMLAttribute]

    /// The value of the attribute `name` in `namespace`.
    func attribute(_ name: String, in namespace: XMLNamespace = .none) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    func `is`(_ name: String, in namespace: XMLNamespace) -> Bool {
        self.name == name && self.namespace == namespace
    }
}

/// One attribute of an element.
struct XMLAttribute {
    var name: String
    var namespace: XMLNamespace
    var value: String
}
