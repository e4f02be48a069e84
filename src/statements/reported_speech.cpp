// Reported speech: the reporting verbs that introduce content (FindSpeech), the speaker of
// a quote or of a paragraph's quotes (FindSpeaker, SpeakerAhead, TrailingQuoteSpeaker), the
// holder of a cue in reported content (ReportedHolder, VerbSpeaker, SpeakerBefore) and the
// source a statement is reported by (Source). Separate because who says a thing and who
// holds it are different questions, decided here from the quote marks and verbs of saying.

#include "statements/sentence_analyzer.h"

namespace faultline {
namespace statements_internal {

// FindHolder with a reporting verb before the cue: the speaker holds the stance of a
// belief or hope; otherwise the reported content's own subject does, if it has one.
Holder SentenceAnalyzer::ReportedHolder(const Clause& c, size_t c0, const PatternMatch& verb, bool sincerity,
                                        size_t ci, bool c0_is_term) const {
  bool unknown = false;
  const Holder speaker = VerbSpeaker(c, verb, ci, &unknown);
  if (unknown) {
    // an unknown speaker ("Graham, who said he ..."): nobody to hand the content to
    if (!sincerity && verb.payload != kSpeechAttitude) {
      Subject inner0 = SubjectAt(verb.end, c0);
      if (inner0.kind == SubjKind::kActors) {
        inner0.holder.rule = "reported-subject";
        return inner0.holder;
      }
    }
    return Holder{};
  }
  const size_t cs = ReportedContentStart(verb, c0);
  if (sincerity || verb.payload == kSpeechAttitude) return speaker;  // the believer / hoper holds the stance
  Subject inner = SubjectAt(cs, c0);
  // "said US sanctions on Russia would stay in place": the words before the term modify
  // it; the evaluation is the speaker's
  if (c0_is_term && inner.kind == SubjKind::kNone && !speaker.empty()) {
    Holder h = speaker;
    h.rule = "speaker";
    return h;
  }
  switch (inner.kind) {
    case SubjKind::kActors:
      inner.holder.rule = "reported-subject";
      return inner.holder;
    case SubjKind::kPronoun:
      if (lex_.first_person().count(inner.pronoun) && c.in_quote) return ResolvePronoun(inner.pronoun, true);
      if (!speaker.empty()) {
        Holder h = speaker;
        h.rule = "speaker-pronoun";
        return h;
      }
      return ResolvePronoun(inner.pronoun, c.in_quote);
    case SubjKind::kEmpty:
      return speaker;
    case SubjKind::kNone:
      return Holder{};
  }
  return Holder{};
}

// The speaker of a reporting verb: its subject, a relative clause's antecedent, the main
// clause's subject or the quote's speaker. `*unknown` is set when the verb has a subject
// no actor stands for.
Holder SentenceAnalyzer::VerbSpeaker(const Clause& c, const PatternMatch& verb, size_t ci, bool* unknown) const {
  // "The document said [the UK ...] don't think ...": the speaker of the last verb
  // stands between the verb before it and this one.
  size_t ob = c.b;
  for (const auto& m : speech_)
    if (m.begin >= c.b && m.end <= verb.begin && m.end > ob) ob = m.end;
  Subject outer = SubjectAt(ob, verb.begin);
  Holder speaker;
  const Holder antecedent = RelativeAntecedent(c);
  if (outer.kind == SubjKind::kNone && !antecedent.empty() && ob == c.b) {
    speaker = antecedent;
  } else if (outer.kind == SubjKind::kNone) {
    // "You know, we've sent ...": a generic "you" is a filler, not a speaker nobody knows
    *unknown = !outer.generic_you;
  } else if (outer.kind == SubjKind::kActors) {
    speaker = outer.holder;
    speaker.rule = "speaker";
  } else if (outer.kind == SubjKind::kPronoun) {
    speaker = ResolvePronoun(outer.pronoun, c.in_quote);
  } else if (outer.kind == SubjKind::kEmpty && ci > 0 && !clause0_holder_.empty()) {
    speaker = clause0_holder_;
    speaker.rule = "participle";
  } else if (outer.kind == SubjKind::kEmpty && c.in_quote) {
    speaker = speaker_;
    speaker.rule = "quote-speaker";
  }
  return speaker;
}

// Where the reported content after a reporting verb starts: past its addressee, a short
// adjunct before "that", and "that", "about", "of" or a comma.
size_t SentenceAnalyzer::ReportedContentStart(const PatternMatch& verb, size_t c0) const {
  size_t cs = verb.end;
  if (verb.payload == kSpeechAddressee) {  // addressee: "told Zelensky (that|about)"
    if (cs < c0 && toks_[cs].mention >= 0) cs = MentionEnd(cs);
    while (cs < c0 && (toks_[cs].norm == "'s" || toks_[cs].norm == ",")) ++cs;
  }
  // "said in 2017 that they ...", "said on Friday that": a short adjunct before "that"
  for (size_t t = cs; t < c0 && t < cs + 6; ++t) {
    if (toks_[t].mention >= 0 || toks_[t].type != TokenType::kWord) break;
    if (toks_[t].norm == "that") {
      cs = t;
      break;
    }
  }
  while (cs < c0 && (toks_[cs].norm == "that" || toks_[cs].norm == "about" || toks_[cs].norm == "of" ||
                     toks_[cs].norm == ",")) ++cs;
  return cs;
}

// Reporting verbs that really introduce reported content: plain ones always, addressee
// verbs ("told X that") and object-taking ones ("announced that") only before "that",
// "about", a colon, a comma or a quote.
void SentenceAnalyzer::FindSpeech() {
  std::vector<PatternMatch>& all = speech_all_;
  all.clear();
  lex_.speech().FindAll(view_, 0, toks_.size(), &all);
  all.erase(std::remove_if(all.begin(), all.end(),
                           [&](const PatternMatch& m) { return OverlapsMention(m.begin, m.end); }),
            all.end());
  speech_.clear();
  size_t taken_end = 0;
  for (const auto& m : all) {
    if (m.begin < taken_end || OverlapsMention(m.begin, m.end)) continue;
    // "Trump's remark", "the report": a noun, not a reporting verb
    if (m.begin > 0) {
      const std::string& d = toks_[m.begin - 1].norm;
      if (lex_.speech_noun_determiners().count(d)) continue;
    }
    // "insists on forging ahead", "commented on the talks": a verb with "on" takes an
    // object, it reports nothing
    if (m.end < toks_.size() && toks_[m.end].norm == "on") continue;
    // "believes in diplomacy", "asked for tanks": a reporting verb that opens a longer
    // stance cue of the lexicon is that cue, with the object it names. Not a verb of
    // attitude ("hopes to work with the UK on sanctions"): its subject already holds what
    // follows, and a hope is no cue of its own; nor a that-verb ("complained about the
    // spending", which says nothing of which way)
    if ((m.payload == kSpeechPlain || m.payload == kSpeechAddressee) && OpensLongerStanceCue(m)) continue;
    if (m.payload == kSpeechAddressee || m.payload == kSpeechThat || m.payload == kSpeechDoubt) {
      const size_t window = m.payload == kSpeechAddressee ? 6 : 1;
      bool ok = false;
      for (size_t t = m.end; t < toks_.size() && t <= m.end + window; ++t) {
        const Token& k = toks_[t];
        if (k.norm == "that" || k.norm == "about" || k.norm == ":" || k.norm == "," ||
            (k.type == TokenType::kQuote && k.norm != "'")) {
          ok = true;
          break;
        }
        if (k.norm == "to" || k.norm == "against" || k.norm == "of" || k.norm == ".") break;
      }
      if (!ok) continue;
    }
    speech_.push_back(m);
    taken_end = m.end;
  }
}

bool SentenceAnalyzer::OpensLongerStanceCue(const PatternMatch& speech) const {
  std::vector<PatternMatch> at;
  lex_.cues().MatchAt(view_, speech.begin, toks_.size(), &at);
  for (const auto& c : at) {
    const CueKind kind = lex_.cue(c.payload).kind;
    if ((kind == CueKind::kSupport || kind == CueKind::kOppose) && c.end > speech.end) return true;
  }
  return false;
}

void SentenceAnalyzer::FindSpeaker(size_t para) {
  speaker_ = Holder{};
  const size_t n = toks_.size();
  if (has_speech_quote_) {
    // after the last quoted stretch: "..., a UK official told WSJ" / "... said Macron"
    size_t last_q = n;
    for (size_t t = n; t-- > 0;)
      if (in_quote_[t]) {
        last_q = t + 1;
        break;
      }
    size_t r = last_q;
    while (r < n && (toks_[r].type != TokenType::kWord && toks_[r].mention < 0)) ++r;
    if (r < n) {
      const PatternMatch* verb = nullptr;
      for (const auto& m : speech_all_)
        if (m.begin >= r) {
          verb = &m;
          break;
        }
      if (verb != nullptr) {
        Subject s = SubjectAt(r, verb->begin);
        if (s.kind == SubjKind::kActors) {
          speaker_ = s.holder;
        } else if (s.kind == SubjKind::kPronoun) {
          speaker_ = ResolvePronoun(s.pronoun, false);
        } else if (s.kind == SubjKind::kEmpty) {
          size_t u = verb->end;
          while (u < n && toks_[u].mention < 0 && (lex_.subject_words().count(toks_[u].norm) || toks_[u].capitalized))
            ++u;
          if (u < n && toks_[u].mention >= 0) CollectGroup(u, n, verb->end, &speaker_);
        }
      }
    }
    // before the first quoted stretch: "Macron said: “...”"
    if (speaker_.empty()) {
      size_t first_q = 0;
      while (first_q < n && !in_quote_[first_q]) ++first_q;
      if (first_q > 0 && first_q < n) {
        for (const auto& m : speech_all_)
          if (m.end <= first_q) {
            Subject s = SubjectAt(0, m.begin);
            if (s.kind == SubjKind::kActors) speaker_ = s.holder;
            else if (s.kind == SubjKind::kPronoun) speaker_ = ResolvePronoun(s.pronoun, false);
            break;
          }
      }
    }
    // a quote carried over from the previous sentence of the paragraph, or a new quote
    // right after it ("“...,” Macron said. “We will also ...”")
    size_t first_word = 0;
    while (first_word < n && toks_[first_word].type != TokenType::kWord) ++first_word;
    const bool opens_in_quote = first_word < n && in_quote_[first_word];
    if (speaker_.empty() && opens_in_quote && st_.quote_speaker_para == para &&
        st_.quote_speaker_sentence + 1 == index_)
      speaker_ = st_.quote_speaker;
    // a quote that runs on and names its speaker at its end: "“... tanks. There is no
    // other way,” Scholz said."
    if (speaker_.empty() && opens_in_quote && st_.quote_open && !st_.looking_ahead) speaker_ = SpeakerAhead(para);
  }
  if (!speaker_.empty()) {
    speaker_.rule = "quote-speaker";
    st_.quote_speaker = speaker_;
    st_.quote_speaker_sentence = index_;
    st_.quote_speaker_para = para;
  }
}

std::string SentenceAnalyzer::Source() const {
  if (source_done_) return source_cache_;
  source_done_ = true;
  const size_t n = toks_.size();
  // "according to X", "citing X", "obtained by X": X up to the next comma or clause end
  std::vector<PatternMatch> ms;
  lex_.according().FindAll(view_, 0, n, &ms);
  if (!ms.empty()) {
    size_t b = ms.front().end, e = b;
    while (e < n && toks_[e].norm != "," && toks_[e].norm != "." && toks_[e].norm != ";" && toks_[e].norm != ":" &&
           toks_[e].type != TokenType::kQuote && e < b + 10)
      ++e;
    // "according to a document obtained by Bloomberg" keeps the whole phrase; "according
    // to them" names nobody new
    const bool pronoun =
        e == b + 1 && (lex_.pronouns().count(toks_[b].norm) || lex_.object_pronouns().count(toks_[b].norm));
    if (e > b && !pronoun) {
      source_cache_ = Surface(b, e);
      return source_cache_;
    }
  }
  // "X reported", "sources said", "told X"
  for (size_t t = 1; t < n; ++t) {
    if (!lex_.reporters().count(toks_[t].norm) || in_quote_[t]) continue;
    if (toks_[t].norm == "told" && t + 1 < n && toks_[t + 1].capitalized && toks_[t + 1].mention < 0) {
      size_t e = t + 1;
      while (e < n && toks_[e].capitalized) ++e;
      source_cache_ = Surface(t + 1, e);
      return source_cache_;
    }
    // the noun phrase before the verb, if it is not an actor
    size_t b = t;
    while (b > 0 && toks_[b - 1].type == TokenType::kWord && toks_[b - 1].mention < 0 && !in_quote_[b - 1] &&
           b + 8 > t)
      --b;
    std::vector<PatternMatch> anon;
    if (b < t && (toks_[b].capitalized || lex_.anonymous_sources().MatchAt(view_, b, t, &anon) > 0) &&
        toks_[t - 1].mention < 0) {
      // from the first capitalised word or source noun
      size_t s = b;
      while (s < t && !toks_[s].capitalized && lex_.anonymous_sources().MatchAt(view_, s, t, &anon) == 0) ++s;
      if (s < t) {
        source_cache_ = Surface(s, t);
        return source_cache_;
      }
    }
  }
  source_cache_ = doc_.outlet;
  return source_cache_;
}

// The speaker of a reporting verb in another clause: the subject of its clause ("Trump
// today told NATO members they should ...") or the name or pronoun right before the verb
// ("And on Turkey, President Erdogan said"); empty for anyone else ("the senator was out
// with a statement saying").
Holder SentenceAnalyzer::SpeakerBefore(const PatternMatch& said, bool in_quote) const {
  for (const Clause& k : clauses_) {
    if (said.begin < k.b || said.begin >= k.e) continue;
    Subject outer = SubjectAt(k.b, said.begin);
    if (outer.kind == SubjKind::kActors) return outer.holder;
    if (outer.kind == SubjKind::kPronoun) return ResolvePronoun(outer.pronoun, in_quote);
  }
  if (said.begin == 0) return Holder{};
  size_t j = said.begin - 1;
  if (toks_[j].mention < 0) {
    if (!lex_.pronouns().count(PronounPart(toks_[j].norm))) return Holder{};
    return ResolvePronoun(PronounPart(toks_[j].norm), in_quote);
  }
  j = MentionStart(j, 0);
  Holder h;
  CollectGroup(j, said.begin, j, &h);
  return h;
}

Holder SentenceAnalyzer::TrailingQuoteSpeaker(const SentenceInput& s, size_t index) {
  Prepare(s.span, index, s.mentions);
  if (toks_.empty()) return Holder{};
  SplitClauses();
  FindSpeech();
  FindSpeaker(s.para);
  return speaker_;
}

Holder SentenceAnalyzer::SpeakerAhead(size_t para) const {
  if (st_.sentences == nullptr) return Holder{};
  // the quote goes on: look for where it closes, within the paragraph and a few sentences
  DocState ahead = st_;
  ahead.looking_ahead = true;
  std::vector<Statement> no_out;
  std::set<std::tuple<std::string, int, int>> no_seen;
  for (size_t j = index_ + 1; j < st_.sentences->size() && j <= index_ + 4; ++j) {
    const SentenceInput& s = (*st_.sentences)[j];
    if (s.para != para) break;
    ahead.quote_speaker = Holder{};  // no carrying over: only a speaker named ahead counts
    SentenceAnalyzer a(cb_, lex_, doc_, &ahead, &no_out, &no_seen, nullptr);  // its statements are dropped: no tree
    Holder h = a.TrailingQuoteSpeaker(s, j);
    if (!h.empty()) return h;
    if (!ahead.quote_open) break;  // closed without a speaker
  }
  return Holder{};
}

}  // namespace statements_internal
}  // namespace faultline
