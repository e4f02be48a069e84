// A page parsed by gumbo into memory from one arena: gumbo makes many small allocations
// (nodes, attribute and text copies, growing buffers) and frees them all at once at the
// end, so bump allocation with a single release is markedly faster than malloc/free.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string_view>
#include <vector>

namespace faultline::html {

class GumboDocument {
 public:
  // Parses `utf8` (must outlive this object: gumbo points into it).
  explicit GumboDocument(std::string_view utf8);
  ~GumboDocument() = default;
  GumboDocument(const GumboDocument&) = delete;
  GumboDocument& operator=(const GumboDocument&) = delete;

  // The document node, or nullptr when gumbo failed.
  const GumboNode* root() const { return output_ ? output_->document : nullptr; }

 private:
  static void* Allocate(void* self, size_t size);
  static void Deallocate(void* /*self*/, void* /*ptr*/) {}  // released with the arena

  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  GumboOutput* output_ = nullptr;
};

}  // namespace faultline::html
