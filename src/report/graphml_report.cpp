#include "report/graphml_report.h"

#include <cstdio>
#include <unordered_map>

#include "report/escape.h"

namespace faultline::report {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void Data(std::ostream& out, const char* key, const std::string& value) {
  out << "      <data key=\"" << key << "\">" << HtmlEscape(value) << "</data>\n";
}

// An actor node's code (`name`, what igraph calls a vertex name), its name from the
// knowledge base (`label`, what Gephi shows; the code when it has none) and its kind.
void ActorData(const map::Map& m, const std::string& code, std::ostream& out) {
  const std::string name = m.names.ActorName(code);
  Data(out, "n_name", code);
  Data(out, "n_label", name.empty() ? code : name);
  Data(out, "n_kind", "actor");
}

// Node ids are generated ("a0", "i3"), never actor codes, which may hold any character.
// On the two-mode graph `type` is false for actors and true for issues, as R igraph's
// bipartite functions expect.
void WriteTwoMode(const map::Map& m, const std::unordered_map<std::string, int>& camp_of,
                  std::ostream& out) {
  out << "  <graph id=\"twomode\" edgedefault=\"undirected\">\n";
  out << "    <desc>actor-issue network: an edge per actor and issue with statements</desc>\n";
  std::unordered_map<std::string, size_t> actor_id, issue_id;
  std::unordered_map<std::string, int> actor_count;
  for (const auto& c : m.cells) actor_count[c.actor] += c.count;
  for (size_t i = 0; i < m.actors.size(); ++i) {
    actor_id[m.actors[i]] = i;
    out << "    <node id=\"t.a" << i << "\">\n";
    ActorData(m, m.actors[i], out);
    Data(out, "n_type", "false");
    auto it = camp_of.find(m.actors[i]);
    if (it != camp_of.end()) Data(out, "n_camp", std::to_string(it->second));
    Data(out, "n_count", std::to_string(actor_count[m.actors[i]]));
    out << "    </node>\n";
  }
  for (size_t i = 0; i < m.issues.size(); ++i) {
    issue_id[m.issues[i].issue] = i;
    out << "    <node id=\"t.i" << i << "\">\n";
    const std::string& id = m.issues[i].issue;
    const std::string label = m.names.IssueLabel(id);
    Data(out, "n_name", id);
    Data(out, "n_label", label.empty() ? id : label);
    Data(out, "n_kind", "issue");
    Data(out, "n_type", "true");
    if (!m.names.IssueProposition(id).empty()) Data(out, "n_proposition", m.names.IssueProposition(id));
    Data(out, "n_split", Num(m.issues[i].split));
    Data(out, "n_count", std::to_string(m.issues[i].count));
    out << "    </node>\n";
  }
  for (size_t k = 0; k < m.cells.size(); ++k) {
    const auto& c = m.cells[k];
    out << "    <edge id=\"t.e" << k << "\" source=\"t.a" << actor_id[c.actor] << "\" target=\"t.i"
        << issue_id[c.issue] << "\">\n";
    Data(out, "e_stance", Num(c.stance));
    Data(out, "e_count", std::to_string(c.count));
    Data(out, "e_weight", std::to_string(c.count));
    Data(out, "e_docs_for", std::to_string(c.docs_for));
    Data(out, "e_docs_against", std::to_string(c.docs_against));
    Data(out, "e_tie", c.stance > 0 ? "support" : c.stance < 0 ? "opposition" : "mixed");
    out << "    </edge>\n";
  }
  out << "  </graph>\n";
}

void WriteOneMode(const map::Map& m, bool congruence, const std::unordered_map<std::string, int>& camp_of,
                  std::ostream& out) {
  const auto& net = m.networks;
  const char* name = congruence ? "congruence" : "conflict";
  const char* p = congruence ? "g" : "x";
  out << "  <graph id=\"" << name << "\" edgedefault=\"undirected\">\n";
  out << "    <desc>" << name << " network (DNA), normalisation "
      << map::NormalizationName(net.normalization) << "</desc>\n";
  for (size_t i = 0; i < net.actors.size(); ++i) {
    out << "    <node id=\"" << p << ".a" << i << "\">\n";
    ActorData(m, net.actors[i], out);
    auto it = camp_of.find(net.actors[i]);
    if (it != camp_of.end()) Data(out, "n_camp", std::to_string(it->second));
    out << "    </node>\n";
  }
  size_t e = 0;
  for (size_t i = 0; i < net.actors.size(); ++i)
    for (size_t j = i + 1; j < net.actors.size(); ++j) {
      double w = congruence ? net.congruence_at(i, j) : net.conflict_at(i, j);
      if (w == 0) continue;
      out << "    <edge id=\"" << p << ".e" << e++ << "\" source=\"" << p << ".a" << i << "\" target=\"" << p
          << ".a" << j << "\">\n";
      Data(out, "e_weight", Num(w));
      Data(out, "e_tie", name);
      out << "    </edge>\n";
    }
  out << "  </graph>\n";
}

}  // namespace

bool ParseGraphmlNetworks(const std::string& name, GraphmlNetworks* out) {
  if (name == "all") *out = GraphmlNetworks::kAll;
  else if (name == "twomode") *out = GraphmlNetworks::kTwoMode;
  else if (name == "congruence") *out = GraphmlNetworks::kCongruence;
  else if (name == "conflict") *out = GraphmlNetworks::kConflict;
  else return false;
  return true;
}

void WriteGraphml(const map::Map& m, GraphmlNetworks which, std::ostream& out) {
  std::unordered_map<std::string, int> camp_of;
  for (size_t k = 0; k < m.camps.camps.size(); ++k)
    for (const auto& a : m.camps.camps[k].actors) camp_of[a] = static_cast<int>(k + 1);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <desc>faultline map</desc>\n"
         "  <key id=\"n_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
         "  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "  <key id=\"n_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
         "  <key id=\"n_type\" for=\"node\" attr.name=\"type\" attr.type=\"boolean\"/>\n"
         "  <key id=\"n_proposition\" for=\"node\" attr.name=\"proposition\" attr.type=\"string\"/>\n"
         "  <key id=\"n_camp\" for=\"node\" attr.name=\"camp\" attr.type=\"int\"/>\n"
         "  <key id=\"n_split\" for=\"node\" attr.name=\"split\" attr.type=\"double\"/>\n"
         "  <key id=\"n_count\" for=\"node\" attr.name=\"statements\" attr.type=\"int\"/>\n"
         "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "  <key id=\"e_stance\" for=\"edge\" attr.name=\"stance\" attr.type=\"double\"/>\n"
         "  <key id=\"e_count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
         "  <key id=\"e_docs_for\" for=\"edge\" attr.name=\"docs_for\" attr.type=\"int\"/>\n"
         "  <key id=\"e_docs_against\" for=\"edge\" attr.name=\"docs_against\" attr.type=\"int\"/>\n"
         "  <key id=\"e_tie\" for=\"edge\" attr.name=\"tie\" attr.type=\"string\"/>\n";
  if (which == GraphmlNetworks::kAll || which == GraphmlNetworks::kTwoMode) WriteTwoMode(m, camp_of, out);
  if (which == GraphmlNetworks::kAll || which == GraphmlNetworks::kCongruence) WriteOneMode(m, true, camp_of, out);
  if (which == GraphmlNetworks::kAll || which == GraphmlNetworks::kConflict) WriteOneMode(m, false, camp_of, out);
  out << "</graphml>\n";
}

}  // namespace faultline::report
