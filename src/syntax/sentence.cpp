#include "syntax/sentence.h"

#include <algorithm>

namespace faultline::syntax {

bool RelationMatches(std::string_view deprel, std::string_view relation) {
  if (relation.find(':') != std::string_view::npos) return deprel == relation;
  if (deprel.size() < relation.size() || deprel.substr(0, relation.size()) != relation) return false;
  return deprel.size() == relation.size() || deprel[relation.size()] == ':';
}

int ParsedSentence::Root() const {
  for (int i = 0; i < size(); ++i)
    if (tokens[i].head < 0) return i;
  return -1;
}

std::vector<int> ParsedSentence::Children(int i) const {
  std::vector<int> out;
  for (int j = 0; j < size(); ++j)
    if (tokens[j].head == i) out.push_back(j);
  return out;
}

std::vector<int> ParsedSentence::ChildrenWith(int i, std::string_view relation) const {
  std::vector<int> out;
  for (int j = 0; j < size(); ++j)
    if (tokens[j].head == i && RelationMatches(tokens[j].deprel, relation)) out.push_back(j);
  return out;
}

int ParsedSentence::FirstChild(int i, std::string_view relation) const {
  for (int j = 0; j < size(); ++j)
    if (tokens[j].head == i && RelationMatches(tokens[j].deprel, relation)) return j;
  return -1;
}

bool ParsedSentence::InSubtree(int i, int root) const {
  for (int steps = 0; i >= 0 && i < size() && steps <= size(); ++steps) {
    if (i == root) return true;
    i = tokens[i].head;
  }
  return false;
}

ParsedSentence::Range ParsedSentence::SubtreeRange(int i) const {
  Range r{i, i};
  for (int j = 0; j < size(); ++j) {
    if (InSubtree(j, i)) {
      r.first = std::min(r.first, j);
      r.last = std::max(r.last, j);
    }
  }
  return r;
}

}  // namespace faultline::syntax
