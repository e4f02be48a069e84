#include "ingest/html/gumbo_document.h"

namespace faultline::html {
namespace {
constexpr size_t kChunk = 1 << 20;
constexpr size_t kAlign = 16;
}  // namespace

GumboDocument::GumboDocument(std::string_view utf8) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // error records cost time and nothing reads them
  options.allocator = &GumboDocument::Allocate;
  options.deallocator = &GumboDocument::Deallocate;
  options.userdata = this;
  output_ = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
}

void* GumboDocument::Allocate(void* self_ptr, size_t size) {
  auto* self = static_cast<GumboDocument*>(self_ptr);
  size = (size + kAlign - 1) & ~(kAlign - 1);
  if (size > self->left_) {
    if (size > kChunk / 4) {  // a large block gets a chunk of its own
      self->chunks_.emplace_back(new char[size]);
      return self->chunks_.back().get();
    }
    self->chunks_.emplace_back(new char[kChunk]);
    self->next_ = self->chunks_.back().get();
    self->left_ = kChunk;
  }
  void* p = self->next_;
  self->next_ += size;
  self->left_ -= size;
  return p;
}

}  // namespace faultline::html
