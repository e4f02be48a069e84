// Furniture cleaning: YAML line rules compiled into two RE2 sets, then block rules
// over the lines' neighbourhoods. See furniture.h for the order of decisions.
#include "ingest/furniture.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "ingest/dates.h"
#include "util/data_path.h"

namespace faultline {

// ---------------------------------------------------------------------------------
// Rules

struct FurnitureRules::Compiled {
  std::vector<FurnitureRule> rules;
  size_t longest = 0;  // the largest max_length: longer lines (most paragraphs) skip the sets
  std::vector<std::unique_ptr<RE2>> single;  // per rule, for captures
  // Rules anchored at the line start ("^...", "(?i)^...") and the others, in two sets:
  // one unanchored set over all rules builds far more DFA states (every pattern gets a
  // leading .*?) and ran 3x slower. Each entry maps a set index to its rule index.
  std::unique_ptr<RE2::Set> start_set, any_set;
  std::vector<int> start_rule, any_rule;
};

namespace {

// True when the pattern can only match at the start of the line: a '^' after any
// leading flag groups such as "(?i)", and no top-level '|' (in "^a|b" the b is free).
bool AnchoredAtStart(std::string_view p) {
  while (p.starts_with("(?") && p.size() > 3) {
    size_t close = p.find(')');
    if (close == std::string_view::npos || p.substr(2, close - 2).find(':') != std::string_view::npos) break;
    p.remove_prefix(close + 1);
  }
  if (!p.starts_with("^")) return false;
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      ++i;  // the escaped character
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // "[]...]": a literal ']'
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::vector<FurnitureRule>& FurnitureRules::rules() const {
  static const std::vector<FurnitureRule> kNone;
  return compiled_ ? compiled_->rules : kNone;
}

Result<FurnitureRules> FurnitureRules::FromRules(std::vector<FurnitureRule> rules) {
  auto c = std::make_shared<Compiled>();
  RE2::Options opts;
  opts.set_log_errors(false);
  // The sets' DFAs are built lazily; with the default 8 MB their cache thrashed. The
  // memory is a ceiling, not an allocation (about 15-60 MB resident in practice).
  opts.set_max_mem(128 << 20);
  c->start_set = std::make_unique<RE2::Set>(opts, RE2::ANCHOR_START);
  c->any_set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  for (size_t i = 0; i < rules.size(); ++i) {
    const FurnitureRule& r = rules[i];
    auto re = std::make_unique<RE2>(r.pattern, opts);
    if (!re->ok())
      return Status::Error("furniture rule '" + r.name + "': pattern does not compile: " + re->error());
    if (r.kind == "byline" && re->NumberOfCapturingGroups() < 1)
      return Status::Error("furniture rule '" + r.name + "': a byline pattern needs a group for the author");
    if (r.kind == "relay" && re->NumberOfCapturingGroups() < 1)
      return Status::Error("furniture rule '" + r.name + "': a relay pattern needs a group for the outlet");
    std::string err;
    const bool start = AnchoredAtStart(r.pattern);
    RE2::Set* set = start ? c->start_set.get() : c->any_set.get();
    if (set->Add(r.pattern, &err) < 0) return Status::Error("furniture rule '" + r.name + "': " + err);
    (start ? c->start_rule : c->any_rule).push_back(static_cast<int>(i));
    c->single.push_back(std::move(re));
    c->longest = std::max(c->longest, r.max_length);
  }
  if (!c->start_set->Compile() || !c->any_set->Compile())
    return Status::Error("furniture rules: the pattern set is too large to compile");
  c->rules = std::move(rules);
  FurnitureRules out;
  out.compiled_ = std::move(c);
  return out;
}

namespace {

// Reads the `rules:` list of one YAML document, appending to `out`.
Status ParseRules(std::string_view yaml, const std::string& origin, std::vector<FurnitureRule>* out) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return Status::Error("not valid YAML: " + e.msg, origin, e.mark.line + 1);
  }
  if (!root || root.IsNull()) return Status::Ok();  // an empty file adds nothing
  if (!root.IsMap() || !root["rules"] || !root["rules"].IsSequence())
    return Status::Error("expected a map with a 'rules:' list", origin, 1);
  for (const YAML::Node& n : root["rules"]) {
    const int64_t line = n.Mark().line + 1;
    if (!n.IsMap()) return Status::Error("a rule must be a map", origin, line);
    FurnitureRule r;
    try {
      if (!n["name"] || !n["pattern"]) return Status::Error("a rule needs 'name' and 'pattern'", origin, line);
      r.name = n["name"].as<std::string>();
      r.pattern = n["pattern"].as<std::string>();
      if (n["kind"]) r.kind = n["kind"].as<std::string>();
      if (n["max_length"]) r.max_length = n["max_length"].as<size_t>();
      if (n["to_blank"]) r.to_blank = n["to_blank"].as<bool>();
    } catch (const YAML::Exception& e) {
      return Status::Error("rule field of the wrong type: " + e.msg, origin, e.mark.line + 1);
    }
    out->push_back(std::move(r));
  }
  return Status::Ok();
}

}  // namespace

Result<FurnitureRules> FurnitureRules::FromYaml(std::string_view yaml, const std::string& origin) {
  std::vector<FurnitureRule> rules;
  if (Status s = ParseRules(yaml, origin, &rules); !s.ok()) return s;
  Result<FurnitureRules> r = FromRules(std::move(rules));
  if (!r.ok()) return r.status().WithLocation(origin);
  return r;
}

Result<FurnitureRules> FurnitureRules::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::Error("no furniture rules folder", dir);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  if (ec) return Status::Error("cannot list: " + ec.message(), dir);
  std::sort(files.begin(), files.end());
  std::vector<FurnitureRule> rules;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::Error("cannot read", p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    if (Status s = ParseRules(ss.str(), p.string(), &rules); !s.ok()) return s;
  }
  Result<FurnitureRules> r = FromRules(std::move(rules));
  if (!r.ok()) return r.status().WithLocation(dir);
  return r;
}

