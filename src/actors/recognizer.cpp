// Matching half of the recognizer: alias variants, the Hyperscan literal database,
// word boundaries and leftmost-longest selection. The context rules are in resolver.cpp
// and coreference.cpp.
#include "actors/recognizer.h"

#include <hs/hs.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <set>

#include "actors/alias_index.h"
#include "actors/context_sets.h"
#include "actors/text_scan.h"

namespace faultline {

namespace {

// ASCII folding with ICU ("Elysée" -> "Elysee", "Zelenskyy" stays): made once per Build.
class Folder {
 public:
  Folder() {
    UErrorCode status = U_ZERO_ERROR;
    trans_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD,
                                                     status));
    if (U_FAILURE(status)) trans_.reset();
  }
  std::string Fold(const std::string& s) const {
    if (!trans_) return s;
    bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
    if (ascii) return s;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    trans_->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
  }
  static std::string Upper(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    u.toUpper();
    std::string out;
    u.toUTF8String(out);
    return out;
  }

 private:
  std::unique_ptr<icu::Transliterator> trans_;
};

bool HasLower(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
         std::any_of(s.begin(), s.end(), [](char c) { return (c & 0x80) != 0; });
}

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  // Rebuilt by appending (GCC 12 warns falsely on std::string::replace here).
  std::string out;
  size_t pos = 0, hit;
  while ((hit = s->find(from, pos)) != std::string::npos) {
    out.append(*s, pos, hit - pos);
    out.append(to);
    pos = hit + from.size();
  }
  out.append(*s, pos, std::string::npos);
  *s = std::move(out);
}

AliasTarget MakeTarget(AliasKind kind, uint32_t index, const std::string& alias) {
  AliasTarget t;
  t.kind = kind;
  t.index = index;
  t.alias = alias;
  return t;
}

struct Pattern {
  std::string text;
  bool caseless = false;
  std::vector<AliasTarget> targets;
};

// Collects literal patterns, one per (text, caseless), each with all its targets.
class PatternTable {
 public:
  explicit PatternTable(const Folder& folder) : folder_(folder) {}

  // Case-sensitive alias: as written, first letter capitalised ("the Elysée" at a
  // sentence start), ALL CAPS (headlines), each ASCII-folded, with ' and ’ both.
  void AddName(const std::string& alias, AliasKind kind, uint32_t index) {
    if (alias.size() < 2) return;
    std::set<std::string> forms = {alias};
    if (alias[0] >= 'a' && alias[0] <= 'z') {
      std::string cap = alias;
      cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
      forms.insert(cap);
    }
    if (HasLower(alias)) forms.insert(Folder::Upper(alias));
    Expand(&forms);
    for (const auto& f : forms) Add(f, false, MakeTarget(kind, index, alias));
  }

  // Case-insensitive alias (role nouns, "the two leaders"), with ' / ’ and folding.
  void AddCaseless(const std::string& alias, AliasKind kind, uint32_t index) {
    if (alias.size() < 2) return;
    std::set<std::string> forms = {alias};
    Expand(&forms);
    for (const auto& f : forms) Add(f, true, MakeTarget(kind, index, alias));
  }

  // Imported dictionary phrase (upper case in the files): matched in title case with
  // small words lower case ("HAMID_KARZAI" -> "Hamid Karzai", "MINISTRY OF FOREIGN
  // AFFAIRS" -> "Ministry of Foreign Affairs"), and as written for single words and
  // acronyms. Not caselessly: 35,000 caseless literals scan at ~45 MB/s, case-sensitive
  // ones far faster (bench/README-actors.md);
  // the price is mixed-case names (McCain), which belong in our YAML anyway.
  void AddDictionary(const std::string& phrase, bool stem, uint32_t index,
                     const std::string& fixed_actor, const std::vector<std::string>& stopwords) {
    if (phrase.size() < 2) return;
    // ALL CAPS only for acronyms: headlines rarely spell out whole multi-word names.
    std::set<std::string> forms = {TitleWithStopwords(phrase, stopwords)};
    if (phrase.size() <= 5 || phrase.find(' ') == std::string::npos) forms.insert(phrase);
    Expand(&forms);
    for (const auto& f : forms) {
      AliasTarget t = MakeTarget(AliasKind::kDictionary, index, phrase);
      t.stem = stem;
      t.check_caps = true;
      t.fixed_actor = fixed_actor;
      Add(f, false, t);
    }
  }

