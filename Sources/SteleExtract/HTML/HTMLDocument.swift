import CLibXML2
import SteleText

/// libxml2's process-wide set-up, done once before the first parse from any thread.
enum LibXML {
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Runs `xmlInitParser` the first time it is called; later calls cost a load.
    static func initialise() { _ = initialised }
}

/// A parsed HTML document, owned by one extraction on one thread and freed with it.
final class HTMLDocument {
    /// The depth at which libxml2 (without `XML_PARSE_HUGE`, which Stele never sets) stops reading.
    static let nestingLimit = 256

    let pointer: htmlDocPtr
    /// Whether libxml2 stopped reading early because elements nested too deep.
    let stoppedAtNestingLimit: Bool

    /// Parses UTF-8 bytes. Network access, error output and the document's own encoding
    /// declarations are all turned off: the bytes have already been converted.
    ///
    /// - Throws: ``AttributeFlood`` before libxml2 sees the bytes when an element carries so many
    ///   attributes that the parser's duplicate check (quadratic in libxml2 2.9) would take minutes.
    init?(utf8 bytes: [UInt8], url: String?, attributeLimits: AttributeLimits) throws(AttributeFlood) {
        try attributeLimits.check(bytes, dialect: .html)
        LibXML.initialise()
        guard let context = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        )
        // An empty buffer gives no document at all; an empty page is still a page.
        let input = bytes.isEmpty ? Array("<html></html>".utf8) : bytes
        let parsed = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), url, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        pointer = parsed
        let lastError = context.pointee.lastError
        stoppedAtNestingLimit = lastError.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue)
            && lastError.message.map { String(cString: $0).hasPrefix("Excessive depth") } == true
    }

    deinit { xmlFreeDoc(pointer) }

    /// The `<html>` element, if the document has one.
    var rootElement: xmlNodePtr? { xmlDocGetRootElement(pointer) }

    /// The elements an XPath expression selects, in document order; `nil` and a reason when the
    /// expression does not compile or does not select nodes.
    func select(_ xpath: String) -> (elements: [xmlNodePtr], problem: String?) {
        guard let context = xmlXPathNewContext(pointer) else { return ([], "could not be evaluated (out of memory)") }
        defer { xmlXPathFreeContext(context) }
        context.pointee.error = { _, _ in }  // errors are reported through the result, not on stderr
        guard let compiled = xmlXPathCtxtCompile(context, xpath) else { return ([], "is not a valid XPath expression") }
        defer { xmlXPathFreeCompExpr(compiled) }
        guard let result = xmlXPathCompiledEval(compiled, context) else { return ([], "could not be evaluated") }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET else { return ([], "gives a value, not elements") }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else { return ([], nil) }
        var elements: [xmlNodePtr] = []
        for index in 0..<Int(set.pointee.nodeNr) {
            if let node = table[index], node.pointee.type == XML_ELEMENT_NODE { elements.append(node) }
        }
        return (elements, nil)
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// Whether the node is an element.
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }

    /// The element's lower-case name.
    var name: String { pointee.name.map { String(cString: $0) } ?? "" }

    /// The value of the attribute `name` (lower-case), or `nil` when it is absent.
    func attribute(_ name: String) -> String? {
        var attribute = pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName) == name {
                return current.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""
            }
            attribute = current.pointee.next
        }
        return nil
    }
}