const FurnitureRule* FurnitureRules::Match(std::string_view line) const {
  if (!compiled_ || compiled_->rules.empty() || line.size() > compiled_->longest) return nullptr;
  std::vector<int> hits, rule_hits;
  if (compiled_->start_set->Match(line, &hits))
    for (int h : hits) rule_hits.push_back(compiled_->start_rule[h]);
  hits.clear();
  if (compiled_->any_set->Match(line, &hits))
    for (int h : hits) rule_hits.push_back(compiled_->any_rule[h]);
  std::sort(rule_hits.begin(), rule_hits.end());
  for (int h : rule_hits) {
    const FurnitureRule& r = compiled_->rules[h];
    if (line.size() <= r.max_length) return &r;
  }
  return nullptr;
}

std::string FurnitureRules::CaptureAuthor(const FurnitureRule& rule, std::string_view line) const {
  if (!compiled_) return {};
  const size_t i = &rule - compiled_->rules.data();
  if (i >= compiled_->rules.size()) return {};
  std::string author;
  if (!RE2::PartialMatch(line, *compiled_->single[i], &author)) return {};
  return author;
}

const Result<FurnitureRules>& DefaultFurnitureRules() {
  // Loaded once, then read-only: a function-local static is initialised thread-safely.
  static const Result<FurnitureRules> rules = [] {
    return FurnitureRules::LoadDir(DataFile("furniture"));
  }();
  return rules;
}

// ---------------------------------------------------------------------------------
// Line shapes

