#include "ingest/html/content_scorer.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <vector>

namespace faultline::html {
namespace {

enum class Judgement : uint8_t { kJunk, kBad, kShort, kMedium, kGood };

// Thresholds in code points.
constexpr int kGoodChars = 100;
constexpr int kMediumChars = 40;
constexpr double kMaxLinkDensity = 0.3;
constexpr double kBadLinkDensity = 0.5;
// How much a character of boilerplate costs against a character of article text when
// choosing the container.
constexpr double kJunkCost = 0.5;
// A group of blocks this small holding a linked headline is a teaser card.
constexpr int kTeaserGroupChars = 700;
// Longer closing blocks are prose even when they give an address.
constexpr int kContactLineChars = 300;

std::string Squash(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}


// "name@example.com": a contact line, not article prose.
bool HasEmailAddress(std::string_view s) {
  for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    if (at == 0 || !std::isalnum(static_cast<unsigned char>(s[at - 1]))) continue;
    size_t dot = s.find('.', at + 1);
    size_t space = s.find(' ', at + 1);
    if (dot != std::string_view::npos && dot > at + 1 && (space == std::string_view::npos || dot < space) &&
        dot + 2 < s.size() && std::isalpha(static_cast<unsigned char>(s[dot + 1])))
      return true;
  }
  return false;
}

}  // namespace

