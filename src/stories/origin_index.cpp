#include "stories/origin_index.h"

namespace faultline::stories {

OriginIndex::OriginIndex(const OriginTable* table, const OutletList* outlets) : table_(table), outlets_(outlets) {
  by_name_.reserve(table->documents.size());
  for (size_t i = 0; i < table->documents.size(); ++i) by_name_.emplace(table->documents[i].statement_name, i);
}

OriginLabel OriginIndex::Of(const Statement& s) const {
  auto it = by_name_.find(s.doc);
  if (it == by_name_.end() || s.doc.empty())
    return {"doc:" + s.doc, s.outlet.empty() ? s.doc : s.outlet};
  const OriginTable::Document& doc = table_->documents[it->second];
  const OriginTable::Story& story = table_->stories[doc.story];
  // A statement whose source names another known outlet counts for that outlet's report
  // (StatementOriginKey); a document citing itself does not.
  std::string outlet;
  std::string key;
  const int named = s.source.empty() ? -1 : outlets_->Resolve(s.source);
  if (named >= 0 && outlets_->outlets()[static_cast<size_t>(named)].name != doc.self) {
    outlet = outlets_->outlets()[static_cast<size_t>(named)].name;
    key = story.id + "/" + outlet;
  } else {
    key = doc.origin_key;
    outlet = key.substr(key.find('/') + 1);
  }
  // The date the origin reported, when the key is the story's origin or a member's.
  std::string date;
  if (outlet == story.origin_outlet) {
    date = story.origin_date;
  } else {
    for (const auto& [end, when] : story.ends)
      if (end == outlet) {
        date = when;
        break;
      }
  }
  return {key, outlet + " (story " + story.id + (date.empty() ? "" : ", " + date) + ")"};
}

}  // namespace faultline::stories
