// Which reader a file needs, decided from its (decompressed) content first and its
// name second: a ".txt" holding HTML is read as HTML, a "page" without an extension
// starting with "<!doctype html" too.
#pragma once

#include <string_view>

namespace faultline {

enum class InputFormat {
  kEmpty,      // nothing but whitespace
  kText,       // plain text, optionally with "title:"/"date:"... header lines
  kHtml,       // HTML or XHTML page
  kJsonLines,  // one JSON object a line
  kJsonArray,  // a JSON array of objects
  kWarc,       // WARC 1.0/1.1 records
  kBinary,     // none of the above: NUL bytes or mostly control characters
};

const char* InputFormatName(InputFormat f);

// `name` is the file name with any ".gz" already removed; `bytes` the decompressed content.
InputFormat SniffFormat(std::string_view name, std::string_view bytes);

// `name` without directories and without its extensions ("a/b.warc.gz" -> "b").
std::string_view StemOf(std::string_view name);

}  // namespace faultline
