// Delimiter-separated records as RFC 4180 has them: fields optionally quoted, quotes doubled
// inside quotes, delimiters and line breaks allowed inside quotes, CRLF or LF line ends.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline {

class CsvReader {
 public:
  CsvReader(std::string_view text, char delimiter = ',') : text_(text), delimiter_(delimiter) {}
  // The next record's fields; false at the end of the text.
  bool Next(std::vector<std::string>* fields);
  // Line (1-based) where the record last returned by Next starts.
  int64_t line() const { return record_line_; }

 private:
  std::string_view text_;
  char delimiter_;
  size_t pos_ = 0;
  int64_t next_line_ = 1;
  int64_t record_line_ = 0;
};

}  // namespace faultline
