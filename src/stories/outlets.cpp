#include "stories/outlets.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "util/ascii.h"
#include "util/data_path.h"
#include "util/yaml_fields.h"

namespace faultline::stories {
namespace {

struct Word {
  std::string_view text;
  size_t begin, end;
  bool joined_to_next;  // only a space (no punctuation) before the next word
};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool IsEdgePunct(unsigned char c) {
  return c == ',' || c == '.' || c == ':' || c == ';' || c == '(' || c == ')' || c == '"' || c == '\'' ||
         c == '[' || c == ']' || c == '!' || c == '?' || c == '*';
}

// Strips UTF-8 quotes (“ ” ‘ ’) and dashes at either end of [b, e).
bool StripUtf8Edge(std::string_view s, size_t* b, size_t* e) {
  auto is3 = [&](size_t i) {
    if (i + 3 > s.size() || static_cast<unsigned char>(s[i]) != 0xE2 || static_cast<unsigned char>(s[i + 1]) != 0x80)
      return false;
    const unsigned char c = static_cast<unsigned char>(s[i + 2]);
    return c == 0x9C || c == 0x9D || c == 0x98 || c == 0x99 || c == 0x93 || c == 0x94;
  };
  if (*e - *b >= 3 && is3(*b)) {
    *b += 3;
    return true;
  }
  if (*e - *b >= 3 && is3(*e - 3)) {
    *e -= 3;
    return true;
  }
  return false;
}

// A whitespace-separated token: [begin, end) of the text.
struct SpaceToken {
  size_t begin = 0, end = 0;
};

// The next token at or after `*pos`; `*pos` moves past it. False when none is left.
bool NextToken(std::string_view s, size_t* pos, SpaceToken* token) {
  size_t i = *pos;
  while (i < s.size() && IsSpace(s[i])) ++i;
  size_t j = i;
  while (j < s.size() && !IsSpace(s[j])) ++j;
  *token = {i, j};
  *pos = j;
  return i < j;
}

// The word of a token: edge punctuation and a possessive 's stripped, so "(AP)",
// "Bloomberg's" and "Antiwar.com," give AP, Bloomberg, Antiwar.com. False when nothing
// is left (punctuation only).
bool WordOf(std::string_view s, SpaceToken token, Word* word) {
  size_t b = token.begin, e = token.end;
  for (bool changed = true; changed && b < e;) {
    changed = false;
    if (IsEdgePunct(static_cast<unsigned char>(s[b]))) {
      ++b;
      changed = true;
    }
    if (b < e && IsEdgePunct(static_cast<unsigned char>(s[e - 1]))) {
      --e;
      changed = true;
    }
    if (b < e && StripUtf8Edge(s, &b, &e)) changed = true;
    if (e - b > 2 && s[e - 1] == 's' && s[e - 2] == '\'') {
      e -= 2;
      changed = true;
    }
    if (e - b > 4 && s.substr(e - 4, 4) == "\xE2\x80\x99s") {
      e -= 4;
      changed = true;
    }
  }
  if (b >= e) return false;
  *word = {s.substr(b, e - b), b, e, false};
  // Joined when nothing but spaces separates this word's end from the next word.
  if (e == token.end) {
    size_t k = e;
    while (k < s.size() && s[k] == ' ') ++k;
    word->joined_to_next = k > e && k < s.size() && !IsEdgePunct(static_cast<unsigned char>(s[k])) && s[k] != '\n';
  }
  return true;
}

// The next word at or after `*pos`, skipping tokens of punctuation only.
bool NextWord(std::string_view s, size_t* pos, Word* word, SpaceToken* token) {
  while (NextToken(s, pos, token))
    if (WordOf(s, *token, word)) return true;
  return false;
}

std::vector<Word> WordsOf(std::string_view s) {
  std::vector<Word> out;
  size_t pos = 0;
  SpaceToken token;
  for (Word w; NextWord(s, &pos, &w, &token);) out.push_back(w);
  return out;
}

std::vector<std::string> SplitWords(const std::string& name) {
  std::vector<std::string> out;
  for (const Word& w : WordsOf(name)) out.emplace_back(w.text);
  return out;
}

bool IsCapitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }


}  // namespace

std::string OutletList::DefaultPath() { return DataFile("stories/outlets.yaml"); }

