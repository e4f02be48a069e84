#include "ingest/sniff.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace faultline {
namespace {

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i])
      return false;
  return true;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

bool LooksHtml(std::string_view s) {
  // Skip an XML declaration and comments before the first element.
  for (int guard = 0; guard < 8; ++guard) {
    if (StartsWithNoCase(s, "<?xml") || StartsWithNoCase(s, "<!--")) {
      size_t end = s.find(s[1] == '?' ? "?>" : "-->");
      if (end == std::string_view::npos) return false;
      s = SkipBomAndSpace(s.substr(end + (s[1] == '?' ? 2 : 3)));
      continue;
    }
    break;
  }
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"})
    if (StartsWithNoCase(s, tag)) return true;
  return false;
}

bool LooksBinary(std::string_view s) {
  // NUL bytes never occur in text; more than a few percent of other control
  // characters means a binary format (images, PDFs, archives).
  std::string_view head = s.substr(0, 4096);
  size_t control = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 > head.size();
}

}  // namespace

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kEmpty: return "empty";
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kJsonLines: return "jsonl";
    case InputFormat::kJsonArray: return "json";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kBinary: return "binary";
  }
  return "unknown";
}

std::string_view StemOf(std::string_view name) {
  if (name == "-") return "stdin";
  size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  // Strip known extensions one by one ("x.warc.gz", "x.jsonl.gz", "x.html"), but keep
  // dots that are part of the name ("report.v2" stays as it is unless it is a format).
  static constexpr std::string_view kExtensions[] = {
      ".gz", ".xz", ".bz2", ".zst", ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json",
      ".warc", ".md", ".csv"};
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (std::string_view ext : kExtensions) {
      if (name.size() > ext.size() && EndsWithNoCase(name, ext)) {
        name.remove_suffix(ext.size());
        stripped = true;
        break;
      }
    }
  }
  return name;
}

InputFormat SniffFormat(std::string_view name, std::string_view bytes) {
  std::string_view s = SkipBomAndSpace(bytes);
  if (s.empty()) return InputFormat::kEmpty;
  if (LooksBinary(s)) return InputFormat::kBinary;
  if (s.substr(0, 5) == "WARC/") return InputFormat::kWarc;
  if (LooksHtml(s)) return InputFormat::kHtml;
  if (s.front() == '[' && (EndsWithNoCase(name, ".json") || s.find('{') < 64))
    return InputFormat::kJsonArray;
  if (s.front() == '{' || EndsWithNoCase(name, ".jsonl") || EndsWithNoCase(name, ".ndjson"))
    return InputFormat::kJsonLines;
  // Content did not decide: the extension may still say HTML ("<div>..." fragments).
  if ((EndsWithNoCase(name, ".html") || EndsWithNoCase(name, ".htm") || EndsWithNoCase(name, ".xhtml")) &&
      s.front() == '<')
    return InputFormat::kHtml;
  return InputFormat::kText;
}

}  // namespace faultline
