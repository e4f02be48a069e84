#include "map/load_names.h"

#include "actors/knowledge_base.h"
#include "statements/codebook.h"

namespace faultline::map {

Result<Names> LoadNames(const std::string& codebook_file, const std::vector<std::string>& actor_files) {
  Result<KnowledgeBase> kb = KnowledgeBase::LoadDefault();
  if (!kb.ok()) return kb.status();
  for (const auto& f : actor_files) {
    Status s = kb->AddFile(f);
    if (!s.ok()) return s;
  }
  const std::string codebook_path = codebook_file.empty() ? Codebook::DefaultPath() : codebook_file;
  Result<Codebook> codebook = Codebook::Load(codebook_path);
  if (!codebook.ok()) return codebook.status();

  Names names;
  for (const Actor& a : kb->actors()) {
    const std::string name = a.names.empty() ? a.code : a.names.front();
    names.actors[a.code] = name;
    Choice c{a.code, name, a.names};
    for (const auto* more : {&a.historical, &a.adjectives, &a.demonyms})
      c.aliases.insert(c.aliases.end(), more->begin(), more->end());
    names.actor_choices.push_back(std::move(c));
  }
  for (const Group& g : kb->groups()) {
    if (names.actors.count(g.code)) continue;
    const std::string name = g.names.empty() ? g.code : g.names.front();
    names.actors[g.code] = name;
    names.actor_choices.push_back(Choice{g.code, name, g.names});
  }
  for (const Issue& is : codebook->issues()) {
    names.issues[is.id] = IssueText{is.label, is.proposition};
    names.issue_choices.push_back(Choice{is.id, is.label, {}});
  }
  return names;
}

}  // namespace faultline::map
