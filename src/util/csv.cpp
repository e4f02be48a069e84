#include "util/csv.h"

namespace faultline {

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  if (pos_ >= text_.size()) return false;
  record_line_ = next_line_;
  std::string field;
  bool quoted = false;
  size_t i = pos_;
  for (; i < text_.size(); ++i) {
    const char c = text_[i];
    if (quoted) {
      if (c == '"' && i + 1 < text_.size() && text_[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++next_line_;
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter_) {
      fields->push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      ++next_line_;
      ++i;
      break;
    } else if (c != '\r') {
      field += c;
    }
  }
  fields->push_back(std::move(field));
  pos_ = i;
  return true;
}

}  // namespace faultline
