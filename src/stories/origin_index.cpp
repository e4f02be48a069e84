#include "stories/origin_index.h"

namespace faultline::stories {

OriginIndex::OriginIndex(const StoryCollection* stories, const OutletList* outlets)
    : stories_(stories), outlets_(outlets) {
  for (size_t i = 0; i < stories->documents.size(); ++i) by_name_.emplace(stories->documents[i].statement_name, i);
}

OriginLabel OriginIndex::Of(const Statement& s) const {
  auto it = by_name_.find(s.doc);
  if (it == by_name_.end() || s.doc.empty())
    return {"doc:" + s.doc, s.outlet.empty() ? s.doc : s.outlet};
  const size_t doc = it->second;
  const Story& story = stories_->stories[stories_->story_of[doc]];
  const StoryMember* member = stories_->MemberOf(doc);
  const std::string key =
      StatementOriginKey(s.source, member->origin_key, stories_->sources[doc], *outlets_, story.id);
  const std::string outlet = key.substr(key.find('/') + 1);
  // The date the origin reported, when the key is the story's origin or a member's.
  std::string date;
  if (outlet == story.origin.outlet) {
    date = story.origin.date;
  } else {
    for (const StoryMember& m : story.members)
      if (m.chain.back().outlet == outlet) {
        date = m.chain.back().date;
        break;
      }
  }
  return {key, outlet + " (story " + story.id + (date.empty() ? "" : ", " + date) + ")"};
}

}  // namespace faultline::stories