Status OutletList::AddFile(const std::string& path) {
  // Parsed from the file itself, so that errors give the file's own line numbers.
  YAML::Node root;
  if (Status s = yaml::LoadFile(path, "outlet list", &root); !s.ok()) return s;
  return AddNode(root, path);
}

Status OutletList::AddYaml(std::string_view yaml, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("not valid YAML: ") + e.msg, origin, e.mark.line + 1);
  }
  return AddNode(root, origin);
}

Status OutletList::AddNode(const YAML::Node& root, const std::string& origin) {
  if (!root.IsMap()) return Status::Error("an outlet list needs a list under 'outlets'", origin);
  const YAML::Node list = root["outlets"];
  if (!list || !list.IsSequence()) return Status::Error("an outlet list needs a list under 'outlets'", origin);
  for (const auto& n : list) {
    const int line = n.Mark().line + 1;
    if (!n.IsMap() || !n["name"] || !n["name"].IsScalar())
      return Status::Error("an outlet needs a 'name'", origin, line);
    Outlet o;
    o.name = n["name"].Scalar();
    if (o.name.empty()) return Status::Error("an outlet needs a 'name'", origin, line);
    Status s = yaml::GetString(n, "kind", origin, &o.kind);
    if (s.ok()) s = yaml::GetStringList(n, "aliases", origin, &o.aliases);
    if (s.ok()) s = yaml::GetStringList(n, "hosts", origin, &o.hosts);
    if (s.ok()) s = yaml::GetStringList(n, "not_after", origin, &o.not_after);
    if (!s.ok()) return s;
    for (std::string& h : o.hosts) h = AsciiLower(h);
    Add(std::move(o));
  }
  return Status::Ok();
}

void OutletList::IndexName(const std::string& name, size_t outlet) {
  Pattern p;
  p.words = SplitWords(name);
  p.outlet = outlet;
  if (p.words.size() >= 2 && (p.words[0] == "The" || p.words[0] == "the")) {
    p.words.erase(p.words.begin());
    // Before one word "The" is part of the name ("The Hill"); before more it is optional.
    if (p.words.size() == 1) p.required_the = true;
    else p.optional_the = true;
  } else if (p.words.size() >= 2) {
    p.optional_the = true;
  }
  if (p.words.empty()) return;
  // A hashed look-up, not a scan of every pattern: outlets are added one by one as
  // documents name them (AddName), tens of thousands on a large corpus.
  if (!pattern_keys_.insert(PatternKey(p)).second) return;
  first_words_.Add(p.words[0]);
  first_bytes_.set(static_cast<unsigned char>(p.words[0][0]));
  std::string joined;
  for (const std::string& w : p.words) joined += (joined.empty() ? "" : " ") + w;
  by_words_.emplace(AsciiLower(joined), outlet);  // the first pattern with these words wins
  // Longest first, so "Bloomberg News" wins over "Bloomberg"; among equally long ones in
  // the order added. The list is kept in that order, so the new pattern goes after every
  // one at least as long (what a stable sort after appending it gave).
  std::vector<size_t>& list = by_first_word_[p.words[0]];
  const size_t length = p.words.size();
  auto at = std::partition_point(list.begin(), list.end(),
                                 [&](size_t q) { return patterns_[q].words.size() >= length; });
  list.insert(at, patterns_.size());
  patterns_.push_back(std::move(p));
}

std::string OutletList::PatternKey(const Pattern& p) {
  // Length-prefixed words: no two different word lists give the same key.
  std::string key = std::to_string(p.outlet) + (p.required_the ? "+" : "-");
  for (const std::string& w : p.words) key.append(std::to_string(w.size())).append(":").append(w);
  return key;
}

size_t OutletList::Add(Outlet outlet) {
  auto it = by_name_.find(outlet.name);
  size_t index;
  if (it == by_name_.end()) {
    index = outlets_.size();
    by_name_[outlet.name] = index;
    outlets_.push_back(Outlet{outlet.name, {}, {}, outlet.kind, {}});
    IndexName(outlet.name, index);
  } else {
    index = it->second;
    if (outlets_[index].kind.empty()) outlets_[index].kind = outlet.kind;
  }
  Outlet& o = outlets_[index];
  for (std::string& a : outlet.aliases) {
    IndexName(a, index);
    o.aliases.push_back(std::move(a));
  }
  for (std::string& h : outlet.hosts) o.hosts.push_back(std::move(h));
  for (std::string& w : outlet.not_after) o.not_after.push_back(std::move(w));
  return index;
}

