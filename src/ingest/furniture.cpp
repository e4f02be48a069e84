// Placeholder until the cleaning stage lands: keeps the text as it is.
#include "ingest/furniture.h"

namespace faultline {

CleanedText CleanTextDump(std::string_view text) {
  CleanedText out;
  out.text = std::string(text);
  return out;
}

}  // namespace faultline
