#include "statements/cues.h"

#include <yaml-cpp/yaml.h>

#include "util/data_path.h"

namespace faultline {
namespace {

std::vector<std::string> List(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar()) {
    out.push_back(n.as<std::string>());
  } else if (n.IsSequence()) {
    for (const auto& x : n)
      if (x.IsScalar()) out.push_back(x.as<std::string>());
  }
  return out;
}

void Words(const YAML::Node& n, WordSet* out) {
  for (const auto& w : List(n))
    for (const auto& t : TokenizeWords(w)) out->insert(t);
}

// Multi-word entries stay whole: "even though".
void Phrases(const YAML::Node& n, WordSet* out) {
  for (const auto& w : List(n)) {
    std::string joined;
    for (const auto& t : TokenizeWords(w)) joined += (joined.empty() ? "" : " ") + t;
    out->insert(joined);
  }
}

// Whether `w` is one token as the tokenizer writes it in running text, lower-cased: alone
// ("sanctions", ",") or after a word ("'s" of "Russia's"). "like-minded" is three tokens and
// "Mr." two, so an entry written so could never match.
bool IsOneToken(const std::string& w) {
  const std::vector<std::string> alone = TokenizeWords(w);
  if (alone.size() == 1 && alone[0] == w) return true;
  const std::vector<std::string> after = TokenizeWords("x" + w);
  return after.size() == 2 && after[0] == "x" && after[1] == w;
}

// The required sets whose entries may also be two tokens joined by one space, matched against
// a word and the one after it ("you have to"), or a contraction's tail, matched against the
// end of a word the tokenizer keeps whole ("'d": "you'd"): generic_you_after.
bool TakesPairsAndTails(const std::string& key) { return key == "generic_you_after"; }

// `w` as its list may hold it: one token; for generic_you_after also a pair or a tail.
bool IsListEntry(const std::string& key, const std::string& w) {
  if (IsOneToken(w)) return true;
  if (!TakesPairsAndTails(key)) return false;
  if (w.size() > 1 && w[0] == '\'' && IsOneToken("x" + w)) return true;
  const size_t space = w.find(' ');
  return space != std::string::npos && IsOneToken(w.substr(0, space)) && IsOneToken(w.substr(space + 1));
}

}  // namespace

std::string CueLexicon::OfficialVoice(const std::string& url, const std::string& outlet) const {
  // the host of the URL (or the outlet as given)
  auto host_of = [](const std::string& u) {
    size_t b = u.find("://");
    b = b == std::string::npos ? 0 : b + 3;
    size_t e = u.find_first_of("/?#", b);
    std::string h = u.substr(b, e == std::string::npos ? std::string::npos : e - b);
    for (auto& ch : h) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return h;
  };
  for (const std::string& h : {host_of(url), host_of(outlet)}) {
    if (h.empty()) continue;
    for (const auto& [part, actor] : official_voices_) {
      // "whitehouse.gov" matches "www.whitehouse.gov" and "bidenwhitehouse.archives.gov"
      // only at a label boundary or as the whole host's suffix
      if (h == part || (h.size() > part.size() && h.compare(h.size() - part.size(), part.size(), part) == 0 &&
                        h[h.size() - part.size() - 1] == '.'))
        return actor;
      if (h.find(part) != std::string::npos && part.find('.') != std::string::npos) return actor;
    }
  }
  return {};
}

std::string CueLexicon::DefaultPath() { return DataFile("cues/en.yaml"); }

