// Readers that fill a KnowledgeBase from one file: our YAML format, or a PETRARCH /
// TABARI actor dictionary. Internal to src/actors; users go through KnowledgeBase::AddFile.
#pragma once

#include <cstdint>
#include <string>

#include "actors/knowledge_base.h"

namespace YAML {
class Node;
}  // namespace YAML

namespace faultline {

enum class DictionaryFormat { kYaml, kPetrarch, kTabari };

// YAML by extension (.yaml/.yml) or by a leading "key:" line; otherwise a dictionary:
// TABARI when it has <NOUN>/<ADJECTIVE> sections or codes given inline with ';' comments
// and no '+' synonyms or tab-indented restrictions; PETRARCH otherwise.
DictionaryFormat SniffFormat(const std::string& text, const std::string& name);

class KbYamlReader {
 public:
  KbYamlReader(KnowledgeBase* kb, std::string file) : kb_(kb), file_(std::move(file)) {}
  Status Read(const std::string& text);

 private:
  // One reader per top-level key, given the key's value; each reports a problem by
  // throwing (kb_yaml_reader.cpp), which Read turns into a Status.
  void ReadActors(const YAML::Node& body);
  void ReadGroups(const YAML::Node& body);
  void ReadRoles(const YAML::Node& body);
  void ReadPeople(const YAML::Node& body);
  void ReadContext(const YAML::Node& body);
  void ReadDisambiguations(const YAML::Node& body);
  void ReadReferences(const YAML::Node& body);
  void ReadOfficialSites(const YAML::Node& body);
  void ReadCameo(const YAML::Node& body);
  // "file:line", where an entry was defined.
  std::string Where(int64_t line) const { return file_ + ":" + std::to_string(line); }

  KnowledgeBase* kb_;
  std::string file_;
};

class KbDictionaryReader {
 public:
  KbDictionaryReader(KnowledgeBase* kb, std::string file, DictionaryFormat format)
      : kb_(kb), file_(std::move(file)), format_(format) {}
  // Malformed lines are skipped, as PETRARCH does; a file with no entry at all is an error.
  Status Read(const std::string& text);

 private:
  KnowledgeBase* kb_;
  std::string file_;
  DictionaryFormat format_;
};

}  // namespace faultline
