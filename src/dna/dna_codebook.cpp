#include "dna/dna_codebook.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "util/data_path.h"

namespace faultline::dna {
namespace {

bool In(const std::vector<std::string>& list, const std::string& w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Lower-case words; letters, digits, '-' and '&' belong to words, everything else splits.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '&' || c >= 0x80) {
      w += static_cast<char>(std::tolower(c));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

std::string Join(const std::vector<std::string>& words, size_t b, size_t e) {
  std::string out;
  for (size_t i = b; i < e; ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

std::string Slug(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "concept" : out;
}

std::vector<std::string> ReadList(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence())
    for (const auto& v : n) out.push_back(v.as<std::string>());
  return out;
}

}  // namespace

std::string ConceptWords::DefaultPath() { return DataFile("dna/concepts.yaml"); }

Result<ConceptWords> ConceptWords::Load(const std::string& path) {
  ConceptWords w;
  try {
    YAML::Node root = YAML::LoadFile(path);
    w.leading_words = ReadList(root["leading_words"]);
    w.verbs = ReadList(root["verbs"]);
    w.phrase_ends = ReadList(root["phrase_ends"]);
  } catch (const YAML::BadFile&) {
    return Status::Error("cannot open concept word lists", path);
  } catch (const YAML::Exception& e) {
    return Status::Error("malformed concept word lists: " + e.msg, path, e.mark.line + 1);
  }
  if (w.verbs.empty()) return Status::Error("no 'verbs' list", path);
  return w;
}

std::string ConceptSubject(const std::string& concept_text, const ConceptWords& words) {
  const std::vector<std::string> w = Words(concept_text);
  size_t b = 0;
  while (b < w.size() && In(words.leading_words, w[b])) ++b;
  size_t e = b;
  while (e < w.size() && !In(words.verbs, w[e])) ++e;
  if (e > b) return Join(w, b, e);
  // "There should be legislation to ...": what follows the verbs, up to a phrase end.
  while (b < w.size() && (In(words.verbs, w[b]) || In(words.leading_words, w[b]))) ++b;
  e = b;
  while (e < w.size() && !In(words.phrase_ends, w[e]) && !In(words.verbs, w[e])) ++e;
  return Join(w, b, e);
}

std::string CodebookYaml(const Contents& dna, const ConceptWords& words, const std::string& name,
                         const std::string& source) {
  YAML::Emitter y;
  y << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name;
  y << YAML::Key << "language" << YAML::Value << "en";
  y << YAML::Key << "issues" << YAML::Value << YAML::BeginSeq;
  std::set<std::string> ids;
  for (const Concept& c : dna.concepts) {
    const std::string subject = ConceptSubject(c.value, words);
    std::string id = !c.alias.empty() && c.alias.find(' ') == std::string::npos ? c.alias
                                                                                : Slug(subject.empty() ? c.value : subject);
    for (int n = 2; !ids.insert(id).second; ++n) id = Slug(subject.empty() ? c.value : subject) + "-" + std::to_string(n);
    std::vector<std::string> terms;
    if (!subject.empty()) terms.push_back(subject);
    // DNA's Alias attribute lists other names of a concept, separated by ';' or ','.
    if (c.alias != id) {
      std::string part;
      for (char ch : c.alias + ";") {
        if (ch == ';' || ch == ',') {
          const auto t = Words(part);
          if (!t.empty() && !In(terms, Join(t, 0, t.size()))) terms.push_back(Join(t, 0, t.size()));
          part.clear();
        } else {
          part += ch;
        }
      }
    }
    if (terms.empty()) terms.push_back(Join(Words(c.value), 0, std::min<size_t>(3, Words(c.value).size())));
    y << YAML::Comment("DNA concept: " + std::to_string(c.agree) + " statements agree, " +
                       std::to_string(c.disagree) + " disagree in " + source);
    y << YAML::BeginMap;
    y << YAML::Key << "id" << YAML::Value << id;
    y << YAML::Key << "label" << YAML::Value << c.value;
    y << YAML::Key << "proposition" << YAML::Value << c.value;
    y << YAML::Key << "terms" << YAML::Value << YAML::Flow << terms;
    y << YAML::EndMap;
  }
  y << YAML::EndSeq << YAML::EndMap;
  return std::string("# A starting codebook made by `faultline codebook from-dna` from ") + source +
         ".\n# Each DNA concept is an issue; its terms are the concept's subject and aliases only:\n"
         "# add the words coverage uses (docs/codebooks.md) before extracting with it.\n" +
         y.c_str() + "\n";
}

}  // namespace faultline::dna
