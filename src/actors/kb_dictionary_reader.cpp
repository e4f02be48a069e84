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
// Agents files ("GOVERNMENT_ [~GOV]", "HUMAN_RIGHTS_BODY [NGO~]") use the same lines; PETRARCH's
//   also give plurals in braces ("{ATTORNEYS_GENERAL}", "{}" for none; otherwise the regular
//   plural is added) and substitution markers ("!PERSON! = MAN, WOMAN" for "CONGRESS!PERSON!").
// Dates: YYYYMMDD or YYMMDD, two-digit years <= 30 are 20xx (as PETRARCH reads them).
// Simplification, documented in docs/actors.md: a space connector (TABARI "words may
// intervene") is matched as consecutive words, like '_'.
#include <unicode/utf8.h>

#include <cctype>
#include <map>
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

// A regular English plural of a phrase's last word, as PETRARCH generates for agents
// ("MINISTER" -> "MINISTERS", "AUTHORITY" -> "AUTHORITIES", "CHURCH" -> "CHURCHES");
// empty when the word already ends in S.
std::string RegularPlural(std::string phrase, bool tabari) {
  // TABARI closes a word with '_' (a stem otherwise: no plural of a stem).
  const bool closed = !phrase.empty() && phrase.back() == '_';
  if (tabari && !closed) return {};
  while (!phrase.empty() && phrase.back() == '_') phrase.pop_back();
  if (phrase.size() < 2) return {};
  const std::string end = closed ? "_" : "";
  const char last = phrase.back(), before = phrase[phrase.size() - 2];
  if (last == 'S') return {};
  if (last == 'Y' && std::string_view("AEIOU").find(before) == std::string_view::npos)
    return phrase.substr(0, phrase.size() - 1) + "IES" + end;
  if (last == 'X' || last == 'Z' || (last == 'H' && (before == 'C' || before == 'S'))) return phrase + "ES" + end;
  return phrase + "S" + end;
}

// PETRARCH agent lines: "ATTORNEY_GENERAL {ATTORNEYS_GENERAL}" gives the plural in braces,
// "{}" says there is none. Returns the head without the braces; `plurals` gets what they
// held, `braces` whether there were any.
std::string TakePlurals(std::string_view head, std::vector<std::string>* plurals, bool* braces) {
  *braces = false;
  const size_t open = head.find('{');
  if (open == std::string_view::npos) return std::string(head);
  const size_t close = head.find('}', open);
  *braces = true;
  if (close == std::string_view::npos) return std::string(head.substr(0, open));
  std::string_view inside = head.substr(open + 1, close - open - 1);
  size_t pos = 0;
  while (pos <= inside.size()) {
    size_t comma = inside.find(',', pos);
    if (comma == std::string_view::npos) comma = inside.size();
    const std::string_view p = AsciiTrim(inside.substr(pos, comma - pos));
    if (!p.empty()) plurals->emplace_back(p);
    pos = comma + 1;
  }
  return std::string(head.substr(0, open)) + std::string(head.substr(close + 1));
}

// Expands PETRARCH substitution markers ("!MINST!_OF_FINANCE" with "!MINST! = MINISTER,
// MINISTRY") into every phrase they stand for; a marker nobody defined is kept as written.
std::vector<std::string> ExpandMarkers(const std::string& phrase,
                                       const std::map<std::string, std::vector<std::string>>& markers) {
  std::vector<std::string> out = {phrase};
  for (size_t round = 0; round < 4; ++round) {
    std::vector<std::string> next;
    bool changed = false;
    for (const auto& p : out) {
      const size_t a = p.find('!');
      const size_t b = a == std::string::npos ? a : p.find('!', a + 1);
      auto it = b == std::string::npos ? markers.end() : markers.find(p.substr(a, b - a + 1));
      if (it == markers.end()) {
        next.push_back(p);
        continue;
      }
      changed = true;
      for (const auto& v : it->second) next.push_back(p.substr(0, a) + v + p.substr(b + 1));
    }
    out = std::move(next);
    if (!changed) break;
  }
  return out;
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
  std::map<std::string, std::vector<std::string>> markers;  // "!PERSON!" -> MAN, MEN, ...
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
    // "!PERSON! = MAN, MEN, WOMAN": a substitution marker for the phrases after it.
    if (t[0] == '!' && t.find('=') != std::string_view::npos) {
      const size_t eq = t.find('=');
      std::vector<std::string>& values = markers[std::string(AsciiTrim(t.substr(0, eq)))];
      bool braces = false;
      TakePlurals("{" + std::string(t.substr(eq + 1)) + "}", &values, &braces);
      continue;
    }
    const bool synonym = line[0] == '+';
    std::vector<DatedCode> codes;
    std::string_view head = TakeCodes(synonym ? line.substr(1) : line, &codes);
    std::vector<std::string> written;
    bool braces = false;
    std::string bare = TakePlurals(head, &written, &braces);
    bool agent = false;
    for (const auto& c : codes) agent |= c.code.find('~') != std::string::npos;
    std::vector<std::string> heads = ExpandMarkers(bare, markers);
    for (const auto& w : written)
      for (auto& e : ExpandMarkers(w, markers)) heads.push_back(std::move(e));
    // Agents are nouns: PETRARCH adds the regular plural unless braces give it.
    if (agent && !braces) {
      const size_t n = heads.size();
      for (size_t i = 0; i < n; ++i) {
        std::string p = RegularPlural(std::string(AsciiTrim(heads[i])), tabari);
        if (!p.empty()) heads.push_back(std::move(p));
      }
    }
    bool started = synonym && current != nullptr;
    for (const auto& h : heads) {
      std::string phrase;
      bool stem = false;
      if (!NormalizePhrase(h, tabari, &phrase, &stem)) continue;
      if (!started) start_entry(lineno);
      started = true;
      current->phrases.push_back(std::move(phrase));
      current->stems.push_back(stem);
    }
    if (!started) continue;
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
