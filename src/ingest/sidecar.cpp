#include "ingest/sidecar.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/dates.h"
#include "ingest/sniff.h"
#include "util/ascii.h"

namespace faultline {
namespace {

using nlohmann::json;

std::string TrimCopy(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// One CSV record (RFC 4180: quoted fields may hold commas, quotes doubled, newlines).
// Advances *pos past the record; false at the end of input.
bool NextCsvRecord(const std::string& s, size_t* pos, std::vector<std::string>* fields,
                   int64_t* line) {
  fields->clear();
  if (*pos >= s.size()) return false;
  std::string field;
  bool quoted = false;
  size_t i = *pos;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++*line;
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->push_back(TrimCopy(field));
      field.clear();
    } else if (c == '\n') {
      ++i;
      break;
    } else if (c != '\r') {
      field += c;
    }
  }
  fields->push_back(TrimCopy(field));
  *pos = i;
  return true;
}

std::string BaseName(const std::string& file) {
  std::string f = file;
  size_t hash = f.find('#');
  if (hash != std::string::npos) f.erase(hash);
  size_t slash = f.find_last_of('/');
  return slash == std::string::npos ? f : f.substr(slash + 1);
}

// Fills an entry from field name/value pairs; returns the keys it found.
struct RowParser {
  SidecarEntry entry;
  std::vector<std::string> keys;      // file names and ids
  std::vector<std::string> url_keys;  // matched exactly, never by base name or stem
  std::string bad_date;

  void Field(const std::string& raw_name, const std::string& value) {
    std::string name = AsciiLower(raw_name);
    if (value.empty()) return;
    if (name == "file" || name == "filename" || name == "path" || name == "id") {
      keys.push_back(value);
    } else if (name == "url") {
      entry.url = value;
      url_keys.push_back(value);
    } else if (name == "date" || name == "date_publish" || name == "published") {
      entry.date = NormalizeDate(value);
      if (entry.date.empty()) bad_date = value;
    } else if (name == "outlet" || name == "source") {
      entry.outlet = value;
    } else if (name == "title") {
      entry.title = value;
    } else if (name == "author" || name == "authors") {
      entry.author = value;
    } else if (name == "language" || name == "lang") {
      entry.language = value;
    } else if (name == "via") {
      entry.via = value;
    }
  }
};

std::string JsonText(const json& v) {
  if (v.is_string()) return TrimCopy(v.get<std::string>());
  if (v.is_number()) return v.dump();
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v)
      if (e.is_string()) out += (out.empty() ? "" : ", ") + e.get<std::string>();
    return out;
  }
  return {};
}

}  // namespace

void Sidecar::Add(SidecarEntry entry, const std::vector<std::string>& keys,
                  const std::vector<std::string>& url_keys) {
  size_t index = entries_.size();
  entries_.push_back(std::move(entry));
  for (const auto& k : keys) {
    by_key_[k] = index;
    if (std::string base = BaseName(k); !base.empty()) by_key_[base] = index;
    if (std::string stem(StemOf(BaseName(k))); !stem.empty()) by_stem_[stem] = index;
  }
  for (const auto& u : url_keys) by_key_[u] = index;
}

Result<Sidecar> Sidecar::Load(const std::string& path, const ErrorSink& on_error) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Status::Error("cannot open metadata file", path);
  if (S_ISDIR(st.st_mode)) return Status::Error("is a directory, not a metadata file (JSONL or CSV)", path);
  if (!S_ISREG(st.st_mode)) return Status::Error("not a regular file (a JSONL or CSV metadata file is expected)", path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot open metadata file", path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string content = ss.str();
  // Metadata is text: a NUL byte means a wrong file (a database, an archive, an image)
  // that would otherwise be read as one long CSV header and match nothing.
  if (std::string_view(content).substr(0, 1 << 16).find('\0') != std::string_view::npos)
    return Status::Error("binary data, not a JSONL or CSV metadata file", path);
  Result<Sidecar> sc = Parse(content, path, on_error);
  if (sc.ok() && sc->size() == 0)
    return Status::Error(content.find_first_not_of(" \t\r\n") == std::string::npos
                             ? "empty metadata file"
                             : "no usable metadata row (each needs a file, id or url)",
                         path);
  return sc;
}

Result<Sidecar> Sidecar::Parse(const std::string& content, const std::string& name,
                               const ErrorSink& on_error) {
  Sidecar sc;
  std::string first = TrimCopy(content.substr(0, content.find('\n')));
  bool csv = (name.size() >= 4 && AsciiLower(name.substr(name.size() - 4)) == ".csv") ||
             (!first.empty() && first[0] != '{');
  auto finish_row = [&](RowParser& row, int64_t line) {
    if (!row.bad_date.empty())
      on_error(Status::Warning("unrecognised date \"" + row.bad_date + "\", ignored", name, line));
    if (row.keys.empty() && row.url_keys.empty()) {
      on_error(Status::Error("metadata row has no file, id or url key", name, line));
      return;
    }
    sc.Add(std::move(row.entry), row.keys, row.url_keys);
  };
  if (csv) {
    size_t pos = 0;
    int64_t line = 1;
    std::vector<std::string> header;
    if (!NextCsvRecord(content, &pos, &header, &line))
      return Status::Error("empty metadata file", name);
    std::vector<std::string> fields;
    while (true) {
      int64_t row_line = ++line;
      if (!NextCsvRecord(content, &pos, &fields, &line)) break;
      if (fields.size() == 1 && fields[0].empty()) continue;
      if (fields.size() != header.size()) {
        on_error(Status::Error("expected " + std::to_string(header.size()) + " fields, found " +
                                   std::to_string(fields.size()),
                               name, row_line));
        continue;
      }
      RowParser row;
      for (size_t i = 0; i < fields.size(); ++i) row.Field(header[i], fields[i]);
      finish_row(row, row_line);
    }
  } else {
    std::istringstream in(content);
    std::string text;
    int64_t line = 0;
    while (std::getline(in, text)) {
      ++line;
      if (TrimCopy(text).empty()) continue;
      json rec;
      try {
        rec = json::parse(text);
      } catch (const json::exception& e) {
        on_error(Status::Error("malformed JSON in metadata", name, line));
        continue;
      }
      if (!rec.is_object()) {
        on_error(Status::Error("metadata line is not a JSON object", name, line));
        continue;
      }
      RowParser row;
      for (const auto& [k, v] : rec.items()) row.Field(k, JsonText(v));
      finish_row(row, line);
    }
  }
  return sc;
}

const SidecarEntry* Sidecar::Find(const Document& doc) const {
  for (const std::string& key : {BaseName(doc.file), doc.file, doc.id, doc.url}) {
    if (key.empty()) continue;
    auto it = by_key_.find(key);
    if (it != by_key_.end()) return &entries_[it->second];
  }
  std::string stem(StemOf(BaseName(doc.file)));
  auto it = by_stem_.find(stem);
  if (it != by_stem_.end() && !stem.empty()) return &entries_[it->second];
  return nullptr;
}

bool Sidecar::Apply(Document* doc) const {
  const SidecarEntry* e = Find(*doc);
  if (e == nullptr) return false;
  auto set = [](std::string* field, const std::string& value) {
    if (!value.empty()) *field = value;
  };
  set(&doc->date, e->date);
  set(&doc->outlet, e->outlet);
  set(&doc->url, e->url);
  set(&doc->title, e->title);
  set(&doc->author, e->author);
  set(&doc->language, e->language);
  set(&doc->via, e->via);
  return true;
}

}  // namespace faultline
