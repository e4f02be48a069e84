// Small helpers shared by the API's view builders: rounding, nulls for empty strings,
// JSON text, integer query parameters.
#pragma once

#include <cmath>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "serve/api.h"
#include "serve/view_filter.h"

namespace faultline::serve {

// Stances and scores to four decimals: stable, readable output.
inline double Round4(double v) { return std::round(v * 1e4) / 1e4; }

inline nlohmann::json OrNull(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

// Invalid UTF-8 in article text becomes U+FFFD rather than an exception.
inline std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

inline ApiResponse Ok(const nlohmann::json& j) { return ApiResponse{200, Dump(j)}; }

inline nlohmann::json FilterJson(const ViewFilter& f) {
  return {{"from", OrNull(f.map.from)},     {"to", OrNull(f.map.to)},
          {"window", map::WindowName(f.map.window)}, {"outlet", OrNull(f.map.outlet)},
          {"issue", OrNull(f.map.issue)},   {"actor", OrNull(f.actor)},
          {"min_confidence", f.map.min_confidence},
          {"weight", f.map.weight_by_confidence ? nlohmann::json("confidence") : nlohmann::json(nullptr)}};
}

// An integer query parameter within [lo, hi], or `fallback` when absent; false (and
// *error set) when it is something else.
inline bool IntParam(const ApiRequest& r, const char* name, long fallback, long lo, long hi, long* out,
                     ApiResponse* error) {
  std::string v = r.param(name);
  if (v.empty()) {
    *out = fallback;
    return true;
  }
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (*end != '\0' || n < lo || n > hi) {
    *error = ErrorResponse(400, std::string(name) + " must be an integer from " + std::to_string(lo) + " to " +
                                    std::to_string(hi));
    return false;
  }
  *out = n;
  return true;
}

}  // namespace faultline::serve
