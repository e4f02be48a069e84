#include "ingest/json_reader.h"

#include <nlohmann/json.hpp>

#include "ingest/byte_stream.h"
#include "ingest/dates.h"
#include "ingest/utf8_repair.h"
#include "ingest/sniff.h"

namespace faultline {
namespace {

using nlohmann::json;

// A field's value as text: strings as they are, numbers printed, objects by their
// "name", lists joined with ", ".
std::string AsText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) return v.dump();
  if (v.is_object()) {
    for (const char* k : {"name", "@value", "value"})
      if (auto it = v.find(k); it != v.end() && it->is_string()) return it->get<std::string>();
    return {};
  }
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v) {
      std::string s = AsText(e);
      if (s.empty()) continue;
      if (!out.empty()) out += ", ";
      out += s;
    }
    return out;
  }
  return {};
}

std::string First(const json& rec, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = rec.find(k);
    if (it == rec.end()) continue;
    std::string s = AsText(*it);
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) continue;
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
  }
  return {};
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; the tag says
// nothing to a user.
std::string CleanJsonError(const char* what) {
  std::string s(what);
  if (!s.empty() && s[0] == '[') {
    size_t close = s.find("] ");
    if (close != std::string::npos) s.erase(0, close + 2);
  }
  // Each line is parsed on its own: "at line 1" would contradict the file:line prefix.
  if (size_t at = s.find("at line 1, "); at != std::string::npos) s.erase(at + 3, 8);
  return s;
}

}  // namespace

Result<Document> DocumentFromJson(const json& rec, const std::string& file, int64_t line,
                                  const ErrorSink& on_warning) {
  if (!rec.is_object()) return Status::Error("record is not a JSON object", file, line);
  Document d;
  d.text = First(rec, {"text", "maintext", "content", "content_original", "body", "articleBody",
                       "article", "full_text"});
  if (d.text.empty())
    return Status::Error("record has no text (looked for text, maintext, content, body, articleBody...)",
                         file, line);
  d.title = First(rec, {"title", "headline"});
  d.url = First(rec, {"url", "link", "canonical_url"});
  if (d.url.empty()) {
    std::string su = First(rec, {"source_url"});
    if (su.find("://") != std::string::npos) d.url = su;
  }
  std::string raw_date = First(rec, {"date_publish", "datePublished", "date_published", "published",
                                     "published_at", "publish_date", "pubDate", "date"});
  if (!raw_date.empty()) {
    d.date = NormalizeDate(raw_date);
    if (d.date.empty() && on_warning)
      on_warning(Status::Warning("unrecognised date \"" + raw_date + "\", left empty", file, line));
  }
  d.outlet = First(rec, {"outlet", "source", "source_name", "site_name", "publisher",
                         "source_domain", "domain"});
  d.author = First(rec, {"author", "authors", "byline", "creator"});
  d.via = First(rec, {"via"});
  d.id = First(rec, {"id", "ID", "_id", "uuid", "doc_id", "article_id"});
  if (d.id.empty()) d.id = std::string(StemOf(file)) + "-" + std::to_string(line);
  d.language = First(rec, {"language", "lang", "inLanguage"});
  d.file = file + "#" + std::to_string(line);
  return d;
}

void ReadJsonLines(ByteStream& in, const std::string& file, size_t max_line_bytes,
                   const DocumentSink& on_doc, const ErrorSink& on_error) {
  int64_t line = 0;
  bool broken = false;      // the stream failed (truncated gzip...): reported already
  bool told_utf8 = false;   // invalid UTF-8 is reported for the first line only
  std::string repaired;
  while (true) {
    // Find the end of the next line, reading more as needed.
    size_t eol = std::string_view::npos;
    size_t searched = 0;
    while (true) {
      std::string_view a = in.available();
      eol = a.find('\n', searched);
      if (eol != std::string_view::npos || in.eof()) break;
      searched = a.size();
      if (a.size() > max_line_bytes) break;
      Status s = in.Fill(a.size() + (1 << 16));
      if (!s.ok()) {
        broken = true;
        on_error(s.WithLocation(file));
      }
    }
    std::string_view a = in.available();
    if (a.empty()) return;
    ++line;
    if (eol == std::string_view::npos && !in.eof()) {
      on_error(Status::Error("line longer than the limit (--max-file-mb), skipped", file, line));
      // Skip to the end of this line.
      while (true) {
        std::string_view rest = in.available();
        size_t e = rest.find('\n');
        if (e != std::string_view::npos) {
          in.Consume(e + 1);
          break;
        }
        in.Consume(rest.size());
        if (in.eof()) return;
        Status s = in.Fill(1 << 16);
        if (!s.ok()) on_error(s.WithLocation(file));
      }
      continue;
    }
    // A last line without its newline after a broken stream is the cut itself.
    if (eol == std::string_view::npos && (broken || in.failed())) return;
    size_t len = eol == std::string_view::npos ? a.size() : eol;
    std::string_view text = a.substr(0, len);
    if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
      repaired.assign(text);
      size_t n = RepairUtf8(&repaired);
      if (!told_utf8) {
        on_error(Status::Error("invalid UTF-8 (" + std::to_string(n) +
                                   " sequence(s) replaced with U+FFFD; later lines of this file "
                                   "are repaired without further messages)",
                               file, line));
        told_utf8 = true;
      }
      text = repaired;
    }
    if (text.find_first_not_of(" \t\r") != std::string_view::npos) {
      json rec;
      bool parsed = true;
      try {
        rec = json::parse(text);
      } catch (const json::exception& e) {
        on_error(Status::Error("malformed JSON: " + CleanJsonError(e.what()), file, line));
        parsed = false;
      }
      if (parsed) {
        Result<Document> d = DocumentFromJson(rec, file, line, on_error);
        if (!d.ok()) on_error(d.status());
        else on_doc(std::move(d).value());
      }
    }
    in.Consume(eol == std::string_view::npos ? a.size() : eol + 1);
  }
}

void ReadJsonLines(std::string_view bytes, const std::string& file, const DocumentSink& on_doc,
                   const ErrorSink& on_error) {
  std::unique_ptr<ByteStream> in = ByteStream::FromString(std::string(bytes));
  ReadJsonLines(*in, file, bytes.size() + 1, on_doc, on_error);
}

void ReadJsonArray(std::string_view bytes, const std::string& file, const DocumentSink& on_doc,
                   const ErrorSink& on_error) {
  json all;
  try {
    all = json::parse(bytes);
  } catch (const json::exception& e) {
    on_error(Status::Error("malformed JSON: " + CleanJsonError(e.what()), file));
    return;
  }
  if (all.is_object()) all = json::array({std::move(all)});
  if (!all.is_array()) {
    on_error(Status::Error("JSON is neither an array nor an object", file));
    return;
  }
  int64_t n = 0;
  for (const auto& rec : all) {
    ++n;
    // Records are numbered by position; the error names it as a line-like index.
    Result<Document> d = DocumentFromJson(rec, file, n, on_error);
    if (!d.ok()) {
      on_error(Status::Error(d.status().reason() + " (array element " + std::to_string(n) + ")",
                             file));
      continue;
    }
    on_doc(std::move(d).value());
  }
}

}  // namespace faultline
