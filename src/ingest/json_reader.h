// JSON Lines and JSON arrays of articles, with the field names news datasets use
// (news-please, CC-News exports, AllSides, NewsAPI...). Each record becomes a
// Document; a malformed line is reported as "file:line: reason" and skipped.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "ingest/byte_stream.h"
#include "ingest/reader.h"

namespace faultline {

// Fields read, first non-empty wins (documented in README "Input formats"):
//   text:   text, maintext, content, content_original, body, articleBody, article, full_text
//   title:  title, headline
//   url:    url, link, canonical_url, source_url (only when it holds a full URL)
//   date:   date_publish, datePublished, date_published, published, published_at,
//           publish_date, pubDate, date  (through NormalizeDate)
//   outlet: outlet, source, source_name, site_name, publisher, source_domain, domain
//           (an object's "name" is used when the field is an object)
//   author: author, authors, byline, creator (string, list of strings, or objects with "name")
//   id:     id, ID, _id, uuid, doc_id, article_id
//   language: language, lang, inLanguage
// `where` names the record in errors ("file:12"). A record without text fails.
Result<Document> DocumentFromJson(const nlohmann::json& record, const std::string& file,
                                  int64_t line, const ErrorSink& on_warning = {});

// Reads JSON Lines from `in`, a line at a time: one object a line, blank lines
// skipped. Documents are named "file#LINE"; ids come from the record, else
// "stem-LINE". Invalid UTF-8 is repaired (U+FFFD) and reported once per file; a line
// longer than `max_line_bytes` is reported and skipped.
void ReadJsonLines(ByteStream& in, const std::string& file, size_t max_line_bytes,
                   const DocumentSink& on_doc, const ErrorSink& on_error);
// The same over bytes in memory.
void ReadJsonLines(std::string_view bytes, const std::string& file, const DocumentSink& on_doc,
                   const ErrorSink& on_error);

// Reads `bytes` as one JSON array of objects (or a single object). Documents are named
// "file#N" (1-based position).
void ReadJsonArray(std::string_view bytes, const std::string& file, const DocumentSink& on_doc,
                   const ErrorSink& on_error);

}  // namespace faultline