namespace {

std::string_view Trim(std::string_view s) {
  auto is_space_at_front = [&](std::string_view t) -> size_t {
    if (t.empty()) return 0;
    unsigned char c = t[0];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (t.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(t[1]) == 0xA0) return 2;       // NBSP
    if (t.size() >= 3 && c == 0xEF && static_cast<unsigned char>(t[1]) == 0xBB &&
        static_cast<unsigned char>(t[2]) == 0xBF) return 3;                                      // BOM
    return 0;
  };
  while (size_t n = is_space_at_front(s)) s.remove_prefix(n);
  while (!s.empty()) {
    unsigned char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// Ends with . ! ? or … , possibly followed by closing quotes and brackets.
bool EndsSentence(std::string_view s) {
  while (!s.empty()) {
    unsigned char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
               static_cast<unsigned char>(s[s.size() - 2]) == 0x80 &&
               (c == 0x9D || c == 0x99)) {  // ” ’
      s.remove_suffix(3);
    } else if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 && c == 0xBB) {  // »
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?') return true;
  return s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6";  // …
}

bool IsSentenceLike(std::string_view s) { return EndsSentence(s) && WordCount(s) >= 2; }

// Starts like a heading: a capital, a digit, a quote or a non-ASCII letter (no case test
// there: Cyrillic headlines count too).
bool StartsLikeHeading(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s[0];
  if (c >= 'a' && c <= 'z') return false;
  return true;
}

bool IsHeadlineLike(std::string_view s, size_t min_words, size_t max_words) {
  if (s.empty() || EndsSentence(s)) return false;
  char last = s.back();
  if (last == ',' || last == ';' || last == ':') return false;
  size_t w = WordCount(s);
  return w >= min_words && w <= max_words && StartsLikeHeading(s);
}

// Reads like running text: eight words or more, most of them starting in lower case.
// (Widget titles, site names and credit lines are short or title-cased.)
bool IsProseLike(std::string_view s) {
  size_t words = 0, lower = 0;
  bool at_start = true;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      at_start = true;
      continue;
    }
    if (at_start) {
      ++words;
      if (c >= 'a' && c <= 'z') ++lower;
    }
    at_start = false;
  }
  return words >= 8 && lower * 2 >= words;
}

// Most longer words capitalised, as in "How Much Is Frozen, and Where?": a headline
// even when it ends in a question mark.
bool IsTitleCased(std::string_view s) {
  size_t long_words = 0, capitalised = 0, len = 0;
  bool upper = false;
  auto end_word = [&]() {
    if (len >= 4) {
      ++long_words;
      if (upper) ++capitalised;
    }
    len = 0;
  };
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      end_word();
      continue;
    }
    if (len == 0) upper = (c >= 'A' && c <= 'Z');
    ++len;
  }
  end_word();
  return long_words >= 3 && capitalised * 10 >= long_words * 7;
}

// A line that reads like the title of a linked story.
bool IsLinkLike(std::string_view s, size_t max_words) {
  if (IsHeadlineLike(s, 1, max_words)) return true;
  return WordCount(s) <= max_words && StartsLikeHeading(s) && IsTitleCased(s) && !IsProseLike(s);
}

bool IsBullet(std::string_view s) {
  return s.size() > 2 && ((s[0] == '-' || s[0] == '*') && s[1] == ' ');
}

struct Line {
  std::string_view text;  // trimmed
  size_t number = 0;      // 1-based
  bool blank = false;
  bool kept = true;
  std::string rule;                     // why it was removed
  const FurnitureRule* match = nullptr; // the line rule that matched, if any
};

void Remove(Line* l, std::string_view rule) {
  if (!l->kept || l->blank) return;
  l->kept = false;
  l->rule = std::string(rule);
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0, n = 1;
  while (start <= text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    Line l;
    l.text = Trim(text.substr(start, end - start));
    l.number = n++;
    l.blank = l.text.empty();
    lines.push_back(l);
    if (end == text.size()) break;
    start = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
  }
  return lines;
}

// Index of the previous / next non-blank line, or -1.
long PrevNonBlank(const std::vector<Line>& lines, long i) {
  for (--i; i >= 0; --i)
    if (!lines[i].blank) return i;
  return -1;
}
long NextNonBlank(const std::vector<Line>& lines, long i) {
  for (++i; i < static_cast<long>(lines.size()); ++i)
    if (!lines[i].blank) return i;
  return -1;
}

bool HasKind(const Line& l, std::string_view kind) { return l.match != nullptr && l.match->kind == kind; }

// Words that carry something besides a time of day: "05:40", "PM", "GMT", "|" and
// "," do not count, so "3 June, 05:40 PM" is a date line and nothing else.
size_t ContentWords(std::string_view s) {
  size_t n = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    std::string_view w = s.substr(b, i - b);
    while (!w.empty() && std::strchr(",.;:|()[]-", w.front()) != nullptr) w.remove_prefix(1);
    while (!w.empty() && std::strchr(",.;:|()[]-", w.back()) != nullptr) w.remove_suffix(1);
    if (w.empty()) continue;
    bool time = true, caps = w.size() >= 2 && w.size() <= 4;
    for (char c : w) {
      time = time && ((c >= '0' && c <= '9') || c == ':' || c == '.' || c == '+');
      caps = caps && c >= 'A' && c <= 'Z';
    }
    std::string lower(w);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (time || caps || lower == "am" || lower == "pm" || lower == "a.m" || lower == "p.m") continue;
    ++n;
  }
  return n;
}