  // Agents-dictionary phrase: a common noun ("GOVERNMENT", "ARMED_FORCES"), matched in lower
  // case, with a capital first letter (a sentence's start) and in title case ("the Egyptian
  // Armed Forces"); no name-like check.
  void AddAgent(const std::string& phrase, uint32_t index) {
    if (phrase.size() < 2) return;
    std::string lower = scan::Lower(phrase);
    std::string first = lower;
    first[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(first[0])));
    std::set<std::string> forms = {lower, first, scan::TitleCase(phrase)};
    Expand(&forms);
    for (const auto& f : forms) Add(f, false, MakeTarget(AliasKind::kAgent, index, phrase));
  }

  static std::string TitleWithStopwords(const std::string& phrase,
                                        const std::vector<std::string>& stopwords) {
    std::string t = scan::TitleCase(phrase);
    std::string out;
    size_t pos = 0;
    bool first = true;
    while (pos <= t.size()) {
      size_t sp = t.find(' ', pos);
      if (sp == std::string::npos) sp = t.size();
      std::string w = t.substr(pos, sp - pos);
      if (!first && scan::InList(w, stopwords)) w = scan::Lower(w);
      if (!first) out += ' ';
      out += w;
      first = false;
      pos = sp + 1;
    }
    return out;
  }

  std::vector<Pattern>& patterns() { return patterns_; }

 private:
  void Expand(std::set<std::string>* forms) const {
    std::set<std::string> more;
    for (const auto& f : *forms) {
      more.insert(folder_.Fold(f));
      if (f.find('\'') != std::string::npos) {
        std::string g = f;
        ReplaceAll(&g, "'", "\u2019");
        more.insert(g);
      }
      if (f.find("\u2019") != std::string::npos) {
        std::string g = f;
        ReplaceAll(&g, "\u2019", "'");
        more.insert(g);
      }
    }
    forms->insert(more.begin(), more.end());
  }

  void Add(const std::string& text, bool caseless, AliasTarget target) {
    if (text.size() < 2) return;
    auto key = std::make_pair(caseless ? scan::Lower(text) : text, caseless);
    auto it = index_.find(key);
    if (it == index_.end()) {
      it = index_.emplace(key, patterns_.size()).first;
      patterns_.push_back(Pattern{text, caseless, {}});
    }
    auto& targets = patterns_[it->second].targets;
    for (const auto& t : targets)
      if (t.kind == target.kind && t.index == target.index) return;
    targets.push_back(std::move(target));
  }

  const Folder& folder_;
  std::map<std::pair<std::string, bool>, size_t> index_;
  std::vector<Pattern> patterns_;
};

struct DatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};

// Scratch space per concurrent scan: taken from the pool, given back after.
class ScratchPool {
 public:
  explicit ScratchPool(hs_scratch_t* prototype) : prototype_(prototype) {}
  ~ScratchPool() {
    for (auto* s : free_) hs_free_scratch(s);
    hs_free_scratch(prototype_);
  }
  hs_scratch_t* Acquire() const {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        hs_scratch_t* s = free_.back();
        free_.pop_back();
        return s;
      }
    }
    hs_scratch_t* s = nullptr;
    if (hs_clone_scratch(prototype_, &s) != HS_SUCCESS) return nullptr;
    return s;
  }
  void Release(hs_scratch_t* s) const {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(s);
  }

 private:
  hs_scratch_t* prototype_;
  mutable std::mutex mu_;
  mutable std::vector<hs_scratch_t*> free_;
};

struct RawMatch {
  uint32_t id;
  size_t end;
};

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to,
            unsigned int /*flags*/, void* ctx) {
  static_cast<std::vector<RawMatch>*>(ctx)->push_back(RawMatch{id, static_cast<size_t>(to)});
  return 0;
}