MainText SelectMainText(DomBlocks& dom, const ContentCues& cues, std::string_view title,
                        std::string_view structured_body) {
  MainText result;
  auto& blocks = dom.blocks;
  auto& elems = dom.elements;
  const size_t nb = blocks.size();
  if (nb == 0) {
    result.rule = "no visible text";
    return result;
  }

  // 2. Each block on its own.
  std::string squashed_title = Squash(title);
  std::string body = Squash(structured_body);
  std::vector<Judgement> judge(nb);
  int from_structured = 0;
  for (size_t i = 0; i < nb; ++i) {
    const Block& b = blocks[i];
    Judgement j;
    double ld = b.chars ? static_cast<double>(b.link_chars) / b.chars : 0;
    if (b.kind == BlockKind::kTitleHeading) {
      j = Judgement::kJunk;
    } else if (ld > kBadLinkDensity) {
      j = Judgement::kBad;
    } else if (b.chars < 80 && cues.IsBoilerplateLine(b.text)) {
      j = Judgement::kBad;
    } else if (b.chars >= kGoodChars && ld <= kMaxLinkDensity && b.punct > 0) {
      j = Judgement::kGood;
    } else if (b.chars >= kMediumChars && ld <= kMaxLinkDensity) {
      j = Judgement::kMedium;
    } else if (ld > kMaxLinkDensity && b.chars < kGoodChars) {
      j = Judgement::kBad;
    } else if (ld > kMaxLinkDensity) {
      j = Judgement::kMedium;  // a long sentence with several links
    } else {
      j = Judgement::kShort;
    }
    if (!squashed_title.empty() && b.text.size() <= squashed_title.size() + 8 &&
        b.text.size() + 8 >= squashed_title.size() && Squash(b.text) == squashed_title)
      j = Judgement::kJunk;
    // Blocks the page's structured data repeats are article text whatever their size.
    if (body.size() > 200 && j != Judgement::kJunk && b.chars >= 20 && ld <= kBadLinkDensity) {
      std::string probe = Squash(std::string_view(b.text).substr(0, 80));
      if (body.find(probe) != std::string::npos) {
        j = b.chars >= kMediumChars ? Judgement::kGood : Judgement::kMedium;
        ++from_structured;
      }
    }
    judge[i] = j;
  }

  // Teasers: a paragraph that shares a small group (a list item, a card) with a linked
  // headline is a summary of another page, not article text.
  int teasers = 0;
  {
    std::vector<int> chars_prefix(nb + 1, 0), link_prefix(nb + 1, 0);
    for (size_t i = 0; i < nb; ++i) {
      const Block& b = blocks[i];
      bool headline = b.chars >= 15 && b.link_chars * 2 > b.chars;
      chars_prefix[i + 1] = chars_prefix[i] + b.chars;
      link_prefix[i + 1] = link_prefix[i] + (headline ? 1 : 0);
    }
    // Cards come in series: elements of one tag and class, under one parent or
    // spread over a grid.
    std::unordered_map<int64_t, int> series;
    std::unordered_map<std::string_view, int> same_label;
    for (size_t e = 0; e < elems.size(); ++e) {
      ++series[static_cast<int64_t>(elems[e].parent) * 1024 + elems[e].tag];
      ++same_label[dom.label(static_cast<int>(e))];
    }
    for (size_t i = 0; i < nb; ++i) {
      if (judge[i] != Judgement::kGood && judge[i] != Judgement::kMedium) continue;
      int a = blocks[i].owner;
      while (a >= 0 && elems[a].end_block - elems[a].first_block < 2) a = elems[a].parent;
      if (a < 0) continue;
      const Element& g = elems[a];
      int total = chars_prefix[g.end_block] - chars_prefix[g.first_block];
      int headlines = link_prefix[g.end_block] - link_prefix[g.first_block];
      // A list item opening with a linked headline and going on with a summary.
      const Block& b = blocks[i];
      if (b.kind == BlockKind::kListItem && b.lead_link_chars >= 15 && b.lead_link_chars * 10 >= b.chars &&
          b.chars <= kTeaserGroupChars) {
        judge[i] = Judgement::kShort;
        ++teasers;
        continue;
      }
      if (total <= kTeaserGroupChars && headlines > 0 && g.end_block - g.first_block <= 4 &&
          (series[static_cast<int64_t>(g.parent) * 1024 + g.tag] >= 3 || same_label[dom.label(a)] >= 3)) {
        judge[i] = Judgement::kShort;
        ++teasers;
      }
    }
  }

  // 3. The container: the element maximising article text minus boilerplate. Class/id
  // cues count relative to the candidate: a block under a boilerplate element inside the
  // candidate is boilerplate, but the candidate's own cues (and its ancestors') are only a
  // penalty, since class names are messy ("non-ad-column", "post tag-news") and an
  // article wrapped in such a container must survive. Nothing inside an absolute cue
  // (comments, related links) can be the container.
  const size_t ne = elems.size();
  // Prose per element, to tell a misnamed wrapper (it holds most of the candidate's
  // prose: "read-more-content" around the story's second half) from boilerplate.
  std::vector<double> prose_prefix(nb + 1, 0.0), list_prose_prefix(nb + 1, 0.0);
  for (size_t i = 0; i < nb; ++i) {
    const Block& b = blocks[i];
    bool prose = judge[i] == Judgement::kGood;
    prose_prefix[i + 1] = prose_prefix[i] + (prose ? b.chars : 0);
    list_prose_prefix[i + 1] =
        list_prose_prefix[i] + (prose && b.kind == BlockKind::kListItem ? b.chars : 0);
  }
  auto prose_of = [&](int e) {
    return prose_prefix[elems[e].end_block] - prose_prefix[elems[e].first_block];
  };
  auto list_prose_of = [&](int e) {
    return list_prose_prefix[elems[e].end_block] - list_prose_prefix[elems[e].first_block];
  };
  // How much of its text a boilerplate element `j` inside candidate `e` still lends it:
  // none for real boilerplate, the element's discount when it holds most of e's prose.
  auto lends = [&](int j, int e) -> double {
    const Element& el = elems[j];
    // Page furniture (rails, sidebars, footers) never lends: its prose is teasers.
    if (!el.weak || el.container_factor < 0.5f) return 0.0;
    double pj = prose_of(j);
    // A list of long items (a news ticker, teasers) is not a misnamed article.
    if (list_prose_of(j) * 2 > pj) return 0.0;
    return (pj >= kGoodChars && pj > 0.5 * prose_of(e)) ? el.container_factor : 0.0;
  };
  std::vector<double> good(ne, 0.0), bad(ne, 0.0);
  std::vector<int> passed;  // boilerplate elements between the block and the candidate
  for (size_t i = 0; i < nb; ++i) {
    const Block& b = blocks[i];
    double g = 0, x = 0;
    switch (judge[i]) {
      case Judgement::kGood: g = b.chars; break;
      case Judgement::kMedium: g = 0.5 * b.chars; break;
      case Judgement::kShort: x = 0.3 * b.chars; break;
      case Judgement::kBad: case Judgement::kJunk: x = b.chars; break;
    }
    passed.clear();
    for (int e = b.owner; e >= 0; e = elems[e].parent) {
      double weight = 1.0;
      for (int j : passed) weight = std::min(weight, lends(j, e));
      if (weight <= 0) {
        bad[e] += b.chars;
      } else {
        good[e] += g * weight;
        bad[e] += x;
      }
      if (elems[e].junk) passed.push_back(e);
    }
  }
  std::vector<uint8_t> absolute(ne, 0);
  std::vector<float> factor(ne, 1.0f);
  int best = -1;
  double best_score = -1e18;
  for (size_t e = 0; e < ne; ++e) {
    const Element& el = elems[e];
    int p = el.parent;
    absolute[e] = (el.junk && !el.weak) || (p >= 0 && absolute[p]);
    factor[e] = std::min(el.junk ? el.container_factor : 1.0f, p >= 0 ? factor[p] : 1.0f);
    if (good[e] <= 0 || absolute[e]) continue;
    double s = (good[e] - kJunkCost * bad[e]) * factor[e];
    if (s >= best_score) {  // ties go to the deeper element, which holds the same text
      best_score = s;
      best = static_cast<int>(e);
    }
  }
  if (best < 0) {
    // A fragment or a tiny page: every visible line that is not boilerplate.
    for (size_t i = 0; i < nb; ++i) {
      if (judge[i] != Judgement::kShort && judge[i] != Judgement::kMedium) continue;
      if (InJunk(dom, blocks[i])) continue;
      if (!result.text.empty()) result.text += "\n\n";
      result.text += blocks[i].text;
    }
    result.rule = "no article-like block; all visible text outside boilerplate";
    return result;
  }
  auto junk_inside = [&](const Block& b) {
    for (int e = b.junk_elem; e > best; e = elems[e].junk_parent)
      if (elems[e].junk && lends(e, best) <= 0) return true;
    return false;
  };

  // 4. Blocks of the container, with their neighbours in view.
  const Element& c = elems[best];
  int first_kept = -1, last_kept = -1;
  for (int i = c.first_block; i < c.end_block; ++i) {
    if (junk_inside(blocks[i])) judge[i] = Judgement::kJunk;
    if (judge[i] == Judgement::kGood || judge[i] == Judgement::kMedium) {
      if (first_kept < 0) first_kept = i;
      last_kept = i;
    }
  }
  // A list of plain short items right after the last paragraph (qualified teams,
  // ingredients, changes in a release), maybe under a short heading, is the article's;
  // boilerplate lists are links.
  int lists_kept = 0;
  for (bool extended = first_kept >= 0; extended;) {
    extended = false;
    int i = last_kept + 1;
    auto plain = [&](int k) {
      const Block& b = blocks[k];
      return (judge[k] == Judgement::kShort || judge[k] == Judgement::kMedium) &&
             b.link_chars * 5 <= b.chars;
    };
    if (i < c.end_block && plain(i) && blocks[i].kind != BlockKind::kListItem && blocks[i].chars <= 80) ++i;
    int run = 0;
    while (i + run < c.end_block && plain(i + run) && blocks[i + run].kind == BlockKind::kListItem) ++run;
    if (run >= 3) {
      last_kept = i + run - 1;
      extended = true;
      ++lists_kept;
    }
  }
  // The article's last lines are often the outlet's: "Email the author at ...", "Follow
  // us on ...", "Join our forums ...". Trailing blocks that give an address or start like
  // page furniture go.
  int tail_trimmed = 0;
  while (last_kept > first_kept && last_kept >= 0 && tail_trimmed < 3) {
    const Block& b = blocks[last_kept];
    if (b.chars > kContactLineChars || !(HasEmailAddress(b.text) || cues.IsBoilerplateLine(b.text))) break;
    judge[last_kept] = Judgement::kBad;
    ++tail_trimmed;
    while (--last_kept > first_kept && judge[last_kept] != Judgement::kGood &&
           judge[last_kept] != Judgement::kMedium) {
    }
  }
  // Pull quotes repeat the article's own words in a <blockquote>: 80% of their word
  // triples already stand in another kept block.
  std::unordered_map<std::string, int> triples;
  auto words_of = [](std::string_view t) {
    std::vector<std::string> w;
    std::string cur;
    for (char ch : t) {
      unsigned char u = static_cast<unsigned char>(ch);
      if (std::isalnum(u) || u >= 0x80) {
        cur.push_back(static_cast<char>(std::tolower(u)));
      } else if (!cur.empty()) {
        w.push_back(std::move(cur));
        cur.clear();
      }
    }
    if (!cur.empty()) w.push_back(std::move(cur));
    return w;
  };
  bool has_quote = false;
  for (int i = c.first_block; i < c.end_block; ++i)
    has_quote |= blocks[i].kind == BlockKind::kQuote && blocks[i].chars < 400;
  if (has_quote) {
    for (int i = c.first_block; i < c.end_block; ++i) {
      if (blocks[i].kind == BlockKind::kQuote) continue;
      if (judge[i] != Judgement::kGood && judge[i] != Judgement::kMedium) continue;
      auto w = words_of(blocks[i].text);
      for (size_t k = 0; k + 2 < w.size(); ++k) ++triples[w[k] + ' ' + w[k + 1] + ' ' + w[k + 2]];
    }
  }
  int pull_quotes = 0;
  int dropped = 0;
  for (int i = c.first_block; i < c.end_block; ++i) {
    Judgement j = judge[i];
    bool keep = j == Judgement::kGood || j == Judgement::kMedium ||
                (j == Judgement::kShort && i > first_kept && i <= last_kept);
    if (keep && has_quote && blocks[i].kind == BlockKind::kQuote && blocks[i].chars < 400) {
      auto w = words_of(blocks[i].text);
      int seen = 0, n = 0;
      for (size_t k = 0; k + 2 < w.size(); ++k, ++n) seen += triples.count(w[k] + ' ' + w[k + 1] + ' ' + w[k + 2]) > 0;
      if (n >= 2 && seen * 10 >= n * 8) {
        keep = false;
        ++pull_quotes;
      }
    }
    if (!keep) {
      ++dropped;
      continue;
    }
    if (!result.text.empty()) result.text += "\n\n";
    result.text += blocks[i].text;
  }
  result.rule = "container " + std::string(dom.label(best)) + " (" + std::to_string(static_cast<int>(good[best])) +
                " article chars, " + std::to_string(static_cast<int>(bad[best])) +
                " boilerplate); " + std::to_string(dropped) + " blocks dropped";
  if (pull_quotes > 0) result.rule += "; " + std::to_string(pull_quotes) + " pull quotes dropped";
  if (teasers > 0) result.rule += "; " + std::to_string(teasers) + " teaser blocks on the page";
  if (tail_trimmed > 0) result.rule += "; " + std::to_string(tail_trimmed) + " closing contact/promo lines dropped";
  if (lists_kept > 0) result.rule += "; " + std::to_string(lists_kept) + " closing lists kept";
  if (from_structured > 0) result.rule += "; " + std::to_string(from_structured) + " blocks confirmed by JSON-LD";
  if (c.article_body) result.rule += "; marked itemprop=articleBody";
  else if (c.content_hint) result.rule += "; named as content by its class";
  if (factor[best] < 1.0f) result.rule += "; its own boilerplate cues discounted";

  // 5. Structured data stands in when the markup holds much less than it.
  if (body.size() > 500 && result.text.size() * 2 < body.size()) {
    result.rule = "JSON-LD articleBody (markup held " + std::to_string(result.text.size()) +
                  " bytes in " + std::string(dom.label(best)) + ")";
    result.text = std::string(structured_body);
  }
  return result;
}

}  // namespace faultline::html
