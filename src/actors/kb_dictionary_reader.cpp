// Reads PETRARCH and TABARI actor dictionaries (the formats of the Phoenix / CountryInfo
// and KEDS Levant dictionaries) into DictionaryEntry records.
//
// PETRARCH (PETRreader.read_actor_dictionary):
//   PRIMARY_PHRASE  [CODE]          # primary phrase, optional default code
//   +SYNONYM_PHRASE                 # synonyms share the codes
//   <TAB>[CODE >YYMMDD]             # restriction: after (inclusive)
//   <TAB>[CODE <YYMMDD]             #              before (inclusive)
//   <TAB>[CODE YYMMDD-YYMMDD]       #              between (inclusive)
//   <TAB>[CODE]                     # default code
//   comments: '#' to end of line, lines starting with '<' ("<!-- ... -->"); ---STOP--- ends.
// TABARI: one entry a line, restrictions inline ("NAME_ [EGYGOV <890501] [---]"), ';'
//   comments, <NOUN>/<ADJECTIVE> sections (not actors: skipped), and a phrase whose last
//   word has no final '_' is a stem (matches any word it begins: ARGENTIN -> Argentina).
// Dates: YYYYMMDD or YYMMDD, two-digit years <= 30 are 20xx (as PETRARCH reads them).
// Simplification, documented in docs/actors.md: a space connector (TABARI "words may
// intervene") is matched as consecutive words, like '_'.
#include <unicode/utf8.h>

#include <cctype>
#include <sstream>

#include "actors/kb_readers.h"
#include "util/ascii.h"

