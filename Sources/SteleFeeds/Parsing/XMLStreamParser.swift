internal import CLibXML2
import SteleText

/// Receives what an ``XMLStreamParser`` reads, in document order.
protocol XMLEventHandler: AnyObject {
    /// An element starts; `scope` is its xml:base chain and xml:lang, `depth` 1 for the root.
    func didStart(_ element: XMLElementStart, depth: Int, scope: XMLScope)
    /// The element at `depth` ends.
    func didEnd(depth: Int)
    /// Character data (text or CDATA) inside the current element, in pieces of any size.
    func didRead(text: UnsafeBufferPointer<UInt8>)
}

/// What is in scope at an element: `xml:base` values from the outermost in, and `xml:lang`.
struct XMLScope {
    var bases: [String] = []
    var language: String?
}

/// A streaming XML reader on libxml2's SAX2 push parser, with options that never fetch, never read
/// a DTD and never substitute entities, and with a depth limit of its own.
///
/// libxml2's error state is global unless the parser context carries it: errors arrive through the
/// context's structured error callback, so many parses may run on many threads at once. One
/// instance parses one document.
final class XMLStreamParser {
    // The handler owns this parser and outlives every parse: no reference counting per event.
    private unowned(unsafe) let handler: any XMLEventHandler
    private let maxDepth: Int
    private let attributeLimits: AttributeLimits
    private var context: xmlParserCtxtPtr?
    private var depth = 0
    private var openElements: [String] = []
    private var scopes: [(depth: Int, scope: XMLScope)] = []
    private var namespaces: [UnsafeRawPointer: XMLNamespace] = [:]
    /// The first fatal error: libxml2's, or a limit this reader enforces.
    private(set) var error: FeedError?
    /// libxml2's non-fatal errors and warnings (an undeclared namespace prefix, ...).
    private(set) var problems: [FeedWarning] = []

    /// Parse options: no NOENT (entities stay unsubstituted), no DTDLOAD/DTDATTR (no DTD is read),
    /// NONET, no HUGE (libxml2's own size and depth limits stay on), and the encoding declaration is
    /// ignored because the input has already been decoded to UTF-8.
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
    private static let chunkSize = 256 * 1024

    init(handler: any XMLEventHandler, maxDepth: Int, attributeLimits: AttributeLimits) {
        self.handler = handler
        self.maxDepth = maxDepth
        self.attributeLimits = attributeLimits
    }

