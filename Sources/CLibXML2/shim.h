#ifndef CHARGEBACK_CLIBXML2_SHIM_H
#define CHARGEBACK_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, and its encoding.h then includes ICU headers that
// clash with the copy of ICU inside Foundation. We never use libxml2's ICU converters.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
// The report tests parse every produced page with the HTML parser.
#include <libxml/HTMLparser.h>
#endif
