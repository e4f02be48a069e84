#include "serve/view_filter.h"

#include <cstdio>
#include <cstdlib>

#include "map/window.h"

namespace faultline::serve {

std::string ViewFilter::Key() const {
  std::string key;
  auto add = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    if (!key.empty()) key += '&';
    key += name;
    key += '=';
    key += value;  // values may hold '&': the key is compared, never parsed
    key += '\x1f';
  };
  add("actor", actor);
  add("from", map.from);
  add("issue", map.issue);
  add("outlet", map.outlet);
  add("to", map.to);
  add("window", map.window == map::Window::kMonth ? "" : map::WindowName(map.window));
  if (map.min_confidence > 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", map.min_confidence);
    add("min_confidence", buf);
  }
  add("weight", map.weight_by_confidence ? "confidence" : "");
  return key;
}

Result<ViewFilter> ParseViewFilter(const std::function<std::string(const std::string&)>& param) {
  ViewFilter f;
  for (const char* bound : {"from", "to"}) {
    std::string v = param(bound);
    if (!v.empty() && !map::IsDateBound(v))
      return Status::Error(std::string(bound) + " must be YYYY, YYYY-MM or YYYY-MM-DD, not \"" + v + "\"");
    (bound[0] == 'f' ? f.map.from : f.map.to) = v;
  }
  if (std::string w = param("window"); !w.empty() && !map::ParseWindow(w, &f.map.window))
    return Status::Error("window must be month, quarter or year, not \"" + w + "\"");
  f.map.outlet = param("outlet");
  f.map.issue = param("issue");
  f.actor = param("actor");
  if (std::string c = param("min_confidence"); !c.empty()) {
    char* end = nullptr;
    const double v = std::strtod(c.c_str(), &end);
    if (end == c.c_str() || *end != '\0' || !(v >= 0 && v <= 1))
      return Status::Error("min_confidence must be a number from 0 to 1, not \"" + c + "\"");
    f.map.min_confidence = v;
  }
  if (std::string w = param("weight"); !w.empty()) {
    if (w != "confidence") return Status::Error("weight must be confidence, not \"" + w + "\"");
    f.map.weight_by_confidence = true;
  }
  return f;
}

}  // namespace faultline::serve