Result<CueLexicon> CueLexicon::Load(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::Error("cannot open cue lexicon", path);
  } catch (const YAML::Exception& e) {
    return Status::Error(std::string("not a valid YAML cue lexicon: ") + e.what(), path, e.mark.line + 1);
  }
  if (!root.IsMap()) return Status::Error("a cue lexicon is a YAML map", path);
  CueLexicon lex;
  if (const YAML::Node irr = root["irregular"]; irr && irr.IsMap())
    for (const auto& kv : irr) {
      std::vector<std::string> forms = List(kv.second);
      lex.irregular_forms_.insert(forms.begin(), forms.end());
      lex.irregular_[kv.first.as<std::string>()] = std::move(forms);
    }

  auto add = [&](CueKind kind, const YAML::Node& n, Inflect inflect, bool noun = false) -> Status {
    for (const auto& text : List(n)) {
      const int payload = static_cast<int>(lex.cue_entries_.size());
      if (Status s = lex.cues_.Add(text, inflect, payload, lex.irregular_); !s.ok()) return s.WithLocation(path);
      lex.cue_entries_.push_back(Cue{kind, text, inflect == Inflect::kVerb, noun});
    }
    return Status::Ok();
  };
  struct Section {
    const char* key;
    CueKind kind;
  };
  for (const Section& sec : {Section{"support", CueKind::kSupport}, Section{"oppose", CueKind::kOppose},
                             Section{"frame", CueKind::kFrame}, Section{"sincerity", CueKind::kSincerity}}) {
    const YAML::Node n = root[sec.key];
    if (!n) continue;
    if (Status s = add(sec.kind, n["verbs"], Inflect::kVerb); !s.ok()) return s;
    if (Status s = add(sec.kind, n["phrases"], Inflect::kNone); !s.ok()) return s;
    if (Status s = add(sec.kind, n["nouns"], Inflect::kNone, true); !s.ok()) return s;
  }
  // These sections are a list, or a map with `phrases` (and `verbs`, inflected).
  for (const Section& sec :
       {Section{"evaluative_positive", CueKind::kEvalPositive}, Section{"evaluative_negative", CueKind::kEvalNegative},
        Section{"negation", CueKind::kNegation}, Section{"hypothetical", CueKind::kHypothetical},
        Section{"proforms", CueKind::kProform}}) {
    const YAML::Node n = root[sec.key];
    if (!n) continue;
    if (n.IsMap()) {
      if (Status s = add(sec.kind, n["verbs"], Inflect::kVerb); !s.ok()) return s;
      if (Status s = add(sec.kind, n["phrases"], Inflect::kNone); !s.ok()) return s;
      if (Status s = add(sec.kind, n["words"], Inflect::kNone); !s.ok()) return s;
    } else if (Status s = add(sec.kind, n, Inflect::kNone); !s.ok()) {
      return s;
    }
  }
  if (lex.cue_entries_.empty()) return Status::Error("the cue lexicon has no cues", path);

  if (const YAML::Node sp = root["speech"]) {
    for (const auto& v : List(sp["verbs"])) lex.speech_.Add(v, Inflect::kVerb, kSpeechPlain, lex.irregular_);
    for (const auto& v : List(sp["addressee_verbs"])) lex.speech_.Add(v, Inflect::kVerb, kSpeechAddressee, lex.irregular_);
    for (const auto& v : List(sp["that_verbs"])) lex.speech_.Add(v, Inflect::kVerb, kSpeechThat, lex.irregular_);
    for (const auto& v : List(sp["attitude_verbs"])) lex.speech_.Add(v, Inflect::kVerb, kSpeechAttitude, lex.irregular_);
    for (const auto& v : List(sp["doubt_verbs"])) lex.speech_.Add(v, Inflect::kVerb, kSpeechDoubt, lex.irregular_);
  }
  if (const YAML::Node cg = root["cognition"])
    for (const auto& v : List(cg["verbs"])) lex.speech_.Add(v, Inflect::kVerb, kSpeechCognition, lex.irregular_);
  if (const YAML::Node pr = root["proposals"]) {
    for (const auto& v : List(pr["verbs"]))
      if (Status s = lex.proposal_verbs_.Add(v, Inflect::kVerb, 0, lex.irregular_); !s.ok()) return s.WithLocation(path);
    Phrases(pr["nouns"], &lex.proposal_nouns_);
  }
  if (const YAML::Node md = root["mandative"]) {
    for (const auto& v : List(md["verbs"]))
      if (Status s = lex.mandative_.Add(v, Inflect::kVerb, 0, lex.irregular_); !s.ok()) return s.WithLocation(path);
    for (const auto& v : List(md["nouns"]))
      if (Status s = lex.mandative_.Add(v, Inflect::kNone, 1); !s.ok()) return s.WithLocation(path);
    Words(md["not_before_be"], &lex.not_subjunctive_);
  }
  for (const auto& e : List(root["exceptions"])) lex.exceptions_.Add(e, Inflect::kNone, 0);
  for (const auto& e : List(root["camp_members"])) lex.camp_members_.Add(e, Inflect::kNone, 0);
  if (const YAML::Node src = root["sources"]) {
    for (const auto& e : List(src["according"])) lex.according_.Add(e, Inflect::kNone, 0);
    for (const auto& e : List(src["anonymous"])) lex.anonymous_.Add(e, Inflect::kNone, 0);
    Words(src["reporters"], &lex.reporters_);
  }
  if (const YAML::Node ov = root["official_voices"]; ov && ov.IsSequence())
    for (const auto& v : ov)
      if (v["host"] && v["actor"]) lex.official_voices_.emplace_back(v["host"].as<std::string>(), v["actor"].as<std::string>());
  Words(root["vague_quantifiers"], &lex.vague_quantifiers_);
  Words(root["member_nouns"], &lex.member_nouns_);
  Words(root["pronouns"], &lex.pronouns_);
  Words(root["possessives"], &lex.possessives_);
  Words(root["non_agent_heads"], &lex.non_agent_heads_);
  Words(root["first_person"], &lex.first_person_);
  if (const YAML::Node ic = root["inverted_condition"]) {
    Phrases(ic["modals"], &lex.inverting_modals_);
    Phrases(ic["subject_starts"], &lex.inverted_subject_starts_);
  }
  if (const YAML::Node co = root["clause_openers"]) {
    Phrases(co["with_comma"], &lex.openers_with_comma_);
    Phrases(co["alone"], &lex.openers_alone_);
    Phrases(co["joined_after"], &lex.openers_joined_after_);
    Phrases(co["with_comma_unless_parenthetical"], &lex.openers_unless_parenthetical_);
  }
  Words(root["intro_prepositions"], &lex.intro_prepositions_);
  Words(root["adverbs"], &lex.adverbs_);
  Words(root["camp_nouns"], &lex.camp_nouns_);
  Words(root["statement_nouns"], &lex.statement_nouns_);
  Words(root["act_nouns"], &lex.act_nouns_);
  Words(root["adjectival_participles"], &lex.adjectival_participles_);
  Words(root["disputed_modifiers"], &lex.disputed_modifiers_);
  Words(root["stance_holder_nouns"], &lex.stance_holder_nouns_);
  Words(root["focus_particles"], &lex.focus_particles_);
  Words(root["prepositions"], &lex.prepositions_);
  Words(root["aspectual_verbs"], &lex.aspectual_verbs_);
  Words(root["object_complement_verbs"], &lex.object_complement_verbs_);
  Words(root["object_complement_ends"], &lex.object_complement_ends_);
  Words(root["circumstance_words"], &lex.circumstance_words_);
  Words(root["leverage_words"], &lex.leverage_words_);
  Words(root["sighting_verbs"], &lex.sighting_verbs_);
  Words(root["carrier_verbs"], &lex.carrier_verbs_);
  Words(root["event_nouns"], &lex.event_nouns_);
  Phrases(root["transcript_audience"], &lex.transcript_audience_);
  // The function-word lists have no default: a lexicon without one would silently drop a
  // check (no negators: nothing negated), so a missing key is an error naming file and key.
  for (const std::string& key : RequiredLists()) {
    const YAML::Node n = root[key];
    if (!n) return Status::Error("the cue lexicon lacks the required list '" + key + "'", path);
    if (!n.IsSequence()) return Status::Error("'" + key + "' must be a list", path, n.Mark().line + 1);
  }
  // Each entry is one token as the tokenizer writes it, kept as written: the tokenizer would
  // split "'s" into a quote mark and "s", and "n't" is a word ending, not a word. An entry
  // that is no such token is an error, not a word that silently never matches.
  for (const auto& [key, member] : RequiredSets())
    for (const std::string& w : List(root[key])) {
      if (!IsListEntry(key, w))
        return Status::Error("'" + w + "' in '" + key + "' is not one lower-case token as the tokenizer writes it " +
                                 "(list its parts: \"high-ranking\" is high, \"-\", ranking)",
                             path, root[key].Mark().line + 1);
      (lex.*member).insert(w);
    }
  lex.negator_suffixes_ = List(root["negator_suffixes"]);
  if (const YAML::Node dv = root["document_voice"]) {
    auto lower = [](const YAML::Node& n, WordSet* out) {
      for (std::string w : List(n)) {
        for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        out->insert(w);
      }
    };
    lower(dv["joint_titles"], &lex.joint_titles_);
    lower(dv["speaker_titles"], &lex.speaker_titles_);
    lower(dv["topic_words"], &lex.voice_topic_words_);
    lower(dv["leader_titles"], &lex.leader_titles_);
  }
  return lex;
}

