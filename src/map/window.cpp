#include "map/window.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace faultline::map {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (s.size() < pos + n) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// "YYYY-MM" when the date has a month (01..12), else empty.
bool HasMonth(std::string_view date) {
  if (!Digits(date, 0, 4) || date.size() < 7 || date[4] != '-' || !Digits(date, 5, 2)) return false;
  int m = (date[5] - '0') * 10 + (date[6] - '0');
  return m >= 1 && m <= 12;
}

// The calendar part of an ISO date-time: "2022-03-29T10:00Z" -> "2022-03-29".
std::string_view DatePart(std::string_view date) {
  size_t n = 0;
  while (n < date.size() && n < 10 && (std::isdigit(static_cast<unsigned char>(date[n])) || date[n] == '-'))
    ++n;
  return date.substr(0, n);
}

}  // namespace

bool ParseWindow(std::string_view name, Window* out) {
  if (name == "month") *out = Window::kMonth;
  else if (name == "quarter") *out = Window::kQuarter;
  else if (name == "year") *out = Window::kYear;
  else return false;
  return true;
}

const char* WindowName(Window w) {
  switch (w) {
    case Window::kMonth: return "month";
    case Window::kQuarter: return "quarter";
    case Window::kYear: return "year";
  }
  return "month";
}

bool HasYear(std::string_view date) { return Digits(date, 0, 4); }

std::string WindowOf(std::string_view date, Window w) {
  if (!HasYear(date)) return {};
  std::string year(date.substr(0, 4));
  if (w == Window::kYear) return year;
  if (!HasMonth(date)) return {};
  if (w == Window::kMonth) return std::string(date.substr(0, 7));
  int m = (date[5] - '0') * 10 + (date[6] - '0');
  return year + "-Q" + std::to_string((m - 1) / 3 + 1);
}

bool IsDateBound(std::string_view b) {
  if (b.size() == 4) return Digits(b, 0, 4);
  if (b.size() == 7) return HasMonth(b);
  if (b.size() == 10) return HasMonth(b) && b[7] == '-' && Digits(b, 8, 2);
  return false;
}

bool WithinRange(std::string_view date, std::string_view from, std::string_view to) {
  if (from.empty() && to.empty()) return true;
  if (!HasYear(date)) return false;
  std::string_view d = DatePart(date);
  if (!from.empty()) {
    size_t n = std::min(d.size(), from.size());
    if (d.substr(0, n) < from.substr(0, n)) return false;
  }
  if (!to.empty()) {
    size_t n = std::min(d.size(), to.size());
    if (d.substr(0, n) > to.substr(0, n)) return false;
  }
  return true;
}

std::pair<std::string, std::string> WindowBounds(std::string_view label) {
  const size_t q = label.find("-Q");
  if (q == std::string_view::npos || q + 3 != label.size() || label[q + 2] < '1' || label[q + 2] > '4')
    return {std::string(label), std::string(label)};
  const int quarter = label[q + 2] - '0';
  const std::string year(label.substr(0, q));
  char from[8], to[8];
  std::snprintf(from, sizeof from, "%02d", quarter * 3 - 2);
  std::snprintf(to, sizeof to, "%02d", quarter * 3);
  return {year + "-" + from, year + "-" + to};
}

}  // namespace faultline::map