void OutletList::AddName(const std::string& name) {
  if (name.empty() || Resolve(name) >= 0) return;
  Outlet o;
  o.name = name;
  Add(std::move(o));
}

std::vector<OutletMention> OutletList::FindMentions(std::string_view text) const {
  std::vector<OutletMention> out;
  struct Ahead {
    Word word;
    SpaceToken token;
  };
  std::vector<Ahead> ahead;  // a candidate's first word and those after it
  // The number of words of the name starting with `w` (its token `token`, the word
  // before it that of `before`), added to `out`; 0 when none starts there.
  auto match_at = [&](const Word& w, SpaceToken token, SpaceToken before_token) -> size_t {
    if (!first_words_.MayContain(w.text)) return 0;
    auto it = by_first_word_.find(w.text);
    if (it == by_first_word_.end()) return 0;
    Word b;
    const std::string_view before = before_token.end > before_token.begin && WordOf(text, before_token, &b) ? b.text : "";
    ahead.clear();
    ahead.push_back({w, token});
    for (size_t pi : it->second) {
      const Pattern& p = patterns_[pi];
      const size_t n = p.words.size();
      // The name's words and the one after it (is the name part of a longer one?).
      for (Ahead next; ahead.size() <= n;) {
        size_t at = ahead.back().token.end;
        if (!NextWord(text, &at, &next.word, &next.token)) break;
        ahead.push_back(next);
      }
      if (ahead.size() < n) continue;
      bool match = true;
      for (size_t k = 1; k < n && match; ++k) match = ahead[k].word.text == p.words[k];
      if (!match) continue;
      const bool the_before = before == "The" || before == "the";
      if (p.required_the && before != "The") continue;
      const Outlet& o = outlets_[p.outlet];
      if (!before.empty() && !the_before && std::find(o.not_after.begin(), o.not_after.end(), before) != o.not_after.end())
        continue;
      // "Reuters Institute", "AP Photo": part of a longer name.
      const Word& last = ahead[n - 1].word;
      if (last.joined_to_next && ahead.size() > n && IsCapitalised(ahead[n].word.text)) continue;
      out.push_back({p.outlet, w.begin, last.end});
      return n;
    }
    return 0;
  };
  // Tokens are read one at a time and stripped to their word only where a name may start
  // (and for the word before one): most tokens start with a byte no name starts with. A
  // list of every word of every text cost more than the search itself.
  SpaceToken before{0, 0};  // the token of the word before the one read; empty: none yet
  size_t pos = 0;
  for (SpaceToken token; NextToken(text, &pos, &token);) {
    const unsigned char c = static_cast<unsigned char>(text[token.begin]);
    // A token not starting with punctuation is a word, and starts with that byte.
    if (!first_bytes_.test(c) && !IsEdgePunct(c) && c != 0xE2) {
      before = token;
      continue;
    }
    Word w;
    if (!WordOf(text, token, &w)) continue;  // punctuation only: no word
    if (const size_t n = match_at(w, token, before); n > 0) {
      before = ahead[n - 1].token;  // the search goes on after the name
      pos = before.end;
    } else {
      before = token;
    }
  }
  return out;
}

int OutletList::Resolve(std::string_view outlet, std::string_view url) const {
  if (!outlet.empty()) {
    auto it = by_name_.find(outlet);
    if (it != by_name_.end()) return static_cast<int>(it->second);
    auto words = by_words_.find(AsciiLower(AsciiTrim(outlet)));
    if (words != by_words_.end()) return static_cast<int>(words->second);
    // A field that holds a known name among other words: "The Wall Street Journal (reprint)".
    for (const OutletMention& m : FindMentions(outlet)) return static_cast<int>(m.outlet);
  }
  if (!url.empty()) {
    std::string host = AsciiLower(url);
    const size_t scheme = host.find("://");
    if (scheme != std::string::npos) host = host.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/:?#"));
    for (size_t i = 0; i < outlets_.size(); ++i)
      for (const std::string& h : outlets_[i].hosts)
        if (host == h || (host.size() > h.size() && host.ends_with("." + h))) return static_cast<int>(i);
  }
  return -1;
}

std::string OutletList::Canonical(std::string_view name) const {
  const int i = Resolve(name);
  return i >= 0 ? outlets_[static_cast<size_t>(i)].name : std::string(name);
}

}  // namespace faultline::stories
