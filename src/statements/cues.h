// The cue lexicon: words that carry a stance (support, oppose, evaluations), that cancel
// it (hypotheticals), flip it (negation), or tell who holds it (reporting verbs, subject
// nouns, pronouns, camps, exceptions, sources). Loaded from YAML (data/cues/en.yaml) so
// that a user can extend it.
#pragma once

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "statements/patterns.h"
#include "util/status.h"

namespace faultline {

// What a verb of CueLexicon::speech() is: the payload of its matches.
enum SpeechKind : int {
  kSpeechPlain = 0,      // "said": the content follows
  kSpeechAddressee = 1,  // "told Zelensky that": an addressee before the content
  kSpeechCognition = 2,  // "is convinced"
  kSpeechThat = 3,       // "announced": reports only before "that" or a quote
  kSpeechAttitude = 4,   // "hopes that": the subject holds the stance of what follows
  kSpeechDoubt = 5,      // "doubts that": a that-verb whose subject denies the content
};

enum class CueKind : uint8_t {
  kSupport,       // "favor", "call for"                    polarity +1
  kOppose,        // "oppose", "warn against"               polarity -1
  kFrame,         // "regard", "call" (X as Y)              neutral anchor
  kSincerity,     // "serious about"                        +1, held by the believer
  kEvalPositive,  // "necessary", "must continue"           +1 on what it evaluates
  kEvalNegative,  // "counterproductive", "a mistake"       -1
  kNegation,      // "not", "never"
  kHypothetical,  // "could", "fear", "whether"
  kProform,       // "doing so", "such demands"
};

struct Cue {
  CueKind kind = CueKind::kSupport;
  std::string text;   // as written in the lexicon
  bool verb = false;  // listed as a verb (may head a passive: "was offered")
  bool noun = false;  // a noun ("calls for"): a name just before it is its holder
};

using WordSet = std::unordered_set<std::string>;

class CueLexicon {
 public:
  static Result<CueLexicon> Load(const std::string& path);
  static std::string DefaultPath();  // data/cues/en.yaml

  const IrregularForms& irregular() const { return irregular_; }
  // Every irregular form of `irregular()` ("sent", "given", "withheld", "frozen"), as a set.
  const WordSet& irregular_forms() const { return irregular_forms_; }
  // Stance-bearing cues, negators, hypotheticals and pro-forms.
  const PatternSet& cues() const { return cues_; }
  const Cue& cue(int payload) const { return cue_entries_[payload]; }
  // The one-word verbs of a class ("support" -> favor, back, ...), as lemmas: the cue
  // classes that clause rules name (statements/clause_rules.h).
  std::vector<std::string> SingleWordVerbs(CueKind kind) const;
  // Reporting, cognition, attitude and doubt verbs; a match's payload is its SpeechKind.
  const PatternSet& speech() const { return speech_; }
  const PatternSet& exceptions() const { return exceptions_; }
  const PatternSet& camp_members() const { return camp_members_; }
  const PatternSet& according() const { return according_; }
  const PatternSet& anonymous_sources() const { return anonymous_; }
  // Verbs that make their subject the author of a proposal, and the nouns that name one
  // ("offered ... an agreement"; later "this agreement would ...").
  const PatternSet& proposal_verbs() const { return proposal_verbs_; }
  // Verbs and nouns of proposing whose complement clause may be in the subjunctive ("proposed
  // that the sanctions be tightened", "the suggestion that Russia be readmitted"), and the
  // words that make a "be" after them no subjunctive ("would be", "to be"). A match's payload
  // is 0 for a verb, 1 for a noun.
  const PatternSet& mandative() const { return mandative_; }
  const WordSet& not_subjunctive() const { return not_subjunctive_; }
  const WordSet& proposal_nouns() const { return proposal_nouns_; }
  // Nouns of what a holder issues ("a joint declaration promising ..."): an -ing verb after
  // one speaks for the holder, not for the noun.
  const WordSet& statement_nouns() const { return statement_nouns_; }
  // Nouns of an act ("Germany's decision to ..."): a possessive subject with one holds the
  // act, while an evaluation after it ("... is an escalation") belongs to someone else.
  const WordSet& act_nouns() const { return act_nouns_; }
  // Participles that are adjectives after "be" ("we are committed to"): no passive.
  const WordSet& adjectival_participles() const { return adjectival_participles_; }
  // "claimed", "alleged": before a noun cue, the writer disputes it
  const WordSet& disputed_modifiers() const { return disputed_modifiers_; }
  // Nouns that name a person by the stance they hold ("proponent", "critics"): what follows
  // their "of" is what they stand for, never who holds it.
  const WordSet& stance_holder_nouns() const { return stance_holder_nouns_; }
  // "just", "only": after a negator they make it additive ("not just arms, but also aid"),
  // not a negation of what follows.
  const WordSet& focus_particles() const { return focus_particles_; }
  const WordSet& prepositions() const { return prepositions_; }
  // Forms of verbs that carry a stance only through the verb they govern ("continues to").
  const WordSet& aspectual_verbs() const { return aspectual_verbs_; }
  // Verb forms after which an object and a participle say what the subject wants done to
  // the object: "wants the sanctions lifted".
  const WordSet& object_complement_verbs() const { return object_complement_verbs_; }
  // Words that end the term's phrase before such a participle: an auxiliary, a relative
  // pronoun or a coordinator opens another clause ("wants the sanctions that were lifted").
  const WordSet& object_complement_ends() const { return object_complement_ends_; }
  // Words that open a circumstance after the term ("in response to", "amid"): an
  // evaluation beyond them is about the circumstance.
  const WordSet& circumstance_words() const { return circumstance_words_; }
  // Words that make a term a bargaining chip ("tied the release of aid to", "the aid as
  // leverage", "conditional on"): holding it back as a price is no support for giving it.
  const WordSet& leverage_words() const { return leverage_words_; }
  // Verbs of witnessing ("see", "observe"): a negated one denies the act it reports.
  const WordSet& sighting_verbs() const { return sighting_verbs_; }
  // Lemmas of verbs whose object still bears the stance of the cue before them ("wants to
  // buy weapons"); any other verb that is not a cue stops the chain at its object
  // (statements/chain_reach.h).
  const WordSet& carrier_verbs() const { return carrier_verbs_; }
  // Verb forms that, after a possessive, are nouns of an event, not of a stance
  // ("Ukraine's fight for freedom").
  const WordSet& event_nouns() const { return event_nouns_; }
  // Transcript labels of turns that speak for nobody ("Q", "AUDIENCE MEMBER"), lowercase.
  const WordSet& transcript_audience() const { return transcript_audience_; }
  // The voice of a document (statements/document_voice.h), lower-cased as written:
  // title phrases of joint documents ("joint statement") and of one speaker's text
  // ("remarks by"), and words before a title name that make it a topic, not a signatory.
  const WordSet& joint_titles() const { return joint_titles_; }
  const WordSet& speaker_titles() const { return speaker_titles_; }
  const WordSet& voice_topic_words() const { return voice_topic_words_; }
  // Titles of leaders ("president", "prime minister"): a title name of this kind followed by
  // "of" and a state is a speaker, and a transcript label of one of them and an unknown name
  // ("PRESIDENT X:") is a guest's.
  const WordSet& leader_titles() const { return leader_titles_; }

