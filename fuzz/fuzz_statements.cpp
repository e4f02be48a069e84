// The statement stage: actor recognition and statement extraction with the shipped
// knowledge base and codebook, on arbitrary text (the first line is the date).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "statements/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<faultline::Analyzer> analyzer = [] {
    faultline::Result<faultline::Analyzer> a = faultline::Analyzer::Load({});
    if (!a.ok()) {
      std::fprintf(stderr, "%s\n", a.status().ToString().c_str());
      std::abort();
    }
    return std::make_unique<faultline::Analyzer>(std::move(a).value());
  }();
  if (size > (64 << 10)) return 0;  // the per-document budget is the reader's; keep runs fast
  std::string in(reinterpret_cast<const char*>(data), size);
  faultline::Document d;
  d.id = "fuzz";
  const size_t nl = in.find('\n');
  if (nl != std::string::npos && nl <= 10) {
    d.date = in.substr(0, nl);
    in.erase(0, nl + 1);
  }
  d.text = std::move(in);
  (void)analyzer->Analyze(d);
  return 0;
}
