#include "report/stories_report.h"

#include <cmath>
#include <cstdio>

#include "report/escape.h"

namespace faultline::report {
namespace {

using nlohmann::ordered_json;
using stories::ChainStep;
using stories::Story;
using stories::StoryCollection;

double RoundStory(double v) { return std::round(v * 1e6) / 1e6; }
ordered_json OrNullOrdered(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

std::string ChainText(const std::vector<ChainStep>& chain) {
  std::string s;
  for (const ChainStep& c : chain) s += (s.empty() ? "" : " <- ") + c.outlet;
  return s;
}

std::string PadRight(std::string s, size_t width) {
  const size_t w = DisplayWidth(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

std::string Date10(const std::string& d) {
  if (d.empty()) return "undated   ";
  return PadRight(d.size() > 10 ? d.substr(0, 10) : d, 10);
}

// "Kiev (Russian spelling) 3, special military operation (Kremlin's term) 1".
std::string FramingText(const stories::FramingLexicon& lex, const std::vector<stories::FramingCount>& counts) {
  std::string s;
  for (const stories::FramingCount& f : counts) {
    const stories::FramingVariant& v = lex.concepts()[f.concept_id].variants[f.variant];
    s += (s.empty() ? "" : ", ") + v.terms.front() + " (" + v.label + ") " + std::to_string(f.count);
  }
  return s;
}

ordered_json FramingJson(const stories::FramingLexicon& lex, const std::vector<stories::FramingCount>& counts) {
  ordered_json a = ordered_json::array();
  for (const stories::FramingCount& f : counts) {
    const stories::FramingConcept& c = lex.concepts()[f.concept_id];
    a.push_back({{"concept", c.name}, {"variant", c.variants[f.variant].label},
                 {"term", c.variants[f.variant].terms.front()}, {"count", f.count}});
  }
  return a;
}

void WriteList(const char* what, const std::vector<std::string>& items, std::ostream& out) {
  if (items.empty()) return;
  std::string s;
  for (const std::string& i : items) s += (s.empty() ? "" : "; ") + i;
  out << "                " << what << OneLine(s, 200) << "\n";
}

// Per outlet, the variants it chose, for concepts where the outlets differ.
void WriteFramingText(const StoryCollection& c, std::ostream& out) {
  if (!c.framing || c.outlet_framing.empty()) return;
  bool any = false;
  for (const stories::OutletFraming& f : c.outlet_framing) any = any || !f.counts.empty();
  if (!any) return;
  out << "\nFRAMING: the terms each outlet chooses (data/stories/framing.yaml)\n";
  for (const stories::OutletFraming& f : c.outlet_framing) {
    if (f.counts.empty()) continue;
    out << "  " << PadRight(OneLine(f.outlet, 28), 28) << "  " << OneLine(FramingText(*c.framing, f.counts), 160) << "\n";
  }
}

void WriteDistinctiveText(const StoryCollection& c, size_t top, std::ostream& out) {
  if (c.distinctive.empty()) return;
  out << "\nDISTINCTIVE TERMS per outlet against the rest (weighted log-odds, informative Dirichlet prior;\n"
         "Monroe, Colaresi & Quinn 2008; z >= 1.96)\n";
  size_t shown = 0;
  for (const stories::OutletTerms& o : c.distinctive) {
    if (top > 0 && shown++ >= top) break;
    std::string terms;
    for (const stories::DistinctiveTerm& t : o.terms) {
      char buf[32];
      std::snprintf(buf, sizeof buf, " %.1f", t.z);
      terms += (terms.empty() ? "" : ", ") + t.term + buf;
    }
    out << "  " << PadRight(OneLine(o.outlet, 28), 28) << "  " << OneLine(terms.empty() ? "(none)" : terms, 160) << "\n";
  }
}

ordered_json ChainJson(const std::vector<ChainStep>& chain) {
  ordered_json a = ordered_json::array();
  for (const ChainStep& c : chain) a.push_back({{"outlet", c.outlet}, {"doc", OrNullOrdered(c.doc)}, {"date", OrNullOrdered(c.date)}});
  return a;
}

}  // namespace

void WriteStoriesText(const StoryCollection& c, const stories::OutletList& outlets, const StoriesTextOptions& o,
                      std::ostream& out) {
  size_t multi = 0, relayed = 0;
  for (const Story& s : c.stories) {
    multi += s.members.size() > 1;
    relayed += s.members.size() > s.origins;
  }
  out << c.documents.size() << " documents, " << c.stories.size() << " stories (" << multi
      << " told by more than one document, " << relayed << " with relays), " << c.comparisons
      << " pairs compared\n";
  size_t shown = 0, hidden = 0;
  for (const Story& s : c.stories) {
    if (s.members.size() < o.min_documents || (o.top > 0 && shown >= o.top)) {
      ++hidden;
      continue;
    }
    ++shown;
    out << "\n" << s.id << "  " << (s.first.empty() ? "undated" : s.first);
    if (s.last != s.first && !s.last.empty()) out << " .. " << s.last;
    out << "  " << s.members.size() << (s.members.size() == 1 ? " document, " : " documents, ") << s.outlets.size()
        << (s.outlets.size() == 1 ? " outlet, " : " outlets, ") << s.origins
        << (s.origins == 1 ? " independent origin\n" : " independent origins\n");
    out << "    origin: " << OneLine(s.origin.outlet, 60);
    if (!s.origin.date.empty()) out << ", " << s.origin.date;
    out << (s.origin.doc.empty() ? "  (its report is not among the documents)" : "  (" + OneLine(s.origin.doc, 40) + ")")
        << "\n";
    for (const stories::StoryMember& m : s.members) {
      const stories::StoryDocument& d = c.documents[m.doc];
      out << "    " << Date10(d.date) << "  " << PadRight(OneLine(d.outlet.empty() ? "(no outlet)" : d.outlet, 24), 24) << "  "
          << OneLine(d.title.empty() ? d.id : d.title, 60) << "\n";
      out << "                " << OneLine(d.id, 40);
      if (!m.linked_to.empty()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", m.score);
        out << "  (" << buf << " with " << OneLine(m.linked_to, 30) << ")";
      }
      out << "\n";
      if (m.chain.size() > 1) out << "                chain: " << OneLine(ChainText(m.chain), 80) << "\n";
      const stories::DocumentSources& src = c.sources[m.doc];
      if (!src.also_cited.empty()) {
        std::string cites;
        for (int i : src.also_cited) cites += (cites.empty() ? "" : ", ") + outlets.outlets()[static_cast<size_t>(i)].name;
        out << "                also cites: " << OneLine(cites, 80) << "\n";
      }
      if (c.framing && !m.framing.empty())
        out << "                terms: " << OneLine(FramingText(*c.framing, m.framing), 120) << "\n";
      WriteList("keeps: ", m.delta.keeps, out);
      WriteList("drops: ", m.delta.drops, out);
      WriteList("adds:  ", m.delta.adds, out);
    }
  }
  if (hidden > 0)
    out << "\n" << hidden << " more stories not shown (--min-documents " << o.min_documents
        << (o.top ? ", --top " + std::to_string(o.top) : std::string()) << ")\n";
  WriteFramingText(c, out);
  WriteDistinctiveText(c, o.top, out);
}

ordered_json StoriesToJson(const StoryCollection& c, const stories::OutletList& outlets) {
  ordered_json j;
  j["format"] = "faultline-stories";
  j["version"] = 1;
  size_t multi = 0;
  for (const Story& s : c.stories) multi += s.members.size() > 1;
  j["summary"] = {{"documents", c.documents.size()},
                  {"stories", c.stories.size()},
                  {"stories_with_several_documents", multi},
                  {"comparisons", c.comparisons}};
  ordered_json list = ordered_json::array();
  for (const Story& s : c.stories) {
    ordered_json js;
    js["id"] = s.id;
    js["first"] = OrNullOrdered(s.first);
    js["last"] = OrNullOrdered(s.last);
    js["origin"] = {{"outlet", s.origin.outlet}, {"doc", OrNullOrdered(s.origin.doc)}, {"date", OrNullOrdered(s.origin.date)}};
    js["origins"] = s.origins;
    js["outlets"] = s.outlets;
    ordered_json docs = ordered_json::array();
    for (const stories::StoryMember& m : s.members) {
      const stories::StoryDocument& d = c.documents[m.doc];
      const stories::DocumentSources& src = c.sources[m.doc];
      ordered_json jd;
      jd["id"] = d.id;
      jd["file"] = d.file;
      jd["title"] = OrNullOrdered(d.title);
      jd["date"] = OrNullOrdered(d.date);
      jd["outlet"] = OrNullOrdered(d.outlet);
      jd["url"] = OrNullOrdered(d.url);
      jd["linked_to"] = OrNullOrdered(m.linked_to);
      jd["score"] = m.linked_to.empty() ? ordered_json(nullptr) : ordered_json(RoundStory(m.score));
      jd["chain"] = ChainJson(m.chain);
      jd["origin_key"] = m.origin_key;
      ordered_json cites = ordered_json::array();
      for (const stories::Attribution& a : src.attributions) {
        cites.push_back({{"outlet", outlets.outlets()[static_cast<size_t>(a.outlet)].name},
                         {"cue", a.cue},
                         {"in_title", a.in_title},
                         {"begin", a.begin},
                         {"end", a.end},
                         {"date", OrNullOrdered(a.date)}});
      }
      jd["attributions"] = cites;
      if (c.framing) jd["framing"] = FramingJson(*c.framing, m.framing);
      jd["keeps"] = m.delta.keeps;
      jd["drops"] = m.delta.drops;
      jd["adds"] = m.delta.adds;
      docs.push_back(std::move(jd));
    }
    js["documents"] = std::move(docs);
    list.push_back(std::move(js));
  }
  j["stories"] = std::move(list);
  ordered_json framing = ordered_json::array();
  if (c.framing)
    for (const stories::OutletFraming& f : c.outlet_framing)
      framing.push_back({{"outlet", f.outlet}, {"documents", f.documents}, {"terms", FramingJson(*c.framing, f.counts)}});
  j["framing"] = std::move(framing);
  ordered_json distinctive = ordered_json::array();
  for (const stories::OutletTerms& o : c.distinctive) {
    ordered_json terms = ordered_json::array();
    for (const stories::DistinctiveTerm& t : o.terms) terms.push_back({{"term", t.term}, {"z", RoundStory(t.z)}, {"count", t.count}});
    distinctive.push_back({{"outlet", o.outlet}, {"documents", o.documents}, {"words", o.words}, {"terms", std::move(terms)}});
  }
  j["distinctive_terms"] = {{"method", "weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), prior = corpus counts"},
                            {"outlets", std::move(distinctive)}};
  j["with_statements"] = c.with_statements;
  return j;
}

void WriteStoriesJson(const StoryCollection& c, const stories::OutletList& outlets, std::ostream& out) {
  out << StoriesToJson(c, outlets).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace faultline::report
