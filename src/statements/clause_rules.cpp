#include "statements/clause_rules.h"

#include <algorithm>
#include <cctype>

#include "util/data_path.h"
#include "util/yaml_fields.h"

namespace faultline {
namespace {

using syntax::ParsedSentence;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool In(const std::vector<std::string>& v, std::string_view w) { return std::find(v.begin(), v.end(), w) != v.end(); }

std::string LemmaOf(const ParsedSentence& s, int i) { return Lower(s.tokens[i].lemma); }

// The case marker lemma of a nominal ("on" in "sanctions on Russia"), or for a clause its
// subordinator ("after" in "after imposing sanctions, Canada ..."), or empty.
std::string CaseOf(const ParsedSentence& s, int i) {
  int c = s.FirstChild(i, "case");
  if (c < 0) c = s.FirstChild(i, "mark");
  return c < 0 ? std::string() : LemmaOf(s, c);
}

bool HasChildLemma(const ParsedSentence& s, int i, std::string_view relation, const std::vector<std::string>& lemmas) {
  for (int c : s.ChildrenWith(i, relation))
    if (In(lemmas, LemmaOf(s, c)) || In(lemmas, Lower(s.tokens[c].form))) return true;
  return false;
}

bool Negated(const ClauseRuleSet& rs, const ParsedSentence& s, int i) {
  return HasChildLemma(s, i, "advmod", rs.negators) || HasChildLemma(s, i, "neg", rs.negators) ||
         HasChildLemma(s, i, "det", rs.negators);
}

// A word reached by a path, with the stance flips of the verbs it passed.
struct Reach {
  int word = -1;
  int flips = 0;
};

// Whether the noun a relative clause hangs on can be what its verb acts on: no relative
// word of the clause stands in an oblique or an adverbial. In "the talks at which Chile
// rejected the proposal" (or "where", "when") the talks are where it happened, not what
// was rejected. (An object of the verb proves nothing: "the aid that we are providing
// Ukraine" has the recipient as one.)
// The relative words are the rule set's `adverbial_relatives`.
bool RelativeGap(const ClauseRuleSet& rs, const ParsedSentence& s, int verb) {
  const std::vector<std::string>& relatives = rs.adverbial_relatives;
  for (int c : s.Children(verb)) {
    const std::string_view r = s.tokens[c].BaseRelation();
    if (r != "obl" && r != "advmod" && r != "nmod") continue;
    if (In(relatives, LemmaOf(s, c))) return false;
    for (int d : s.Children(c))
      if (s.tokens[d].deprel == "nmod:poss" || s.tokens[d].BaseRelation() == "det")
        if (In(relatives, LemmaOf(s, d))) return false;
  }
  return true;
}

std::vector<Reach> Step(const ClauseRuleSet& rs, const ParsedSentence& s, const std::vector<Reach>& from,
                        const PathStep& step, bool last) {
  std::vector<Reach> out;
  for (const Reach& r : from) {
    std::vector<int> next;
    if (step.up) {
      // "^obl[over|despite]": the case marker is the word's own, checked before going up
      const int h = s.tokens[r.word].head;
      if (h >= 0 && syntax::RelationMatches(s.tokens[r.word].deprel, step.relation) &&
          (step.cases.empty() || In(step.cases, CaseOf(s, r.word))) &&
          (step.relation.rfind("acl", 0) != 0 || RelativeGap(rs, s, r.word)))
        next.push_back(h);
    } else {
      for (int c : s.ChildrenWith(r.word, step.relation))
        if (step.cases.empty() || In(step.cases, CaseOf(s, c))) next.push_back(c);
    }
    for (int n : next) {
      if (!step.lemmas.empty() && !In(step.lemmas, LemmaOf(s, n))) continue;
      Reach x{n, r.flips};
      // a verb passed on the way carries its own polarity: "refused to lift sanctions"
      if (!last && (In(rs.flip_lemmas, LemmaOf(s, n)) || Negated(rs, s, n))) ++x.flips;
      out.push_back(x);
    }
  }
  return out;
}

std::vector<Reach> Walk(const ClauseRuleSet& rs, const ParsedSentence& s, int from, const DepPath& path) {
  std::vector<Reach> at = {Reach{from, 0}};
  for (size_t k = 0; k < path.size() && !at.empty(); ++k) at = Step(rs, s, at, path[k], k + 1 == path.size());
  return at;
}

// A conjunct counts when a coordinator joins its list ("A, B and C"); the model also
// writes conj after an introductory phrase ("At the summit, Germany ...").
bool Coordinated(const ParsedSentence& s, int head) {
  for (int c : s.ChildrenWith(head, "conj"))
    if (s.FirstChild(c, "cc") >= 0) return true;
  return false;
}

void AddConjuncts(const ParsedSentence& s, int w, int depth, std::vector<int>* out) {
  if (depth > 6) return;
  for (int c : s.Children(w)) {
    const std::string_view r = s.tokens[c].BaseRelation();
    if ((r == "conj" && Coordinated(s, w)) || r == "appos") {
      if (std::find(out->begin(), out->end(), c) == out->end()) out->push_back(c);
      AddConjuncts(s, c, depth + 1, out);
    }
  }
}

// The first word of a nominal, its determiners and modifiers included ("the UK").
int NominalStart(const ParsedSentence& s, int w) {
  int b = w;
  while (b > 0) {
    const auto& t = s.tokens[b - 1];
    const std::string_view r = t.BaseRelation();
    if (t.head != w || (r != "det" && r != "amod" && r != "compound" && r != "flat" && r != "nmod")) break;
    --b;
  }
  return b;
}

// "X, together with Y, imposed ...", "X, joined by Y, ...": a nominal near the holder or
// the predicate that a partner phrase introduces shares the holder's stance.
void AddPartners(const ClauseRuleSet& rs, const ParsedSentence& s, int predicate, std::vector<int>* holders) {
  for (int c = 0; c < s.size(); ++c) {
    const auto up = s.tokens[c].upos;
    if (up != syntax::Upos::kPropn && up != syntax::Upos::kNoun) continue;
    if (std::find(holders->begin(), holders->end(), c) != holders->end()) continue;
    bool near = false;
    for (int h = s.tokens[c].head, k = 0; h >= 0 && k < 2; h = s.tokens[h].head, ++k)
      near |= h == predicate || std::find(holders->begin(), holders->end(), h) != holders->end();
    if (!near) continue;
    const int b = NominalStart(s, c);
    for (const auto& phrase : rs.partners) {
      const int n = static_cast<int>(phrase.size());
      if (b < n) continue;
      bool ok = true;
      for (int k = 0; k < n && ok; ++k) ok = Lower(s.tokens[b - n + k].form) == phrase[k];
      if (ok) {
        holders->push_back(c);
        break;
      }
    }
  }
}

// The clause around the predicate: up through xcomp (and conj of verbs) to the verb
// whose subject and auxiliaries the predicate shares.
std::vector<int> ControlChain(const ParsedSentence& s, int p) {
  std::vector<int> chain = {p};
  for (int k = 0; k < 4; ++k) {
    const auto& t = s.tokens[chain.back()];
    const std::string_view r = t.BaseRelation();
    if (t.head < 0 || (r != "xcomp" && r != "conj")) break;
    chain.push_back(t.head);
  }
  return chain;
}

// Hypothetical or disputed: a "claimed" on a noun predicate, "could", "might" on the
// clause, or an "if" / "whether" on any clause the predicate lies in.
bool Cancelled(const ClauseRuleSet& rs, const ParsedSentence& s, int p, std::string* why) {
  // "its claimed commitment to ...": the writer disputes what the noun says
  if (HasChildLemma(s, p, "amod", rs.cancel_modifiers)) {
    *why = "disputed by a modifier of '" + s.tokens[p].form + "'";
    return true;
  }
  for (int v : ControlChain(s, p))
    if (HasChildLemma(s, v, "aux", rs.cancel_aux)) {
      *why = "modal on '" + s.tokens[v].form + "'";
      return true;
    }
  for (int v = p, k = 0; v >= 0 && k <= s.size(); v = s.tokens[v].head, ++k) {
    if (HasChildLemma(s, v, "mark", rs.cancel_marks)) {
      *why = "condition on '" + s.tokens[v].form + "'";
      return true;
    }
    // "holds out hope that X will relax ...": a wish or a fear is no position of X's
    const std::string_view r = s.tokens[v].BaseRelation();
    const int h = s.tokens[v].head;
    if (h >= 0 && (r == "ccomp" || r == "acl" || r == "advcl" || r == "csubj") && In(rs.cancel_heads, LemmaOf(s, h))) {
      *why = "under '" + s.tokens[h].form + "'";
      return true;
    }
  }
  return false;
}

int NegationFlips(const ClauseRuleSet& rs, const ParsedSentence& s, int p) {
  int flips = 0;
  const std::vector<int> chain = ControlChain(s, p);
  for (int v : chain) {
    if (Negated(rs, s, v)) ++flips;
    // "refused to send": a verb above in the chain carries its own polarity
    if (v != p && In(rs.flip_lemmas, LemmaOf(s, v))) ++flips;
  }
  // "there is no reason (for Washington) to lift the sanctions", "sees no need to ease them":
  // a clause that completes a negated noun is denied with it
  const int top = chain.back(), noun = s.tokens[top].head;
  if (noun >= 0 && s.tokens[top].BaseRelation() == "acl" && s.tokens[noun].upos == syntax::Upos::kNoun &&
      Negated(rs, s, noun))
    ++flips;
  return flips;
}

// The subject of the nearest reporting verb whose complement holds the predicate ("X said
// Y ...", "X said the missiles that Y sent ..."): the first clause on the way up that
// completes a verb decides; one that completes anything else is no report.
int SpeakerOf(const ClauseRuleSet& rs, const ParsedSentence& s, int p) {
  for (int v = p, k = 0; v >= 0 && k <= s.size(); v = s.tokens[v].head, ++k) {
    const auto& t = s.tokens[v];
    if (t.head < 0) return -1;
    if (t.BaseRelation() != "ccomp" && t.BaseRelation() != "parataxis") continue;
    if (!In(rs.reporting, LemmaOf(s, t.head))) return -1;
    return s.FirstChild(t.head, "nsubj");
  }
  return -1;
}

// A subject that undergoes its verb: labelled nsubj:pass, or nsubj on a verb with a
// passive auxiliary (the model's slip after "when", "as", ...).
bool PassiveSubject(const ParsedSentence& s, int w) {
  if (s.tokens[w].deprel == "nsubj:pass") return true;
  const int h = s.tokens[w].head;
  return s.tokens[w].deprel == "nsubj" && h >= 0 && s.FirstChild(h, "aux:pass") >= 0;
}

std::vector<int> Holders(const ClauseRuleSet& rs, const ClauseRule& rule, const ParsedSentence& s, int p) {
  std::vector<int> out;
  for (const DepPath& path : rule.holder) {
    for (const Reach& r : Walk(rs, s, p, path)) {
      int w = r.word;
      // "the EU, which imposed ...": a relative pronoun stands for the noun the clause hangs on
      const std::string l = LemmaOf(s, w);
      if (In(rs.relative_pronouns, l) && s.tokens[p].deprel == "acl:relcl") {
        w = s.tokens[p].head;
        // "Chile is the country that sent ...": the noun is a predicate, its subject acts
        if (s.FirstChild(w, "cop") >= 0 && s.FirstChild(w, "nsubj") >= 0) w = s.FirstChild(w, "nsubj");
      }
      // "Ukraine was offered a path": a passive subject undergoes the act, it holds nothing;
      // the model sometimes labels it plain nsubj beside a passive auxiliary ("when Georgia
      // and Ukraine were promised membership"), and the auxiliary decides
      if (PassiveSubject(s, r.word)) continue;
      if (w >= 0 && std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    }
    if (!out.empty()) break;
  }
  const size_t named = out.size();
  for (size_t k = 0; k < named; ++k) AddConjuncts(s, out[k], 0, &out);
  if (!out.empty()) AddPartners(rs, s, p, &out);
  return out;
}

// "wants the sanctions lifted", "wanted the aid withheld": a bare participle that says what
// is to happen to the predicate's object (the model attaches it to the verb as xcomp or to
// the object as acl) turns the stance around when it is a flip verb. Counted once.
int ComplementFlips(const ClauseRuleSet& rs, const ParsedSentence& s, int p, int object) {
  if (s.tokens[object].head != p || s.tokens[object].BaseRelation() != "obj") return 0;
  std::vector<int> candidates = s.ChildrenWith(p, "xcomp");
  for (int c : s.ChildrenWith(object, "acl")) candidates.push_back(c);
  for (int c : candidates) {
    if (c < object || s.tokens[c].upos != syntax::Upos::kVerb) continue;
    if (s.FirstChild(c, "nsubj") >= 0 || s.FirstChild(c, "aux") >= 0 || s.FirstChild(c, "mark") >= 0) continue;
    if (In(rs.flip_lemmas, LemmaOf(s, c)) || In(rs.flip_lemmas, Lower(s.tokens[c].form))) return 1;
  }
  return 0;
}

// Issue words a path reaches, with conjuncts ("tanks and aircraft").
std::vector<Reach> IssueWords(const ClauseRuleSet& rs, const ClauseRule& rule, const ParsedSentence& s, int p,
                              const std::vector<char>& is_issue) {
  std::vector<Reach> out;
  for (const DepPath& path : rule.issue) {
    for (const Reach& r : Walk(rs, s, p, path)) {
      std::vector<int> words = {r.word};
      AddConjuncts(s, r.word, 0, &words);
      const int flips = r.flips + ComplementFlips(rs, s, p, r.word);
      for (int w : words)
        if (is_issue[w]) out.push_back(Reach{w, flips});
    }
  }
  return out;
}

void MatchRule(const ClauseRuleSet& rs, const ClauseRule& rule, const ParsedSentence& s,
               const std::vector<char>& is_issue, std::vector<ClauseMatch>* out, std::string* trace) {
  for (int p = 0; p < s.size(); ++p) {
    if (!In(rule.lemmas, LemmaOf(s, p))) continue;
    if (!rule.upos.empty() && !In(rule.upos, syntax::UposName(s.tokens[p].upos))) continue;
    const std::vector<Reach> issues = IssueWords(rs, rule, s, p, is_issue);
    if (issues.empty()) continue;
    std::string why;
    if (Cancelled(rs, s, p, &why)) {
      if (trace) *trace += "  tree rule " + rule.name + " at '" + s.tokens[p].form + "': cancelled, " + why + "\n";
      continue;
    }
    const std::vector<int> holders = Holders(rs, rule, s, p);
    if (holders.empty()) continue;
    const int flips = NegationFlips(rs, s, p);
    for (const Reach& issue : issues) {
      ClauseMatch m;
      m.rule = &rule;
      m.predicate = p;
      m.issue_word = issue.word;
      // a word never holds itself: "criticism of Russian sanctions" reaches "sanctions" by
      // the holder path of "the objections of Hungary" too
      for (int h : holders)
        if (h != issue.word) m.holders.push_back(h);
      if (m.holders.empty()) continue;
      m.stance = (flips + issue.flips) % 2 == 0 ? rule.stance : -rule.stance;
      m.speaker = SpeakerOf(rs, s, p);
      out->push_back(std::move(m));
    }
  }
}

// Of two matches on one issue word, the one whose predicate governs the other's carries
// the whole chain ("refused to lift sanctions": refused, not lift; "demanded tanks
// supplied by Germany": the demand, not the supply); the same predicate keeps its first
// rule. A predicate in an oblique of the other is a circumstance, not its content: both
// stand ("over Hungary's objections, the council adopted sanctions").
std::vector<ClauseMatch> Prefer(const ParsedSentence& s, std::vector<ClauseMatch> all) {
  std::vector<ClauseMatch> out;
  for (size_t i = 0; i < all.size(); ++i) {
    bool beaten = false;
    for (size_t j = 0; j < all.size() && !beaten; ++j) {
      if (i == j || all[i].issue_word != all[j].issue_word) continue;
      const int a = all[i].predicate, b = all[j].predicate;
      if (a == b) beaten = j < i;
      else beaten = s.InSubtree(a, b) && !(s.tokens[a].head == b && s.tokens[a].BaseRelation() == "obl");
    }
    if (!beaten) out.push_back(std::move(all[i]));
  }
  return out;
}

// --- loading

Status Required(const YAML::Node& map, const char* key, const std::string& path, const std::string& rule) {
  if (map[key]) return Status::Ok();
  return Status::Error("clause rule '" + rule + "': missing '" + key + "'", path, yaml::LineOf(map));
}

Status LoadPaths(const YAML::Node& map, const char* key, const std::string& path, std::vector<DepPath>* out) {
  std::vector<std::string> texts;
  if (Status st = yaml::GetStringList(map, key, path, &texts); !st.ok()) return st;
  for (const std::string& t : texts) {
    auto p = ParseDepPath(t);
    if (!p.ok())
      return Status::Error(std::string("'").append(key).append("': ").append(p.status().reason()), path,
                           yaml::LineOf(map[key]));
    out->push_back(std::move(p).value());
  }
  return Status::Ok();
}

Status LoadPredicate(const YAML::Node& n, const std::string& path, const CueLexicon& cues, ClauseRule* r) {
  if (!n.IsMap()) return Status::Error("clause rule '" + r->name + "': 'predicate' must be a map", path, yaml::LineOf(n));
  if (Status st = yaml::GetStringList(n, "lemmas", path, &r->lemmas); !st.ok()) return st;
  if (Status st = yaml::GetStringList(n, "upos", path, &r->upos); !st.ok()) return st;
  if (Status st = yaml::GetStringList(n, "except", path, &r->except); !st.ok()) return st;
  std::vector<std::string> classes;
  if (Status st = yaml::GetStringList(n, "class", path, &classes); !st.ok()) return st;
  for (const std::string& c : classes) {
    if (c != "support" && c != "oppose")
      return Status::Error("clause rule '" + r->name + "': unknown cue class '" + c + "' (support, oppose)", path,
                           yaml::LineOf(n["class"]));
    for (const std::string& v : cues.SingleWordVerbs(c == "support" ? CueKind::kSupport : CueKind::kOppose))
      if (!In(r->lemmas, v)) r->lemmas.push_back(v);
  }
  if (r->lemmas.empty())
    return Status::Error("clause rule '" + r->name + "': the predicate needs 'lemmas' or 'class'", path, yaml::LineOf(n));
  for (auto& l : r->lemmas) l = Lower(l);
  for (auto& l : r->except) l = Lower(l);
  r->lemmas.erase(std::remove_if(r->lemmas.begin(), r->lemmas.end(), [&](const std::string& l) { return In(r->except, l); }),
                  r->lemmas.end());
  return Status::Ok();
}

Result<ClauseRule> LoadRule(const YAML::Node& n, const std::string& path, const CueLexicon& cues) {
  ClauseRule r;
  r.line = yaml::LineOf(n);
  if (!n.IsMap()) return Status::Error("a clause rule must be a map", path, r.line);
  if (Status st = yaml::GetString(n, "name", path, &r.name); !st.ok()) return st;
  if (r.name.empty()) return Status::Error("a clause rule needs a 'name'", path, r.line);
  for (const char* key : {"predicate", "holder", "issue", "stance", "example"})
    if (Status st = Required(n, key, path, r.name); !st.ok()) return st;
  if (Status st = LoadPredicate(n["predicate"], path, cues, &r); !st.ok()) return st;
  if (Status st = LoadPaths(n, "holder", path, &r.holder); !st.ok()) return st;
  if (Status st = LoadPaths(n, "issue", path, &r.issue); !st.ok()) return st;
  if (Status st = yaml::GetInt(n, "stance", path, &r.stance); !st.ok()) return st;
  if (Status st = yaml::GetBool(n, "holder_not_target", path, &r.holder_not_target); !st.ok()) return st;
  if (r.stance != 1 && r.stance != -1)
    return Status::Error("clause rule '" + r.name + "': 'stance' must be 1 or -1", path, yaml::LineOf(n["stance"]));
  const YAML::Node ex = n["example"];
  if (!ex.IsMap()) return Status::Error("clause rule '" + r.name + "': 'example' must be a map", path, yaml::LineOf(ex));
  for (const char* key : {"sentence", "holder", "issue", "stance"})
    if (!ex[key]) return Status::Error("clause rule '" + r.name + "': the example needs '" + key + "'", path, yaml::LineOf(ex));
  if (Status st = yaml::GetString(ex, "sentence", path, &r.example.sentence); !st.ok()) return st;
  if (Status st = yaml::GetString(ex, "holder", path, &r.example.holder); !st.ok()) return st;
  if (Status st = yaml::GetString(ex, "issue", path, &r.example.issue); !st.ok()) return st;
  if (Status st = yaml::GetInt(ex, "stance", path, &r.example.stance); !st.ok()) return st;
  return r;
}

Status LoadSettings(const YAML::Node& root, const std::string& path, ClauseRuleSet* rs) {
  std::vector<std::string> partners;
  const std::pair<const char*, std::vector<std::string>*> lists[] = {
      {"partners", &partners},         {"negators", &rs->negators},   {"cancel_aux", &rs->cancel_aux},
      {"cancel_marks", &rs->cancel_marks}, {"reporting", &rs->reporting}, {"flip", &rs->flip_lemmas},
      {"cancel_heads", &rs->cancel_heads}, {"cancel_modifiers", &rs->cancel_modifiers}};
  for (const auto& [key, out] : lists)
    if (Status st = yaml::GetStringList(root, key, path, out); !st.ok()) return st;
  for (const std::string& p : partners) {
    std::vector<std::string> words;
    std::string w;
    for (char c : Lower(p) + " ") {
      if (c == ' ') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    if (!words.empty()) rs->partners.push_back(std::move(words));
  }
  return Status::Ok();
}

// "on|for" -> {"on", "for"}, lower-cased; an empty item is an error about `path`.
Result<std::vector<std::string>> SplitBars(const std::string& list, const std::string& path) {
  std::vector<std::string> out;
  std::string w;
  for (char c : list + "|") {
    if (c == '|') {
      if (w.empty()) return Status::Error("an empty case or lemma in \"" + path + "\"");
      out.push_back(Lower(w));
      w.clear();
    } else {
      w += c;
    }
  }
  return out;
}

// Takes a trailing "<open>a|b<close>" list off a path step ("obj{demand|request}",
// "obl[for|on]") into `out`; a step without `open` is left as it is.
Status TakeTrailingList(std::string* step, char open, char close, const char* what, const std::string& path,
                        std::vector<std::string>* out) {
  const size_t lb = step->find(open);
  if (lb == std::string::npos) return Status::Ok();
  if (step->back() != close)
    return Status::Error(std::string("a step's ") + what + " list must end with '" + close + "': \"" + path + "\"");
  auto items = SplitBars(step->substr(lb + 1, step->size() - lb - 2), path);
  if (!items.ok()) return items.status();
  *out = std::move(items).value();
  step->resize(lb);
  return Status::Ok();
}

}  // namespace

Result<DepPath> ParseDepPath(const std::string& text) {
  DepPath path;
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find('>', at);
    if (end == std::string::npos) end = text.size();
    std::string step = text.substr(at, end - at);
    PathStep ps;
    if (!step.empty() && step[0] == '^') {
      ps.up = true;
      step.erase(0, 1);
    }
    if (Status s = TakeTrailingList(&step, '{', '}', "lemma", text, &ps.lemmas); !s.ok()) return s;
    if (Status s = TakeTrailingList(&step, '[', ']', "case", text, &ps.cases); !s.ok()) return s;
    if (step.empty()) return Status::Error("an empty step in the path \"" + text + "\"");
    for (char c : step)
      if (!(std::islower(static_cast<unsigned char>(c)) || c == ':'))
        return Status::Error("'" + step + "' is no dependency relation (in \"" + text + "\")");
    ps.relation = step;
    path.push_back(std::move(ps));
    at = end + 1;
  }
  return path;
}

std::string ClauseRuleSet::DefaultPath() { return DataFile("statements/rules/en.yaml"); }

namespace {

// Word lists with no default: a file without one would silently lose its check. Read after
// the rules, so that a broken rule is reported first.
Status LoadRequiredLists(const YAML::Node& root, const std::string& path, ClauseRuleSet* rs) {
  const std::pair<const char*, std::vector<std::string>*> required[] = {
      {"relative_pronouns", &rs->relative_pronouns}, {"adverbial_relatives", &rs->adverbial_relatives}};
  for (const auto& [key, out] : required) {
    if (!root[key]) return Status::Error(std::string("the clause rule file lacks the required list '") + key + "'", path);
    if (Status st = yaml::GetStringList(root, key, path, out); !st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace

Result<ClauseRuleSet> ClauseRuleSet::Load(const std::string& path, const CueLexicon& cues) {
  YAML::Node root;
  if (Status st = yaml::LoadFile(path, "clause rule", &root); !st.ok()) return st;
  if (!root.IsMap()) return Status::Error("a clause rule file is a YAML map with 'rules'", path, yaml::LineOf(root));
  ClauseRuleSet rs;
  if (Status st = LoadSettings(root, path, &rs); !st.ok()) return st;
  const YAML::Node rules = root["rules"];
  if (!rules || !rules.IsSequence())
    return Status::Error("'rules' must be a list of clause rules", path, rules ? yaml::LineOf(rules) : 0);
  for (const YAML::Node& n : rules) {
    auto r = LoadRule(n, path, cues);
    if (!r.ok()) return r.status();
    for (const ClauseRule& other : rs.rules)
      if (other.name == r->name)
        return Status::Error("clause rule '" + r->name + "' is defined twice (first on line " +
                                 std::to_string(other.line) + ")",
                             path, r->line);
    rs.rules.push_back(std::move(r).value());
  }
  if (Status st = LoadRequiredLists(root, path, &rs); !st.ok()) return st;
  return rs;
}

int HeadWordOf(const syntax::ParsedSentence& s, size_t begin, size_t end) {
  for (int i = 0; i < s.size(); ++i) {
    const auto& t = s.tokens[i];
    if (t.begin < begin || t.end > end) continue;
    const int h = t.head;
    if (h < 0 || s.tokens[h].begin < begin || s.tokens[h].end > end) return i;
  }
  return -1;
}

std::vector<ClauseMatch> MatchClauseRules(const ClauseRuleSet& rules, const syntax::ParsedSentence& s,
                                          const std::vector<char>& is_issue, const ClauseRule* only,
                                          std::string* trace) {
  std::vector<ClauseMatch> all;
  if (static_cast<int>(is_issue.size()) != s.size()) return all;
  for (const ClauseRule& r : rules.rules)
    if (only == nullptr || only == &r) MatchRule(rules, r, s, is_issue, &all, trace);
  return Prefer(s, std::move(all));
}

}  // namespace faultline