// A caseless dictionary phrase must read like a name where it matched: first letter
// upper case, every other word capitalised unless it is a small word ("of", "the").
bool LooksLikeName(std::string_view surface, const std::vector<std::string>& stopwords) {
  if (surface.empty() || !scan::IsUpperAt(surface, 0)) return false;
  size_t pos = 0;
  while (pos < surface.size()) {
    while (pos < surface.size() && surface[pos] == ' ') ++pos;
    size_t end = surface.find(' ', pos);
    if (end == std::string_view::npos) end = surface.size();
    std::string_view w = surface.substr(pos, end - pos);
    if (!w.empty() && scan::IsLowerAt(w, 0) && !scan::InList(w, stopwords)) return false;
    pos = end;
  }
  return true;
}

bool SharesTarget(const Candidate& a, const Candidate& b) {
  for (const AliasTarget* x : a.targets)
    for (const AliasTarget* y : b.targets)
      if (x->kind == y->kind && x->index == y->index) return true;
  return false;
}

// Hard-wrapped text: the White House briefing room breaks its lines at about 72 columns,
// so one name in ten is split ("the United\nStates", "President\nBiden"). A text counts as
// wrapped when at least half of its (5 or more) non-blank lines are 50 to 80 bytes long;
// news paragraphs are single long lines.
bool HardWrapped(std::string_view text) {
  size_t lines = 0, wrapped = 0, start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    size_t e = end;
    while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    size_t b = start;
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    if (b < e) {
      ++lines;
      if (e - start >= 50 && e - start <= 80) ++wrapped;
    }
    start = end + 1;
  }
  return lines >= 5 && wrapped * 2 >= lines;
}

// The same text with each line break inside a paragraph turned into a space (same length,
// so offsets hold); blank lines, which end paragraphs, stay.
std::string Unwrap(std::string_view text) {
  std::string out(text);
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '\n') continue;
    size_t p = i;
    while (p > 0 && blank(text[p - 1])) --p;
    size_t n = i + 1;
    while (n < text.size() && blank(text[n])) ++n;
    if (p == 0 || text[p - 1] == '\n' || n >= text.size() || text[n] == '\n') continue;
    out[i] = ' ';
    if (i > 0 && out[i - 1] == '\r') out[i - 1] = ' ';
  }
  return out;
}

}  // namespace

struct ActorRecognizer::Impl {
  std::shared_ptr<const KnowledgeBase> kb;
  std::vector<Pattern> patterns;
  std::vector<size_t> lengths;
  std::unique_ptr<hs_database_t, DatabaseDeleter> db;
  std::unique_ptr<ScratchPool> scratch;
  ContextSets sets;
};