// A short line that is mostly a date ("Friday, March 31, 2023", "Updated: Mar. 28, 2022
// 10:15", a picture caption ending in a date): the date and at most `max_other` words.
std::string DateOfDateLine(std::string_view s, size_t max_other, bool caption = false) {
  if (s.size() > 120) return {};
  DateMatch m = FindDate(s);
  if (m.iso.empty()) return {};
  const size_t after = ContentWords(s.substr(m.end));
  const size_t other = ContentWords(s.substr(0, m.begin)) + after;
  if (other > max_other) return {};
  // A sentence that mentions a date ("The sides are to meet again on Nov. 20.",
  // "Welcome to December 1985.") is text, not a date line.
  if (other > 0 && EndsSentence(s)) return {};
  // A picture caption dates the picture; only an image line that ends in its date
  // ("NATO flag - Sputnik International, 1920, 29.03.2022") dates the page.
  if (caption && after > 0) return {};
  return m.iso;
}

// ---------------------------------------------------------------------------------
// Block rules, in the order CleanTextDump applies them.

void ApplyLineRules(const FurnitureRules& rules, std::vector<Line>* lines, CleanedText* out) {
  size_t nonblank = 0;
  for (const Line& l : *lines) nonblank += l.blank ? 0 : 1;
  size_t seen = 0;
  for (size_t i = 0; i < lines->size(); ++i) {
    Line& l = (*lines)[i];
    if (l.blank) continue;
    ++seen;
    if (!l.kept) continue;  // already taken by a block
    l.match = rules.Match(l.text);
    if (l.match == nullptr) continue;
    const FurnitureRule& r = *l.match;
    if (r.kind == "byline" && out->author.empty()) {
      out->author = std::string(Trim(rules.CaptureAuthor(r, l.text)));
      if (!out->author.empty()) out->author_line = l.number;
    }
    // Another outlet's own furniture ("Read on RBC Pro") in the page: its text was
    // taken from that outlet. The line goes; the outlet is kept for the stories stage.
    if (r.kind == "relay" && out->via.empty()) {
      out->via = std::string(Trim(rules.CaptureAuthor(r, l.text)));
      if (!out->via.empty()) out->via_line = l.number;
    }
    Remove(&l, r.name);
    if (r.to_blank) {
      for (size_t j = i + 1; j < lines->size() && !(*lines)[j].blank; ++j) Remove(&(*lines)[j], r.name);
    }
    // A comment section or site footer in the second half: nothing after it is article.
    if (r.kind == "end" && seen * 2 >= nonblank) {
      for (size_t j = i + 1; j < lines->size(); ++j) Remove(&(*lines)[j], "end-section");
      break;
    }
  }
}

// Lines the page shows twice are captions, pull quotes or widgets: a repeated
// non-sentence (or a repeated caption) goes everywhere, a repeated sentence keeps
// its first occurrence.
void DropRepeatedLines(std::vector<Line>* lines) {
  std::unordered_map<std::string_view, std::vector<size_t>> where;
  for (size_t i = 0; i < lines->size(); ++i) {
    const Line& l = (*lines)[i];
    if (!l.blank && l.text.size() <= 400 && WordCount(l.text) >= 2) where[l.text].push_back(i);
  }
  for (auto& [text, idx] : where) {
    if (idx.size() < 2) continue;
    bool caption = false;
    for (size_t i : idx) caption = caption || HasKind((*lines)[i], "caption");
    const bool all = caption || !IsSentenceLike(text);
    for (size_t k = all ? 0 : 1; k < idx.size(); ++k) Remove(&(*lines)[idx[k]], "repeated-line");
  }
}

