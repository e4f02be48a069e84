#include "ingest/csv_articles.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "ingest/json_reader.h"
#include "util/csv.h"

namespace faultline {
namespace {

// The column names DocumentFromJson takes the text from.
constexpr const char* kTextColumns[] = {"text", "maintext", "content", "content_original", "body",
                                        "articlebody", "article", "full_text"};

char Delimiter(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".tsv") == 0 ? '\t' : ',';
}

bool HasSuffix(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* ext : {".csv", ".tsv"})
    if (lower.size() > 4 && lower.compare(lower.size() - 4, 4, ext) == 0) return true;
  return false;
}

std::string Trimmed(std::string s) {
  if (s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.erase(0, 3);  // a spreadsheet's BOM
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool IsTextColumn(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* t : kTextColumns)
    if (name == t) return true;
  return false;
}

}  // namespace

bool IsArticleCsv(std::string_view name, std::string_view bytes) {
  if (!HasSuffix(name)) return false;
  CsvReader reader(bytes, Delimiter(name));
  std::vector<std::string> header;
  if (!reader.Next(&header)) return false;
  return std::any_of(header.begin(), header.end(), [](const std::string& h) { return IsTextColumn(Trimmed(h)); });
}

void ReadArticleCsv(std::string_view bytes, const std::string& file, const DocumentSink& on_doc,
                    const ErrorSink& on_error) {
  CsvReader reader(bytes, Delimiter(file));
  std::vector<std::string> header, row;
  if (!reader.Next(&header)) return;
  for (auto& h : header) h = Trimmed(h);
  int64_t n = 0;
  while (reader.Next(&row)) {
    ++n;
    if (row.size() == 1 && Trimmed(row[0]).empty()) continue;  // a blank line
    if (row.size() != header.size()) {
      on_error(Status::Error("row has " + std::to_string(row.size()) + " fields, the header " +
                                 std::to_string(header.size()) + "; skipped",
                             file, reader.line()));
      continue;
    }
    // The row as the JSON record it stands for, so both readers take the same fields.
    nlohmann::json record = nlohmann::json::object();
    for (size_t k = 0; k < header.size(); ++k) {
      if (header[k].empty()) continue;
      record[header[k]] = row[k];
      std::string lower = header[k];  // "Title", "Date" as spreadsheets capitalise them
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      if (!record.contains(lower)) record[lower] = row[k];
    }
    Result<Document> d = DocumentFromJson(record, file, reader.line(), on_error);
    if (!d.ok()) {
      on_error(d.status());
      continue;
    }
    d->file = file + "#" + std::to_string(n);
    on_doc(std::move(d).value());
  }
}

}  // namespace faultline
