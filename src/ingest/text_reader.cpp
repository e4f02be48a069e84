#include "ingest/text_reader.h"

#include <cctype>

#include "ingest/dates.h"
#include "ingest/furniture.h"
#include "ingest/sniff.h"

namespace faultline {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Sets the header field named `key`; false when the key is not a header key.
bool SetHeaderField(TextHeader* h, const std::string& key, std::string_view value) {
  std::string v(value);
  if (key == "title") h->title = v;
  else if (key == "url") h->url = v;
  else if (key == "date") h->date = v;
  else if (key == "outlet" || key == "source") h->outlet = v;
  else if (key == "author") h->author = v;
  else if (key == "language" || key == "lang") h->language = v;
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
    std::string_view line = Trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty()) {
      if (lines == 0) return TextHeader{};
      h.body_offset = pos;
      return h;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon > 16) return TextHeader{};
    if (!SetHeaderField(&h, Lower(Trim(line.substr(0, colon))), Trim(line.substr(colon + 1))))
      return TextHeader{};
    ++lines;
  }
  return TextHeader{};
}

Result<Document> ReadTextDocument(std::string_view text, const std::string& file,
                                  const std::function<void(const Status&)>& on_warning) {
  TextHeader h = ParseTextHeader(text);
  CleanedText cleaned = CleanTextDump(text.substr(h.body_offset));
  std::string body(Trim(cleaned.text));
  if (body.empty()) return Status::Error("no text after cleaning", file);
  Document d;
  d.id = std::string(StemOf(file));
  d.file = file;
  d.url = h.url;
  d.title = !h.title.empty() ? h.title : cleaned.title;
  if (!h.date.empty()) {
    d.date = NormalizeDate(h.date);
    if (d.date.empty() && on_warning)
      on_warning(Status::Error("unrecognised date in header line: \"" + h.date + "\"", file));
  } else {
    d.date = cleaned.date;
  }
  d.outlet = h.outlet;
  d.author = !h.author.empty() ? h.author : cleaned.author;
  d.language = h.language;
  d.text = std::move(body);
  return d;
}

}  // namespace faultline
