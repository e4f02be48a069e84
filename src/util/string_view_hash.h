// A hash for std::string and std::string_view alike: with std::equal_to<> it lets an
// unordered set or map of strings be asked about a view (a word inside a text) without
// building a std::string for the question (C++20 heterogeneous lookup).
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace faultline {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace faultline