// The first kept line at the top, when headline-like, is the title. Pure date lines
// above it are skipped. Returns its index or -1.
long FindTitle(std::vector<Line>* lines) {
  size_t looked = 0;
  for (size_t i = 0; i < lines->size() && looked < 12; ++i) {
    Line& l = (*lines)[i];
    if (l.blank) continue;
    ++looked;
    if (!l.kept) continue;
    if (!DateOfDateLine(l.text, 2).empty()) continue;
    if (IsHeadlineLike(l.text, 3, 40)) {
      Remove(&l, "title");
      return static_cast<long>(i);
    }
    return -1;
  }
  return -1;
}

// The date line nearest the title (after it first, the way most pages print
// "title / date / body"; else before it); without a title, the first near the top.
std::string FindDateLine(std::vector<Line>* lines, long title, size_t* line_number) {
  const int kWindow = 4;
  auto take = [&](long i) {
    const Line& l = (*lines)[i];
    std::string iso = DateOfDateLine(l.text, 8, HasKind(l, "caption"));
    if (!iso.empty() && (*lines)[i].kept && !DateOfDateLine((*lines)[i].text, 3).empty())
      Remove(&(*lines)[i], "date-line");
    if (!iso.empty()) *line_number = (*lines)[i].number;
    return iso;
  };
  if (title < 0) {
    long i = -1;
    for (int k = 0; k < 2 * kWindow; ++k) {
      i = NextNonBlank(*lines, i);
      if (i < 0) break;
      if (std::string iso = take(i); !iso.empty()) return iso;
    }
    return {};
  }
  long i = title;
  for (int k = 0; k < kWindow; ++k) {
    i = NextNonBlank(*lines, i);
    if (i < 0) break;
    if (std::string iso = take(i); !iso.empty()) return iso;
  }
  i = title;
  for (int k = 0; k < kWindow; ++k) {
    i = PrevNonBlank(*lines, i);
    if (i < 0) break;
    if (std::string iso = take(i); !iso.empty()) return iso;
  }
  return {};
}

// After a "Related"/"Read also" marker, the run of short headline-like lines (or
// bullets) is a link list; it ends at the first real paragraph.
void DropRelatedLists(std::vector<Line>* lines) {
  for (long i = 0; i < static_cast<long>(lines->size()); ++i) {
    if (!HasKind((*lines)[i], "related")) continue;
    for (long j = NextNonBlank(*lines, i); j >= 0; j = NextNonBlank(*lines, j)) {
      Line& l = (*lines)[j];
      if (!l.kept) continue;
      bool link = IsLinkLike(l.text, 20) || (IsBullet(l.text) && WordCount(l.text) <= 25);
      if (!link) break;
      Remove(&l, "related-list");
    }
  }
}

// "Dave Doe is the news editor of ..." after a byline naming Dave Doe.
void DropAuthorBio(std::vector<Line>* lines, const std::string& author) {
  if (author.empty()) return;
  for (Line& l : *lines) {
    if (!l.kept || l.text.size() > 400 || l.text.substr(0, author.size()) != author) continue;
    std::string_view rest = l.text.substr(author.size());
    if (rest.starts_with(" is ") || rest.starts_with(" was ") || rest.starts_with(" has ") ||
        rest.starts_with(", ") || rest.starts_with(" writes ") || rest.starts_with(" covers "))
      Remove(&l, "author-bio");
  }
}

// Three or more short headline-like lines in a row, without a marker, are a link list
// (a single one is a standfirst or a subheading and stays).
void DropLinkRuns(std::vector<Line>* lines) {
  std::vector<long> run;
  auto flush = [&]() {
    if (run.size() >= 3)
      for (long k : run) Remove(&(*lines)[k], "link-list");
    run.clear();
  };
  for (long i = 0; i < static_cast<long>(lines->size()); ++i) {
    const Line& l = (*lines)[i];
    if (l.blank || !l.kept) continue;
    if (IsHeadlineLike(l.text, 2, 15)) {
      run.push_back(i);
    } else {
      flush();
    }
  }
  flush();
}