Result<ActorRecognizer> ActorRecognizer::Build(std::shared_ptr<const KnowledgeBase> kb) {
  if (!kb) return Status::Error("ActorRecognizer::Build: no knowledge base");
  Folder folder;
  PatternTable table(folder);
  const auto& actors = kb->actors();
  for (uint32_t i = 0; i < actors.size(); ++i) {
    const Actor& a = actors[i];
    for (const auto& n : a.names) table.AddName(n, AliasKind::kName, i);
    for (const auto& n : a.historical) table.AddName(n, AliasKind::kName, i);
    for (const auto& n : a.adjectives) table.AddName(n, AliasKind::kAdjective, i);
    for (const auto& n : a.demonyms) table.AddName(n, AliasKind::kDemonym, i);
    for (const auto& n : a.metonyms) table.AddName(n, AliasKind::kMetonym, i);
    if (!a.capital.empty()) table.AddName(a.capital, AliasKind::kMetonym, i);
  }
  const auto& groups = kb->groups();
  for (uint32_t i = 0; i < groups.size(); ++i)
    for (const auto& n : groups[i].names) table.AddName(n, AliasKind::kGroup, i);
  const auto& people = kb->people();
  for (uint32_t i = 0; i < people.size(); ++i) {
    table.AddName(people[i].name, AliasKind::kPerson, i);
    for (const auto& n : people[i].aliases) table.AddName(n, AliasKind::kPerson, i);
  }
  const auto& roles = kb->roles();
  for (uint32_t i = 0; i < roles.size(); ++i)
    for (const auto& n : roles[i].nouns) table.AddCaseless(n, AliasKind::kRole, i);
  for (const auto& p : kb->context().pair_phrases) table.AddCaseless(p, AliasKind::kPair, 0);
  const auto& refs = kb->references();
  for (uint32_t i = 0; i < refs.size(); ++i)
    for (const auto& p : refs[i].phrases) table.AddName(p, AliasKind::kReference, i);
  const auto& dict = kb->dictionary();
  for (uint32_t i = 0; i < dict.size(); ++i) {
    if (!dict[i].AgentCode().empty()) {
      for (const auto& p : dict[i].phrases) table.AddAgent(p, i);
      continue;
    }
    // When every code maps to the same actor the date cannot matter: settle it now.
    std::string fixed;
    for (const auto& c : dict[i].codes) {
      const std::string a = kb->ActorForCameo(c.code);
      if (a.empty() || (!fixed.empty() && a != fixed)) {
        fixed.clear();
        break;
      }
      fixed = a;
    }
    for (size_t j = 0; j < dict[i].phrases.size(); ++j)
      table.AddDictionary(dict[i].phrases[j], dict[i].stems[j], i, fixed,
                          kb->context().name_stopwords);
  }

  auto impl = std::make_shared<Impl>();
  impl->sets = ContextSets::From(*kb);
  impl->kb = std::move(kb);
  impl->patterns = std::move(table.patterns());
  if (impl->patterns.empty()) return Status::Error("the knowledge base has no names to match");

  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> flags, ids;
  for (uint32_t i = 0; i < impl->patterns.size(); ++i) {
    const Pattern& p = impl->patterns[i];
    exprs.push_back(p.text.c_str());
    lens.push_back(p.text.size());
    // Literals have a fixed length, so a match's start is end - length: no SOM needed,
    // which keeps compile time and scan speed good with tens of thousands of patterns.
    flags.push_back(p.caseless ? HS_FLAG_CASELESS : 0);
    ids.push_back(i);
  }
  impl->lengths = lens;
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db,
                           &err) != HS_SUCCESS) {
    std::string msg = err && err->message ? err->message : "unknown error";
    if (err && err->expression >= 0 && static_cast<size_t>(err->expression) < exprs.size())
      msg += " (pattern '" + std::string(exprs[err->expression]) + "')";
    hs_free_compile_error(err);
    return Status::Error("Hyperscan could not compile the aliases: " + msg);
  }
  impl->db.reset(db);
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS)
    return Status::Error("Hyperscan could not allocate scratch space");
  impl->scratch = std::make_unique<ScratchPool>(scratch);
  return ActorRecognizer(std::move(impl));
}

const KnowledgeBase& ActorRecognizer::kb() const { return *impl_->kb; }
size_t ActorRecognizer::pattern_count() const { return impl_->patterns.size(); }

