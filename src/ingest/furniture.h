// Cleaning plain-text dumps of web pages (as scrapers deliver them): advertisement
// markers, share/follow prompts, newsletter and donation appeals, comment forms,
// repeated captions, "related news" lists, cookie notices go; the body stays.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

struct CleanedText {
  std::string text;   // the body, paragraphs separated by "\n\n"
  std::string title;  // first headline-like line, when one stands at the top
  std::string date;   // from a date line near the top: ISO, or partial ("--02-25") when year-less
  std::string author; // from a byline ("By ...", "Author: ...")
};

CleanedText CleanTextDump(std::string_view text);

}  // namespace faultline