// Whatever trails the last real paragraph and is not a sentence (widget titles, site
// names, credit lines, "X", "poster") is page furniture. Running text that merely
// lacks its final full stop is a paragraph and ends the tail.
void DropTail(std::vector<Line>* lines) {
  for (long i = static_cast<long>(lines->size()) - 1; i >= 0; --i) {
    Line& l = (*lines)[i];
    if (l.blank || !l.kept) continue;
    if ((EndsSentence(l.text) && !IsLinkLike(l.text, 15)) || IsProseLike(l.text)) break;
    Remove(&l, "tail");
  }
}

// A dump wrapped at a fixed width (many lines of 50-100 bytes end mid-sentence and run
// on into the next line) is unwrapped first, so every rule sees whole paragraphs.
bool LooksHardWrapped(const std::vector<Line>& lines) {
  size_t nonblank = 0, runs_on = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.blank) continue;
    ++nonblank;
    if (i + 1 < lines.size() && !lines[i + 1].blank && l.text.size() >= 50 && l.text.size() <= 100 &&
        !EndsSentence(l.text))
      ++runs_on;
  }
  return runs_on >= 3 && runs_on * 4 >= nonblank;
}

// Joins each run of non-blank lines into one line (numbered as its first), keeping
// the joined text in `store`.
std::vector<Line> Unwrap(const std::vector<Line>& lines, std::deque<std::string>* store) {
  std::vector<Line> out;
  for (size_t i = 0; i < lines.size();) {
    if (lines[i].blank) {
      out.push_back(lines[i++]);
      continue;
    }
    size_t j = i + 1;
    while (j < lines.size() && !lines[j].blank) ++j;
    Line l = lines[i];
    if (j > i + 1) {
      std::string joined(lines[i].text);
      for (size_t k = i + 1; k < j; ++k) {
        joined += ' ';
        joined.append(lines[k].text);
      }
      store->push_back(std::move(joined));
      l.text = store->back();
    }
    out.push_back(l);
    i = j;
  }
  return out;
}

std::string Assemble(const std::vector<Line>& lines) {
  std::string out;
  for (const Line& l : lines) {
    if (l.blank || !l.kept) continue;
    if (!out.empty()) out += "\n\n";
    out.append(l.text);
  }
  return out;
}

bool SameTitle(std::string_view a, std::string_view b) {
  a = Trim(a);
  b = Trim(b);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

}  // namespace

CleanedText CleanTextDump(std::string_view text, const FurnitureRules& rules, const CleanOptions& options) {
  CleanedText out;
  std::vector<Line> lines = SplitLines(text);
  std::deque<std::string> store;  // joined lines of an unwrapped dump
  if (LooksHardWrapped(lines)) lines = Unwrap(lines, &store);
  ApplyLineRules(rules, &lines, &out);
  long title = -1;
  if (options.known_title.empty()) {
    title = FindTitle(&lines);
    if (title >= 0) out.title = std::string(lines[title].text);
  } else {
    // The caller has the title (a header, a JSON field): the body's first line goes
    // only when it repeats it; a standfirst there stays.
    out.title = options.known_title;
    long first = NextNonBlank(lines, -1);
    while (first >= 0 && !lines[first].kept) first = NextNonBlank(lines, first);
    if (first >= 0 && SameTitle(lines[first].text, options.known_title)) {
      Remove(&lines[first], "title");
      title = first;
    }
  }
  DropRepeatedLines(&lines);
  out.date = FindDateLine(&lines, title, &out.date_line);
  if (title >= 0) out.title_line = lines[title].number;
  DropRelatedLists(&lines);
  DropAuthorBio(&lines, out.author);
  DropLinkRuns(&lines);
  DropTail(&lines);
  out.text = Assemble(lines);
  for (const Line& l : lines)
    if (!l.kept && !l.blank) out.removed.push_back({l.number, l.rule, std::string(l.text)});
  return out;
}

CleanedText CleanTextDump(std::string_view text, const FurnitureRules& rules) {
  return CleanTextDump(text, rules, CleanOptions{});
}

CleanedText CleanTextDump(std::string_view text, const CleanOptions& options) {
  const Result<FurnitureRules>& rules = DefaultFurnitureRules();
  static const FurnitureRules kNone;
  return CleanTextDump(text, rules.ok() ? rules.value() : kNone, options);
}

CleanedText CleanTextDump(std::string_view text) { return CleanTextDump(text, CleanOptions{}); }

}  // namespace faultline
