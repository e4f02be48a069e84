#include "syntax/trainer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <set>
#include <sstream>
#include <thread>

#include "syntax/model_file.h"

namespace faultline::syntax {

namespace {

void Log(const TrainOptions& o, const std::string& line) {
  if (o.log) o.log(line);
}

std::string ClassName(const Token& t) { return std::string(UposName(t.upos)) + "\t" + t.xpos; }

// Runs jobs[0..n) on up to `threads` threads; each job writes only its own outputs.
void RunParallel(int threads, std::vector<std::function<void()>> jobs) {
  std::vector<std::thread> pool;
  std::atomic<size_t> next{0};
  const int t = std::max(1, std::min<int>(threads, static_cast<int>(jobs.size())));
  for (int i = 0; i < t; ++i)
    pool.emplace_back([&] {
      for (size_t j; (j = next++) < jobs.size();) jobs[j]();
    });
  for (auto& th : pool) th.join();
}

// Predicted tags for every training sentence, each from a tagger trained on the
// other folds.
std::vector<std::vector<int>> Jackknife(const std::vector<TaggedSentence>& data, const Tagger& proto,
                                        const TrainOptions& o) {
  const int k = o.jackknife_folds;
  std::vector<std::vector<int>> predicted(data.size());
  std::vector<std::function<void()>> jobs;
  for (int fold = 0; fold < k; ++fold) {
    jobs.push_back([&, fold] {
      std::vector<TaggedSentence> train;
      for (size_t i = 0; i < data.size(); ++i)
        if (static_cast<int>(i % k) != fold) train.push_back(data[i]);
      Tagger t = proto;
      TaggerOptions to = o.tagger;
      to.seed = o.seed + 101 * (fold + 1);
      t.Train(train, to);
      for (size_t i = fold; i < data.size(); i += k) t.Tag(data[i].words, &predicted[i]);
    });
  }
  RunParallel(o.threads, std::move(jobs));
  return predicted;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

Result<ModelParts> TrainModel(const std::vector<ConlluSentence>& sentences, const TokenizerRules& rules,
                              WordClusters clusters, const TrainOptions& o) {
  if (sentences.empty()) return Status::Error("no training sentences");
  const auto start = std::chrono::steady_clock::now();
  // Tag classes and relations, sorted so the model does not depend on file order.
  std::set<std::string> class_set, relation_set{"root"};
  size_t tokens = 0;
  for (const auto& s : sentences)
    for (const auto& t : s.parse.tokens) {
      class_set.insert(ClassName(t));
      relation_set.insert(t.deprel);
      ++tokens;
    }
  if (class_set.size() > 255 || relation_set.size() > 255)
    return Status::Error("more than 255 tag classes or relations: is this a treebank?");
  ModelParts parts;
  parts.tokenizer_rules = rules;
  parts.clusters = std::move(clusters);
  parts.tagger = Tagger(std::vector<std::string>(class_set.begin(), class_set.end()));
  parts.labeler = Labeler(std::vector<std::string>(relation_set.begin(), relation_set.end()));

  std::vector<TaggedSentence> tagged(sentences.size());
  std::vector<LemmaExample> lemmas;
  std::vector<FeatureExample> feats;
  for (size_t i = 0; i < sentences.size(); ++i)
    for (const auto& t : sentences[i].parse.tokens) {
      const int tag = parts.tagger.ClassOf(ClassName(t));
      tagged[i].forms.push_back(t.form);
      tagged[i].words.push_back(DescribeWord(t.form, parts.clusters));
      tagged[i].tags.push_back(tag);
      lemmas.push_back(LemmaExample{t.form, t.upos, t.xpos, t.lemma});
      feats.push_back(FeatureExample{t.form, tag, t.upos, t.feats.ToString()});
    }
  parts.lemmatizer.Train(lemmas);
  parts.morph.Train(feats, parts.tagger.classes());
  Log(o, "lemmatiser: " + std::to_string(parts.lemmatizer.rules()) + " suffix rules, " +
             std::to_string(parts.lemmatizer.exceptions()) + " exceptions");

  // Tags the parser learns from: jackknifed, or gold when asked.
  std::vector<std::vector<int>> parser_tags;
  if (o.jackknife_folds >= 2) {
    parser_tags = Jackknife(tagged, parts.tagger, o);
    size_t right = 0;
    for (size_t i = 0; i < tagged.size(); ++i)
      for (size_t j = 0; j < tagged[i].tags.size(); ++j) right += parser_tags[i][j] == tagged[i].tags[j];
    Log(o, "jackknifed tags (" + std::to_string(o.jackknife_folds) + " folds): accuracy " +
               std::to_string(static_cast<double>(right) / tokens) + ", " + std::to_string(Seconds(start)) + " s");
  } else {
    for (const auto& t : tagged) parser_tags.push_back(t.tags);
  }

  std::vector<ParserSentence> parse_data(sentences.size());
  std::vector<LabelerSentence> label_data(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const auto& toks = sentences[i].parse.tokens;
    ParserSentence& p = parse_data[i];
    p.words = tagged[i].words;
    p.tags = parser_tags[i];
    LabelerSentence& l = label_data[i];
    l.words = tagged[i].words;
    l.tags = parser_tags[i];
    for (const auto& t : toks) {
      p.heads.push_back(t.head);
      l.heads.push_back(t.head);
      l.labels.push_back(parts.labeler.IdOf(t.deprel));
    }
    for (int tag : l.tags) l.upos.push_back(parts.tagger.UposOf(tag));
  }
  // The final tagger, parser and labeller are independent: train them side by side.
  TaggerOptions to = o.tagger;
  to.seed = o.seed;
  ParserOptions po = o.parser;
  po.seed = o.seed + 7;
  LabelerOptions lo = o.labeler;
  lo.seed = o.seed + 13;
  RunParallel(o.threads, {[&] { parts.parser.Train(parse_data, po); },
                          [&] { parts.tagger.Train(tagged, to); },
                          [&] { parts.labeler.Train(label_data, lo); }});
  Log(o, "trained tagger, parser (" + std::to_string(parts.parser.features()) + " features) and labeller (" +
             std::to_string(parts.labeler.features()) + " features) in " + std::to_string(Seconds(start)) + " s");

  std::ostringstream prov;
  prov << "faultline syntax model, format " << kModelFormatVersion << "\n"
       << "trained on " << sentences.size() << " sentences, " << tokens << " words";
  if (!o.train_files.empty()) {
    prov << " from";
    for (const auto& f : o.train_files) prov << " " << f.substr(f.find_last_of('/') + 1);
  }
  prov << "\n"
       << "tag classes " << parts.tagger.classes() << ", relations " << parts.labeler.relations()
       << ", word classes " << parts.clusters.size() << " words\n"
       << "epochs: tagger " << o.tagger.epochs << ", parser " << o.parser.epochs << ", labeller " << o.labeler.epochs
       << "; jackknife folds " << o.jackknife_folds << "; seed " << o.seed << "\n";
  parts.provenance = prov.str();
  PruneModel(o.prune, &parts);
  return parts;
}

void PruneModel(const PruneOptions& options, ModelParts* parts) {
  if (!options.any()) return;
  parts->tagger.Prune(options.tagger);
  parts->parser.Prune(options.parser);
  parts->labeler.Prune(options.labeler);
  std::ostringstream prov;
  prov << "pruned: weights below tagger " << options.tagger << ", parser " << options.parser << ", labeller "
       << options.labeler << "; features kept: tagger " << parts->tagger.model().features() << ", parser "
       << parts->parser.model().features() << ", labeller " << parts->labeler.model().features() << "\n";
  parts->provenance += prov.str();
}

Result<ModelParts> TrainModel(const TrainOptions& o, std::vector<Status>* problems) {
  auto rules = LoadTokenizerRules(o.tokenizer_rules);
  if (!rules.ok()) return rules.status();
  WordClusters clusters;
  if (!o.clusters.empty()) {
    auto c = WordClusters::LoadTable(o.clusters);
    if (!c.ok()) return c.status();
    clusters = std::move(*c);
    Log(o, "word classes: " + std::to_string(clusters.size()) + " words from " + o.clusters);
  }
  std::vector<ConlluSentence> all;
  for (const auto& f : o.train_files) {
    auto s = ReadConlluFile(f, problems);
    if (!s.ok()) return s.status();
    Log(o, f + ": " + std::to_string(s->size()) + " sentences");
    for (auto& x : *s) all.push_back(std::move(x));
  }
  if (all.empty()) return Status::Error("no usable training sentence in the given files");
  return TrainModel(all, *rules, std::move(clusters), o);
}

}  // namespace faultline::syntax
