// Within a story, what each relay keeps, drops and adds: its claims — the position
// statements it reports (actor, issue, stance) and the quotes it prints — compared
// with the other members'. A claim is the story's *core* when at least two members carry
// it, or the origin's own document does; a member keeps the core claims it carries, drops
// the core claims it lacks, and adds the claims no other member has.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::stories {

// A quoted passage of at least five words ("..." or “...”), and its word 3-grams,
// which match the same quote cut or lightly edited in another text.
struct Quote {
  std::string text;                 // as printed, without the quotation marks
  std::vector<uint64_t> trigrams;   // hashes, sorted, unique
};
std::vector<Quote> FindQuotes(std::string_view text);

// True when two quotes are the same passage: half the shorter one's 3-grams are shared.
bool SameQuote(const Quote& a, const Quote& b);

struct MemberClaims {
  std::vector<std::string> statements;  // "GBR talks -1" keys of the member's statements
  std::vector<Quote> quotes;
};

// What one member keeps, drops and adds, as readable claims ("GBR against talks",
// "quote: “We shouldn’t escalate ...”").
struct MemberDelta {
  std::vector<std::string> keeps, drops, adds;
};

// `members` in publication order; `origin` the index of the member that is the story's
// origin (its report is in the corpus), or -1.
std::vector<MemberDelta> CompareClaims(const std::vector<MemberClaims>& members, int origin);

// "GBR talks -1" -> "GBR against talks".
std::string ReadableStatement(const std::string& key);

}  // namespace faultline::stories
