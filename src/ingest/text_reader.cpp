#include "ingest/text_reader.h"

#include <cctype>

#include "ingest/dates.h"
#include "ingest/furniture.h"
#include "ingest/sniff.h"
#include "util/ascii.h"

namespace faultline {
namespace {

// Sets the header field named `key`; false when the key is not a header key.
bool SetHeaderField(TextHeader* h, const std::string& key, std::string_view value) {
  std::string v(value);
  if (key == "title") h->title = v;
  else if (key == "url") h->url = v;
  else if (key == "date") h->date = v;
  else if (key == "outlet" || key == "source") h->outlet = v;
  else if (key == "author") h->author = v;
  else if (key == "language" || key == "lang") h->language = v;
  else if (key == "via") h->via = v;
  else return false;
  return true;
}

}  // namespace

TextHeader ParseTextHeader(std::string_view text) {
  TextHeader h;
  size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  int lines = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) return TextHeader{};  // no blank line: no header
    std::string_view line = AsciiTrim(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty()) {
      if (lines == 0) return TextHeader{};
      h.body_offset = pos;
      return h;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon > 16) return TextHeader{};
    if (!SetHeaderField(&h, AsciiLower(AsciiTrim(line.substr(0, colon))), AsciiTrim(line.substr(colon + 1))))
      return TextHeader{};
    ++lines;
  }
  return TextHeader{};
}

Result<Document> ReadTextDocument(std::string_view text, const std::string& file,
                                  const std::function<void(const Status&)>& on_warning) {
  TextHeader h = ParseTextHeader(text);
  // A header title tells the cleaner not to guess one: otherwise a first body line
  // without a full stop would be taken for the headline and dropped.
  CleanOptions clean_options;
  clean_options.known_title = h.title;
  CleanedText cleaned = CleanTextDump(text.substr(h.body_offset), clean_options);
  std::string body(AsciiTrim(cleaned.text));
  if (body.empty()) return Status::Error("no text after cleaning", file);
  Document d;
  d.id = std::string(StemOf(file));
  d.file = file;
  d.url = h.url;
  d.title = !h.title.empty() ? h.title : cleaned.title;
  if (!h.date.empty()) {
    d.date = NormalizeDate(h.date);
    if (d.date.empty() && on_warning)
      on_warning(Status::Warning("unrecognised date in header line: \"" + h.date + "\"", file));
  } else {
    d.date = cleaned.date;
  }
  d.outlet = h.outlet;
  d.author = !h.author.empty() ? h.author : cleaned.author;
  d.language = h.language;
  d.via = !h.via.empty() ? h.via : cleaned.via;
  d.text = std::move(body);
  return d;
}

}  // namespace faultline
