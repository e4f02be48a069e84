// The web application's files (web/ and docs/openapi.yaml), embedded in the binary at
// build time by cmake/embed_assets.cmake: the server reads nothing from disk but the
// database, and loads nothing from elsewhere.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace faultline::serve {

struct Asset {
  const char* path;          // "/app.js"
  const char* content_type;  // "text/javascript; charset=utf-8"
  const char* data;
  size_t size;
  std::string_view bytes() const { return {data, size}; }
};

const std::vector<Asset>& Assets();

// The asset served at `path`, or nullptr.
inline const Asset* FindAsset(std::string_view path) {
  for (const Asset& a : Assets())
    if (path == a.path) return &a;
  return nullptr;
}

}  // namespace faultline::serve
