#include "statements/analyzer.h"

#include <algorithm>
#include <filesystem>

#include "actors/knowledge_base.h"
#include "ingest/document_budget.h"
#include "statements/clause_rules.h"
#include "statements/codebook.h"
#include "statements/confidence.h"
#include "statements/cues.h"
#include "rules_fingerprint.h"  // generated: FAULTLINE_RULES_HASH
#include "util/data_path.h"
#include "util/hash.h"
#include "util/hash_file.h"

namespace faultline {
namespace {

namespace fs = std::filesystem;

Status HashFile(const std::string& path, FieldHasher* h) {
  return HashFileContent(path, "the statement cache's fingerprint", h);
}

// Every regular file under `dir`, by relative name and content, in name order; a
// missing folder hashes as empty (the loader skips it too).
Status HashTree(const fs::path& dir, FieldHasher* h) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    h->Add("(none)");
    return Status::Ok();
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink, ec), end;
       !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  if (ec) return Status::Error("cannot list (for the statement cache's fingerprint): " + ec.message(), dir.string());
  std::sort(files.begin(), files.end());
  h->Add(static_cast<int64_t>(files.size()));
  for (const fs::path& f : files) {
    h->Add(f.lexically_relative(dir).generic_string());
    if (Status s = HashFile(f.string(), h); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Result<Analyzer> Analyzer::Load(const AnalyzerConfig& config) {
  auto recognizer = BuildRecognizer(config.actor_files);
  if (!recognizer.ok()) return recognizer.status();
  auto extractor = StatementExtractor::Create(config.codebook);
  if (!extractor.ok()) return extractor.status();
  return Analyzer(std::move(recognizer).value(), std::move(extractor).value());
}

std::vector<Statement> Analyzer::Analyze(const Document& doc, ExtractionStats* stats) const {
  Deadline* deadline = stats != nullptr ? stats->deadline : nullptr;
  // The title names who speaks (a joint statement's signatories, the speaker of remarks).
  std::vector<Mention> title_mentions;
  if (!doc.title.empty()) {
    Document title;
    title.id = doc.id;
    title.text = doc.title;
    title.date = doc.date;
    title_mentions = recognizer_.Recognize(title, deadline);
  }
  auto spent = [deadline] { return deadline != nullptr && deadline->spent(); };
  std::vector<Mention> mentions;
  if (!spent()) mentions = recognizer_.Recognize(doc, deadline);
  if (spent()) {
    stats->out_of_time = true;
    return {};
  }
  return extractor_.Extract(doc, mentions, title_mentions, stats);
}

Result<std::vector<Statement>> Analyzer::AnalyzeWithin(const Document& doc, double max_seconds,
                                                       ExtractionStats* stats) const {
  ExtractionStats own;
  if (stats == nullptr) stats = &own;
  Deadline deadline(max_seconds);
  stats->deadline = &deadline;
  std::vector<Statement> statements = Analyze(doc, stats);
  stats->deadline = nullptr;  // it dies here
  if (stats->out_of_time) return TimeBudgetExceeded(doc, deadline);
  AttachDocument(doc, &statements);
  return statements;
}

Result<std::string> AnalysisFingerprint(const AnalyzerConfig& config) {
  FieldHasher h;
  // FAULTLINE_RULES_HASH follows every edit of the rule sources (cmake/rules_fingerprint.cmake);
  // kExtractorVersion stays for changes of meaning a user should see in the version.
  h.Add("faultline statements").Add(kExtractorVersion).Add(FAULTLINE_VERSION).Add(FAULTLINE_RULES_HASH);
  // The same defaults StatementExtractor::Create and KnowledgeBase::LoadDefault use.
  h.Add("codebook");
  if (Status s = HashFile(config.codebook.empty() ? Codebook::DefaultPath() : config.codebook, &h); !s.ok())
    return s;
  h.Add("cues");
  if (Status s = HashFile(CueLexicon::DefaultPath(), &h); !s.ok()) return s;
  h.Add("confidence");
  if (Status s = HashFile(ConfidenceTable::DefaultPath(), &h); !s.ok()) return s;
  h.Add("clause rules");
  if (Status s = HashFile(ClauseRuleSet::DefaultPath(), &h); !s.ok()) return s;
  h.Add("syntax model");
  if (Status s = HashFile(syntax::Model::DefaultPath(), &h); !s.ok()) return s;
  Result<std::string> data_dir = DataDir();
  if (!data_dir.ok()) return data_dir.status();
  const fs::path data = *data_dir;
  for (const char* sub : {"kb", "actors"}) {
    h.Add(sub);
    if (Status s = HashTree(data / sub, &h); !s.ok()) return s;
  }
  h.Add("actor files").Add(static_cast<int64_t>(config.actor_files.size()));
  for (const std::string& f : config.actor_files)
    if (Status s = HashFile(f, &h); !s.ok()) return s;
  // Only actor files (event-data dictionaries, agents) give statements a CAMEO code, and
  // the cache keeps it since store schema 5: entries cached with such files before then
  // lack it and must not match. Without actor files the fingerprint stays as it was.
  if (!config.actor_files.empty()) h.Add("cache keeps cameo");
  return h.Hex();
}

}  // namespace faultline