std::vector<Mention> ActorRecognizer::Recognize(const Document& doc, Deadline* deadline) const {
  const Impl& im = *impl_;
  if (doc.text.empty()) return {};
  // Matching and the context rules read hard-wrapped lines as running text; mentions keep
  // the text as written (surface).
  std::string unwrapped;
  if (HardWrapped(doc.text)) unwrapped = Unwrap(doc.text);
  const std::string& text = unwrapped.empty() ? doc.text : unwrapped;
  std::vector<RawMatch> raw;
  hs_scratch_t* scratch = im.scratch->Acquire();
  if (scratch == nullptr) return {};
  // Hyperscan takes an unsigned length: scan very large texts in overlapping windows.
  constexpr size_t kWindow = size_t{1} << 30;
  for (size_t off = 0; off < text.size(); off += kWindow - 4096) {
    const size_t len = std::min(kWindow, text.size() - off);
    std::vector<RawMatch> part;
    hs_scan(im.db.get(), text.data() + off, static_cast<unsigned>(len), 0, scratch, OnMatch,
            &part);
    for (auto& m : part) raw.push_back(RawMatch{m.id, m.end + off});
    if (off + len >= text.size()) break;
  }
  im.scratch->Release(scratch);

  // Word boundaries and per-target checks.
  const auto& stopwords = im.kb->context().name_stopwords;
  std::vector<Candidate> kb_cands, dict_cands, agent_cands;
  size_t checks = 0;
  for (const auto& m : raw) {
    if (ExpiredEvery(deadline, &checks, 4096, "actor recognition (alias matching)")) return {};
    const Pattern& p = im.patterns[m.id];
    const size_t end = m.end;
    const size_t begin = end - im.lengths[m.id];
    if (scan::IsWordCharBefore(text, begin)) continue;
    const bool right_ok = !scan::IsWordCharAt(text, end);
    Candidate kb_c{begin, end, {}}, dict_c{begin, end, {}}, agent_c{begin, end, {}};
    for (const auto& t : p.targets) {
      if (!right_ok && !t.stem) continue;
      if (t.check_caps && !LooksLikeName(std::string_view(text).substr(begin, end - begin),
                                         stopwords))
        continue;
      (t.kind == AliasKind::kDictionary ? dict_c
       : t.kind == AliasKind::kAgent    ? agent_c
                                        : kb_c)
          .targets.push_back(&t);
    }
    if (!kb_c.targets.empty()) kb_cands.push_back(std::move(kb_c));
    if (!dict_c.targets.empty()) dict_cands.push_back(std::move(dict_c));
    if (!agent_c.targets.empty()) agent_cands.push_back(std::move(agent_c));
  }

  // Leftmost-longest: "the United States" over "United", "European Commission" over
  // "European". Our knowledge base first; imported dictionaries only fill the gaps.
  auto select = [](std::vector<Candidate>* cands, std::vector<Candidate>* chosen) {
    std::sort(cands->begin(), cands->end(), [](const Candidate& a, const Candidate& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      return a.end > b.end;
    });
    std::vector<Candidate> taken;
    size_t j = 0;  // chosen is sorted; walk it alongside
    size_t last_end = 0;
    for (auto& c : *cands) {
      if (c.begin < last_end) {
        // Overlapping aliases of the same actor join: "the Elysée" + "Elysée Palace".
        Candidate& prev = taken.back();
        if (c.end > prev.end && SharesTarget(prev, c)) {
          prev.end = c.end;
          last_end = c.end;
        }
        continue;
      }
      while (j < chosen->size() && (*chosen)[j].end <= c.begin) ++j;
      if (j < chosen->size() && (*chosen)[j].begin < c.end) continue;
      last_end = c.end;
      taken.push_back(std::move(c));
    }
    std::vector<Candidate> merged;
    merged.reserve(chosen->size() + taken.size());
    std::merge(std::make_move_iterator(chosen->begin()), std::make_move_iterator(chosen->end()),
               std::make_move_iterator(taken.begin()), std::make_move_iterator(taken.end()),
               std::back_inserter(merged),
               [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    *chosen = std::move(merged);
  };
  std::vector<Candidate> chosen;
  select(&kb_cands, &chosen);
  select(&dict_cands, &chosen);
  // Agents do not compete with names: they qualify them ("the Egyptian government").
  std::vector<Candidate> agents;
  select(&agent_cands, &agents);
  // On a government's own site a bare "the President" is its own (official_sites).
  std::string site = im.kb->SiteActor(doc.url);
  if (site.empty()) site = im.kb->SiteActor(doc.outlet);
  std::vector<Mention> out =
      ResolveMentions(*im.kb, im.sets, text, doc.date, std::move(chosen), site, std::move(agents), deadline);
  if (!unwrapped.empty())
    for (auto& m : out) m.surface = doc.text.substr(m.begin, m.end - m.begin);
  return out;
}

Result<ActorRecognizer> BuildRecognizer(const std::vector<std::string>& extra_files,
                                        bool with_default_kb) {
  auto loaded = KnowledgeBase::LoadDefault(with_default_kb);
  if (!loaded.ok()) return loaded.status();
  KnowledgeBase kb = std::move(loaded.value());
  for (const auto& f : extra_files)
    if (Status s = kb.AddFile(f); !s.ok()) return s;
  return ActorRecognizer::Build(std::make_shared<const KnowledgeBase>(std::move(kb)));
}

}  // namespace faultline