  const WordSet& subject_words() const { return subject_words_; }
  const WordSet& vague_quantifiers() const { return vague_quantifiers_; }
  const WordSet& member_nouns() const { return member_nouns_; }
  const WordSet& pronouns() const { return pronouns_; }
  const WordSet& possessives() const { return possessives_; }
  const WordSet& non_agent_heads() const { return non_agent_heads_; }
  const WordSet& first_person() const { return first_person_; }
  const WordSet& openers_with_comma() const { return openers_with_comma_; }
  const WordSet& openers_alone() const { return openers_alone_; }
  // "if and" in "if and when": an opener right after one of these continues their clause.
  const WordSet& openers_joined_after() const { return openers_joined_after_; }
  // "should" in "should Russia invade", and the words a subject after it may start with.
  const WordSet& inverting_modals() const { return inverting_modals_; }
  const WordSet& inverted_subject_starts() const { return inverted_subject_starts_; }
  // Openers after a comma that open a clause only when no comma closes them soon: ", as the EU
  // imposed sanctions" is a clause, ", as you know," a parenthetical.
  const WordSet& openers_unless_parenthetical() const { return openers_unless_parenthetical_; }
  const WordSet& intro_prepositions() const { return intro_prepositions_; }
  const WordSet& adverbs() const { return adverbs_; }
  const WordSet& camp_nouns() const { return camp_nouns_; }
  const WordSet& reporters() const { return reporters_; }

