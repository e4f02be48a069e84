// Mention: one place in a document's text where an actor is named or referred to.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace faultline {

struct Mention {
  size_t begin = 0;                 // byte offsets into Document::text
  size_t end = 0;
  std::string surface;              // the text as written ("the Elysée")
  std::vector<std::string> actors;  // codes; a group expands to several ("EST","LVA","LTU")
  std::string group;                // group code when the mention names a group ("BALTIC", "CEE")
  std::string person;               // canonical person name when a person is meant ("Olaf Scholz")
  std::string role;                 // role held on the article's date ("chancellor"), if any
  std::string kind;                 // "state", "org", "group", "person", "metonym", "role", "pronoun", ...
  std::string rule;                 // alias or rule that matched: "alias:Elysée", "coref:surname"
  std::string cameo;                // CAMEO code when a dictionary or an agent gives one: "EGYGOV"
  bool ambiguous = false;           // true when context did not settle the reading
};

}  // namespace faultline