namespace faultline {

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Old dictionaries mix Latin-1 bytes into ASCII files: keep valid UTF-8, read the rest
// as Latin-1.
std::string ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) {
      const unsigned char b = static_cast<unsigned char>(s[start]);
      out += static_cast<char>(0xC0 | (b >> 6));
      out += static_cast<char>(0x80 | (b & 0x3F));
      i = start + 1;
    } else {
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

// "YYMMDD" or "YYYYMMDD" -> "YYYY-MM-DD"; empty when malformed.
std::string DictDate(std::string_view d) {
  for (char c : d)
    if (!std::isdigit(static_cast<unsigned char>(c))) return {};
  int year, month, day;
  if (d.size() == 8) {
    year = std::stoi(std::string(d.substr(0, 4)));
    month = std::stoi(std::string(d.substr(4, 2)));
    day = std::stoi(std::string(d.substr(6, 2)));
  } else if (d.size() == 6) {
    year = std::stoi(std::string(d.substr(0, 2)));
    year += year <= 30 ? 2000 : 1900;
    month = std::stoi(std::string(d.substr(2, 2)));
    day = std::stoi(std::string(d.substr(4, 2)));
  } else {
    return {};
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// One "[...]" group: "CODE", "CODE >date", "CODE <date", "CODE d1-d2". False if malformed.
bool ParseCode(std::string_view inside, DatedCode* out) {
  inside = AsciiTrim(inside);
  if (inside.empty()) return false;
  const size_t sp = inside.find_first_of(" \t");
  out->code = std::string(inside.substr(0, sp));
  if (out->code.find_first_not_of("0123456789-") == std::string::npos) return false;  // no code
  if (sp == std::string_view::npos) {
    out->default_code = true;
    return true;
  }
  std::string_view rest = AsciiTrim(inside.substr(sp));
  if (rest.empty()) {
    out->default_code = true;
    return true;
  }
  if (rest[0] == '<' || rest[0] == '>') {
    const std::string d = DictDate(AsciiTrim(rest.substr(1)));
    if (d.empty()) return false;
    (rest[0] == '<' ? out->to : out->from) = d;
    return true;
  }
  const size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return false;
  out->from = DictDate(AsciiTrim(rest.substr(0, dash)));
  out->to = DictDate(AsciiTrim(rest.substr(dash + 1)));
  return !out->from.empty() && !out->to.empty() && out->from <= out->to;
}

// Reads every "[...]" in `s` into `codes`; returns the text before the first '['.
std::string_view TakeCodes(std::string_view s, std::vector<DatedCode>* codes) {
  const size_t first = s.find('[');
  std::string_view head = s.substr(0, first);
  size_t pos = first;
  while (pos != std::string_view::npos) {
    const size_t close = s.find(']', pos);
    if (close == std::string_view::npos) break;
    DatedCode c;
    if (ParseCode(s.substr(pos + 1, close - pos - 1), &c)) codes->push_back(std::move(c));
    pos = s.find('[', close);
  }
  return head;
}

// "AFGHANISTAN_" -> "AFGHANISTAN", stem=false; "ARGENTIN" -> stem=true (TABARI only).
bool NormalizePhrase(std::string_view raw, bool tabari, std::string* phrase, bool* stem) {
  raw = AsciiTrim(raw);
  if (raw.empty()) return false;
  *stem = tabari && raw.back() != '_';
  std::string out;
  for (char c : raw) {
    if (c == '_' || c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() < 2) return false;
  *phrase = ToUtf8(out);
  return true;
}

}  // namespace

DictionaryFormat SniffFormat(const std::string& text, const std::string& name) {
  auto ends = [&](const char* ext) {
    const std::string e(ext);
    return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".yaml") || ends(".yml")) return DictionaryFormat::kYaml;
  std::istringstream in(text);
  std::string line;
  bool synonyms = false, tab_codes = false, sections = false, semicolons = false;
  bool first = true;
  while (std::getline(in, line)) {
    const std::string_view t = AsciiTrim(line);
    if (t.empty() || t[0] == '#') continue;
    if (first) {
      first = false;
      // "actors:" / "people:" ... on the first real line: our YAML under another name.
      for (const char* k : {"actors:", "groups:", "roles:", "people:", "context:", "cameo:",
                            "disambiguation:"})
        if (StartsWith(t, k)) return DictionaryFormat::kYaml;
    }
    if (line[0] == '+') synonyms = true;
    if (line[0] == '\t' && t[0] == '[') tab_codes = true;
    if (t == "<NOUN>" || t == "<ADJECTIVE>") sections = true;
    if (t.find(';') != std::string_view::npos) semicolons = true;
  }
  if (sections) return DictionaryFormat::kTabari;
  if (!synonyms && !tab_codes && semicolons) return DictionaryFormat::kTabari;
  return DictionaryFormat::kPetrarch;
}

Status KbDictionaryReader::Read(const std::string& text) {
  const bool tabari = format_ == DictionaryFormat::kTabari;
  const char* label = tabari ? "tabari" : "petrarch";
  std::vector<DictionaryEntry>& out = kb_->dictionary_;
  const size_t before = out.size();
  DictionaryEntry* current = nullptr;
  std::istringstream in(text);
  std::string raw;
  int64_t lineno = 0;
  bool in_section = false, in_comment = false;
  auto start_entry = [&](int64_t line) {
    out.emplace_back();
    current = &out.back();
    current->format = label;
    current->source = file_ + ":" + std::to_string(line);
  };
  while (std::getline(in, raw)) {
    ++lineno;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    std::string_view line = raw;
    if (in_comment) {
      if (line.find("-->") != std::string_view::npos) in_comment = false;
      continue;
    }
    const std::string_view t = AsciiTrim(line);
    if (t.empty()) continue;
    if (t.find("---STOP---") != std::string_view::npos) break;
    if (t == "<NOUN>" || t == "<ADJECTIVE>") { in_section = true; continue; }
    if (t == "</NOUN>" || t == "</ADJECTIVE>") { in_section = false; continue; }
    if (in_section) continue;
    if (t[0] == '<') {
      if (StartsWith(t, "<!--") && t.find("-->") == std::string_view::npos) in_comment = true;
      continue;
    }
    if (t[0] == '#') continue;
    // Comments: ';' in both (old KEDS/TABARI habit), '#' in PETRARCH only: TABARI uses
    // "[###]" as a code.
    size_t cut = line.find(';');
    if (!tabari) cut = std::min(cut, line.find('#'));
    if (cut != std::string_view::npos) line = line.substr(0, cut);
    if (AsciiTrim(line).empty()) continue;

    if (std::isspace(static_cast<unsigned char>(line[0])) && AsciiTrim(line)[0] == '[') {
      if (current == nullptr) continue;  // a restriction before any phrase: skipped
      TakeCodes(line, &current->codes);
      continue;
    }
    const bool synonym = line[0] == '+';
    std::vector<DatedCode> codes;
    std::string_view head = TakeCodes(synonym ? line.substr(1) : line, &codes);
    std::string phrase;
    bool stem = false;
    if (!NormalizePhrase(head, tabari, &phrase, &stem)) continue;
    if (!synonym || current == nullptr) start_entry(lineno);
    current->phrases.push_back(std::move(phrase));
    current->stems.push_back(stem);
    for (auto& c : codes) current->codes.push_back(std::move(c));
  }
  // Entries with no code at all name nothing faultline can use.
  size_t kept = before;
  for (size_t i = before; i < out.size(); ++i) {
    if (out[i].codes.empty()) continue;
    if (kept != i) out[kept] = std::move(out[i]);
    ++kept;
  }
  out.resize(kept);
  if (kept == before)
    return Status::Error(std::string("no actor entries found (read as a ") + label +
                             " dictionary)",
                         file_);
  return Status::Ok();
}

}  // namespace faultline
