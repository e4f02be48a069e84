// Actor files: our YAML, PETRARCH and TABARI dictionaries (the first byte picks the name
// the sniffing sees), into an empty knowledge base.
#include <cstddef>
#include <cstdint>
#include <string>

#include "actors/knowledge_base.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* kNames[] = {"actors.yaml", "actors.txt", "agents.txt", "dict"};
  if (size == 0) return 0;
  faultline::KnowledgeBase kb;
  (void)kb.AddText(std::string(reinterpret_cast<const char*>(data) + 1, size - 1), kNames[data[0] % 4]);
  return 0;
}