const std::vector<std::pair<std::string, WordSet CueLexicon::*>>& CueLexicon::RequiredSets() {
  static const std::vector<std::pair<std::string, WordSet CueLexicon::*>> kSets = {
      {"subject_words", &CueLexicon::subject_words_},
      {"negators", &CueLexicon::negators_},
      {"object_pronouns", &CueLexicon::object_pronouns_},
      {"modifier_determiners", &CueLexicon::modifier_determiners_},
      {"modifier_possessors", &CueLexicon::modifier_possessors_},
      {"modifier_verbal_words", &CueLexicon::modifier_verbal_words_},
      {"speech_noun_determiners", &CueLexicon::speech_noun_determiners_},
      {"coordination_words", &CueLexicon::coordination_words_},
      {"by_phrase_joiners", &CueLexicon::by_phrase_joiners_},
      {"sighting_object_determiners", &CueLexicon::sighting_object_determiners_},
      {"object_determiners", &CueLexicon::object_determiners_},
      {"recipient_prepositions", &CueLexicon::recipient_prepositions_},
      {"question_words", &CueLexicon::question_words_},
      {"relative_pronouns", &CueLexicon::relative_pronouns_},
      {"demand_modals", &CueLexicon::demand_modals_},
      {"person_pronouns", &CueLexicon::person_pronouns_},
      {"leading_conjunctions", &CueLexicon::leading_conjunctions_},
      {"predicate_coordinators", &CueLexicon::predicate_coordinators_},
      {"group_glue_words", &CueLexicon::group_glue_words_},
      {"subject_lead_words", &CueLexicon::subject_lead_words_},
      {"own_state_nouns", &CueLexicon::own_state_nouns_},
      {"proposal_subject_openers", &CueLexicon::proposal_subject_openers_},
      {"proposal_determiners", &CueLexicon::proposal_determiners_},
      {"participle_clause_openers", &CueLexicon::participle_clause_openers_},
      {"expletive_it_words", &CueLexicon::expletive_it_words_},
      {"coordinated_verb_openers", &CueLexicon::coordinated_verb_openers_},
      {"passive_auxiliaries", &CueLexicon::passive_auxiliaries_},
      {"passive_adverbs", &CueLexicon::passive_adverbs_},
      {"passive_be_forms", &CueLexicon::passive_be_forms_},
      {"passive_participles", &CueLexicon::passive_participles_},
      {"gerund_verbal_words", &CueLexicon::gerund_verbal_words_},
      {"co_agent_words", &CueLexicon::co_agent_words_},
      {"speaker_demand_modals", &CueLexicon::speaker_demand_modals_},
      {"naming_prepositions", &CueLexicon::naming_prepositions_},
      {"name_joiners", &CueLexicon::name_joiners_},
      {"topic_prepositions", &CueLexicon::topic_prepositions_},
      {"target_determiners", &CueLexicon::target_determiners_},
      {"membership_prepositions", &CueLexicon::membership_prepositions_},
      {"articles", &CueLexicon::articles_},
      {"target_cases", &CueLexicon::target_cases_},
      {"act_cases", &CueLexicon::act_cases_},
      {"aim_cases", &CueLexicon::aim_cases_},
      {"modifier_list_joiners", &CueLexicon::modifier_list_joiners_},
      {"second_person", &CueLexicon::second_person_},
      {"second_person_possessives", &CueLexicon::second_person_possessives_},
      {"generic_you_after", &CueLexicon::generic_you_after_},
      {"generic_you_before", &CueLexicon::generic_you_before_}};
  return kSets;
}

// The sets above and the one list that is not a set (word endings).
const std::vector<std::string>& CueLexicon::RequiredLists() {
  static const std::vector<std::string> kKeys = [] {
    std::vector<std::string> keys = {"negator_suffixes"};
    for (const auto& [key, member] : RequiredSets()) keys.push_back(key);
    return keys;
  }();
  return kKeys;
}

bool CueLexicon::IsNegatorWord(const std::string& w) const {
  if (negators_.count(w)) return true;
  for (const std::string& s : negator_suffixes_)
    if (w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0) return true;
  return false;
}

std::vector<std::string> CueLexicon::SingleWordVerbs(CueKind kind) const {
  std::vector<std::string> out;
  for (const Cue& c : cue_entries_)
    if (c.kind == kind && c.verb && c.text.find(' ') == std::string::npos) out.push_back(c.text);
  return out;
}

}  // namespace faultline