    /// Parses UTF-8 `bytes`; afterwards ``error`` says whether, and where, reading stopped early.
    /// A document whose attributes would hold libxml2 for minutes is refused before it starts.
    func parse(_ bytes: [UInt8]) {
        do {
            try attributeLimits.check(bytes, dialect: .xml)
        } catch {
            let (line, column) = TextPosition.of(offset: error.census.largestElementOffset, in: bytes)
            self.error = FeedError(.attributeFlood(error), line: line, column: column)
            return
        }
        _ = libxml2Initialized
        var sax = Self.makeHandler()
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, me, nil, 0, nil) else {
            error = FeedError(.malformedXML(message: "libxml2 could not create a parser (out of memory?)"))
            return
        }
        self.context = context
        defer {
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        xmlCtxtUseOptions(context, Self.options)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var offset = 0
                repeat {
                    let length = min(Self.chunkSize, chars.count - offset)
                    let last = offset + length == chars.count
                    xmlParseChunk(context, chars.baseAddress.map { $0 + offset }, Int32(length), last ? 1 : 0)
                    offset += length
                } while offset < chars.count && error == nil && context.pointee.disableSAX == 0
            }
        }
    }

    /// Stops the parse with `reason` at the current position (a limit was reached).
    func stop(_ reason: FeedError.Kind) {
        guard error == nil else { return }
        error = FeedError(reason, line: line, column: column)
        if let context { xmlStopParser(context) }
    }

    /// The current line (1-based).
    var line: Int {
        guard let input = context?.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    private var column: Int {
        guard let input = context?.pointee.input else { return 0 }
        return Int(input.pointee.col)
    }

    // MARK: events from libxml2

    fileprivate func start(
        _ localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int
    ) {
        depth += 1
        if depth > maxDepth {
            stop(.tooDeep(limit: maxDepth))
            return
        }
        var element = XMLElementStart(name: Self.string(localName), namespace: namespace(uri: uri, prefix: prefix), attributes: [])
        openElements.append(prefix.map { Self.string($0) + ":" + element.name } ?? element.name)
        if let attributes, attributeCount > 0 {
            element.attributes.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                let fields = attributes + index * 5
                guard let name = fields[0], let start = fields[3], let end = fields[4] else { continue }
                let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                element.attributes.append(XMLAttribute(name: Self.string(name), namespace: namespace(uri: fields[2], prefix: fields[1]), value: value))
            }
        }
        var scope = scopes.last?.scope ?? XMLScope()
        let base = element.attribute("base", in: .xml)
        let language = element.attribute("lang", in: .xml)
        if base != nil || language != nil {
            if let base { scope.bases.append(base) }
            if let language { scope.language = language.isEmpty ? nil : language }
            scopes.append((depth, scope))
        }
        handler.didStart(element, depth: depth, scope: scope)
    }

    fileprivate func end() {
        handler.didEnd(depth: depth)
        if scopes.last?.depth == depth { scopes.removeLast() }
        openElements.removeLast()
        depth -= 1
    }

    fileprivate func text(_ bytes: UnsafePointer<xmlChar>, count: Int) {
        handler.didRead(text: UnsafeBufferPointer(start: bytes, count: count))
    }

    fileprivate func report(_ libxmlError: xmlError) {
        var message = libxmlError.message.map { String(cString: $0) }?.trimmingSuffixNewlines() ?? "error \(libxmlError.code)"
        if libxmlError.code == Int32(XML_ERR_DOCUMENT_END.rawValue), let open = openElements.last {
            // libxml2's push parser calls a cut-off document "extra content at the end"; say what happened.
            message = "the document ends inside <\(open)>; it was cut off"
        }
        let line = Int(libxmlError.line)
        if libxmlError.level == XML_ERR_FATAL {
            // Stopping the parser ourselves makes libxml2 report XML_ERR_USER_STOP: the reason is already known.
            guard error == nil else { return }
            error = FeedError(.malformedXML(message: message), line: line > 0 ? line : nil, column: libxmlError.int2 > 0 ? Int(libxmlError.int2) : nil)
        } else if problems.count < 20 {
            problems.append(FeedWarning(message, line: line > 0 ? line : nil))
        }
    }

    private func namespace(uri: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?) -> XMLNamespace {
        guard let uri else {
            return prefix.map { XMLNamespace(undeclaredPrefix: Self.string($0)) } ?? .none
        }
        let key = UnsafeRawPointer(uri)
        if let known = namespaces[key] { return known }
        let namespace = XMLNamespace(uri: Self.string(uri))
        namespaces[key] = namespace
        return namespace
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        String(cString: pointer)
    }

    private static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, localName, prefix, uri, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            parser(context).start(localName, prefix: prefix, uri: uri, attributes: attributes, attributeCount: Int(attributeCount))
        }
        sax.endElementNs = { context, _, _, _ in
            guard let context else { return }
            parser(context).end()
        }
        sax.characters = { context, bytes, count in
            guard let context, let bytes else { return }
            parser(context).text(bytes, count: Int(count))
        }
        sax.cdataBlock = sax.characters
        sax.serror = { context, error in
            guard let context, let error else { return }
            parser(context).report(error.pointee)
        }
        // Everything else stays nil on purpose: no entity declarations are recorded, no entity is
        // resolved, no external subset is loaded.
        return sax
    }
}

private func parser(_ context: UnsafeMutableRawPointer) -> XMLStreamParser {
    Unmanaged<XMLStreamParser>.fromOpaque(context).takeUnretainedValue()
}

/// libxml2 must be initialised once per process before threads use it.
private let libxml2Initialized: Void = xmlInitParser()

private extension String {
    func trimmingSuffixNewlines() -> String {
        var text = self
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }
}
