#ifndef STELE_CLIBXML2_SHIM_H
#define STELE_CLIBXML2_SHIM_H

// Debian's ICU headers clash with the ICU that Foundation carries: keep libxml2's ICU API out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void stele_xml_free(void *pointer) { xmlFree(pointer); }

#endif
