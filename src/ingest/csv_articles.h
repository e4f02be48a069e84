// A CSV of articles, one a row, with a header naming its columns as the JSON reader's
// fields are named (text/content/body, title, date, url, outlet/source...: json_reader.h),
// as spreadsheets and scraping tools export them. Each row becomes a Document named
// "file#ROW"; a row without text is reported and skipped.
#pragma once

#include <string>
#include <string_view>

#include "ingest/reader.h"

namespace faultline {

// True when `name` ends in ".csv" (or ".tsv") and the first record of `bytes` is a header
// with a text column (text, content, body...), so that a CSV holding anything else is
// still read as text.
bool IsArticleCsv(std::string_view name, std::string_view bytes);

// Reads every row after the header. Dates that cannot be read are warnings.
void ReadArticleCsv(std::string_view bytes, const std::string& file, const DocumentSink& on_doc,
                    const ErrorSink& on_error);

}  // namespace faultline