  // Function words the rules consult (data/cues/en.yaml explains each). Every lexicon must
  // name these lists (RequiredLists()); an empty one turns its check off.
  static const std::vector<std::string>& RequiredLists();
  // Whether `w` negates what follows: one of `negators`, or ends in a `negator_suffixes` entry.
  bool IsNegatorWord(const std::string& w) const;
  const WordSet& object_pronouns() const { return object_pronouns_; }
  const WordSet& modifier_determiners() const { return modifier_determiners_; }
  const WordSet& modifier_possessors() const { return modifier_possessors_; }
  const WordSet& modifier_verbal_words() const { return modifier_verbal_words_; }
  const WordSet& speech_noun_determiners() const { return speech_noun_determiners_; }
  const WordSet& coordination_words() const { return coordination_words_; }
  const WordSet& by_phrase_joiners() const { return by_phrase_joiners_; }
  const WordSet& sighting_object_determiners() const { return sighting_object_determiners_; }
  const WordSet& object_determiners() const { return object_determiners_; }
  const WordSet& recipient_prepositions() const { return recipient_prepositions_; }
  const WordSet& question_words() const { return question_words_; }
  const WordSet& relative_pronouns() const { return relative_pronouns_; }
  const WordSet& demand_modals() const { return demand_modals_; }
  const WordSet& person_pronouns() const { return person_pronouns_; }
  const WordSet& leading_conjunctions() const { return leading_conjunctions_; }
  const WordSet& predicate_coordinators() const { return predicate_coordinators_; }
  const WordSet& group_glue_words() const { return group_glue_words_; }
  const WordSet& subject_lead_words() const { return subject_lead_words_; }
  const WordSet& own_state_nouns() const { return own_state_nouns_; }
  const WordSet& proposal_subject_openers() const { return proposal_subject_openers_; }
  const WordSet& proposal_determiners() const { return proposal_determiners_; }
  const WordSet& participle_clause_openers() const { return participle_clause_openers_; }
  const WordSet& expletive_it_words() const { return expletive_it_words_; }
  const WordSet& coordinated_verb_openers() const { return coordinated_verb_openers_; }
  const WordSet& passive_auxiliaries() const { return passive_auxiliaries_; }
  const WordSet& passive_adverbs() const { return passive_adverbs_; }
  const WordSet& passive_be_forms() const { return passive_be_forms_; }
  const WordSet& passive_participles() const { return passive_participles_; }
  const WordSet& gerund_verbal_words() const { return gerund_verbal_words_; }
  const WordSet& co_agent_words() const { return co_agent_words_; }
  const WordSet& speaker_demand_modals() const { return speaker_demand_modals_; }
  const WordSet& naming_prepositions() const { return naming_prepositions_; }
  const WordSet& name_joiners() const { return name_joiners_; }
  const WordSet& topic_prepositions() const { return topic_prepositions_; }
  const WordSet& target_determiners() const { return target_determiners_; }
  const WordSet& membership_prepositions() const { return membership_prepositions_; }
  const WordSet& articles() const { return articles_; }
  const WordSet& target_cases() const { return target_cases_; }
  const WordSet& act_cases() const { return act_cases_; }
  const WordSet& aim_cases() const { return aim_cases_; }
  const WordSet& modifier_list_joiners() const { return modifier_list_joiners_; }
  // The second person ("you", "your") and the words after or before it that make it
  // generic ("you know", "if you"): statements/addressee.cpp.
  const WordSet& second_person() const { return second_person_; }
  const WordSet& second_person_possessives() const { return second_person_possessives_; }
  const WordSet& generic_you_after() const { return generic_you_after_; }
  const WordSet& generic_you_before() const { return generic_you_before_; }
  // The actor an official document speaks for, from its URL or outlet host
  // ("whitehouse.gov" -> USA), or empty. Its "we"/"I" outside quotes is that actor.
  std::string OfficialVoice(const std::string& url, const std::string& outlet) const;

 private:
  // The required function-word sets and the member each fills: the one table that both
  // Load and RequiredLists() read, so a key cannot be checked without being read.
  static const std::vector<std::pair<std::string, WordSet CueLexicon::*>>& RequiredSets();

  IrregularForms irregular_;
  std::vector<std::pair<std::string, std::string>> official_voices_;  // host part, actor
  PatternSet cues_;
  std::vector<Cue> cue_entries_;
  PatternSet speech_, exceptions_, camp_members_, according_, anonymous_, proposal_verbs_, mandative_;
  WordSet subject_words_, vague_quantifiers_, member_nouns_, pronouns_, first_person_, openers_with_comma_,
      openers_alone_, openers_joined_after_, inverting_modals_, inverted_subject_starts_, openers_unless_parenthetical_, intro_prepositions_, adverbs_, camp_nouns_, reporters_, possessives_, non_agent_heads_,
      proposal_nouns_, statement_nouns_, act_nouns_, adjectival_participles_, event_nouns_,
      irregular_forms_, transcript_audience_, aspectual_verbs_, object_complement_verbs_, object_complement_ends_, circumstance_words_, leverage_words_, sighting_verbs_, carrier_verbs_, joint_titles_, speaker_titles_,
      voice_topic_words_, leader_titles_, disputed_modifiers_, stance_holder_nouns_, focus_particles_, prepositions_,
      not_subjunctive_;
  // the required function-word lists
  WordSet negators_, object_pronouns_, modifier_determiners_, modifier_possessors_, modifier_verbal_words_,
      speech_noun_determiners_, coordination_words_, by_phrase_joiners_, sighting_object_determiners_,
      object_determiners_, recipient_prepositions_, question_words_, relative_pronouns_, demand_modals_,
      person_pronouns_, leading_conjunctions_, predicate_coordinators_,
      group_glue_words_, subject_lead_words_, own_state_nouns_, proposal_subject_openers_, proposal_determiners_,
      participle_clause_openers_, expletive_it_words_, coordinated_verb_openers_, passive_auxiliaries_,
      passive_adverbs_, passive_be_forms_, passive_participles_, gerund_verbal_words_, co_agent_words_,
      speaker_demand_modals_, naming_prepositions_, name_joiners_, topic_prepositions_, target_determiners_,
      membership_prepositions_, articles_, target_cases_, act_cases_, aim_cases_,
      modifier_list_joiners_,
      second_person_, second_person_possessives_, generic_you_after_, generic_you_before_;
  std::vector<std::string> negator_suffixes_;
};

}  // namespace faultline
