// Document: one article as every later stage sees it. Offsets used by later stages
// (mentions, statements) always index into `text` (UTF-8 bytes).
#pragma once

#include <cstdint>
#include <string>

namespace faultline {

struct Document {
  std::string id;        // file name without extensions, or the record's own id
  std::string file;      // where it was read from ("-" for stdin; "a.warc.gz#17" for a record)
  std::string url;
  std::string title;
  std::string date;      // ISO 8601 ("2022-03-29"), partial ("--02-25") or empty when unknown
  std::string outlet;
  std::string author;
  std::string language;  // BCP 47 ("en"), empty when unknown
  std::string via;       // the outlet whose text this page carries, as the page names it
                         // ("Read on RBC Pro" -> "RBC Pro"); empty when none is shown
  std::string text;      // main text, UTF-8, paragraphs separated by "\n\n"
};

}  // namespace faultline
