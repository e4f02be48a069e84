#include "syntax/model.h"

#include "syntax/binary_io.h"
#include "syntax/model_file.h"
#include "util/data_path.h"

namespace faultline::syntax {

namespace {

// Section tags, so that a payload read against the wrong layout fails early.
constexpr uint32_t kSectionTag = 0x53454354;  // "SECT"

void PutSection(ByteWriter* out, uint32_t id) {
  out->Put<uint32_t>(kSectionTag);
  out->Put<uint32_t>(id);
}
bool GetSection(ByteReader* in, uint32_t id) {
  uint32_t tag = 0, got = 0;
  return in->Get(&tag) && in->Get(&got) && tag == kSectionTag && got == id;
}

}  // namespace

Model::Model(ModelParts parts) : parts_(std::move(parts)), tokenizer_(parts_.tokenizer_rules) {}

std::string Model::DefaultPath() { return DataFile("syntax/en.model"); }

Status Model::Save(const std::string& path) const {
  ByteWriter out;
  PutSection(&out, 1);
  out.PutString(parts_.provenance);
  PutSection(&out, 2);
  out.PutStrings(parts_.tokenizer_rules.abbreviations);
  out.PutStrings(parts_.tokenizer_rules.hyphen_prefixes);
  out.PutStrings(parts_.tokenizer_rules.slash_words);
  out.PutStrings(parts_.tokenizer_rules.numbered_abbreviations);
  PutSection(&out, 3);
  parts_.clusters.Write(&out);
  PutSection(&out, 4);
  parts_.tagger.Write(&out);
  PutSection(&out, 5);
  parts_.lemmatizer.Write(&out);
  PutSection(&out, 6);
  parts_.morph.Write(&out);
  PutSection(&out, 7);
  parts_.parser.Write(&out);
  PutSection(&out, 8);
  parts_.labeler.Write(&out);
  return WriteModelFile(path, out.bytes());
}

Result<std::shared_ptr<const Model>> Model::Load(const std::string& path) {
  auto payload = ReadModelFile(path);
  if (!payload.ok()) return payload.status();
  ByteReader in(*payload);
  ModelParts p;
  auto fail = [&](const char* part) {
    return Status::Error(std::string("syntax model is damaged: cannot read its ") + part, path);
  };
  if (!GetSection(&in, 1) || !in.GetString(&p.provenance)) return fail("provenance");
  if (!GetSection(&in, 2) || !in.GetStrings(&p.tokenizer_rules.abbreviations) ||
      !in.GetStrings(&p.tokenizer_rules.hyphen_prefixes) || !in.GetStrings(&p.tokenizer_rules.slash_words) ||
      !in.GetStrings(&p.tokenizer_rules.numbered_abbreviations))
    return fail("tokeniser rules");
  if (!GetSection(&in, 3) || !p.clusters.Read(&in)) return fail("word classes");
  if (!GetSection(&in, 4) || !p.tagger.Read(&in)) return fail("tagger");
  if (!GetSection(&in, 5) || !p.lemmatizer.Read(&in)) return fail("lemmatiser");
  if (!GetSection(&in, 6) || !p.morph.Read(&in)) return fail("feature table");
  if (!GetSection(&in, 7) || !p.parser.Read(&in)) return fail("parser");
  if (!GetSection(&in, 8) || !p.labeler.Read(&in)) return fail("labeller");
  if (!in.done()) return fail("end (unexpected bytes after the last section)");
  return std::shared_ptr<const Model>(std::make_shared<Model>(std::move(p)));
}

ParsedSentence Model::Parse(std::string_view text, uint32_t begin, uint32_t end) const {
  ParsedSentence s;
  s.begin = begin;
  s.end = end;
  for (const Span& sp : tokenizer_.Tokenize(text, begin, end)) {
    Token t;
    t.begin = static_cast<uint32_t>(sp.begin);
    t.end = static_cast<uint32_t>(sp.end);
    t.form = std::string(text.substr(sp.begin, sp.size()));
    s.tokens.push_back(std::move(t));
  }
  Annotate(&s);
  return s;
}

void Model::Annotate(ParsedSentence* sentence, bool keep_tags) const {
  auto& toks = sentence->tokens;
  if (toks.empty()) return;
  std::vector<WordInfo> words;
  words.reserve(toks.size());
  for (const Token& t : toks) words.push_back(DescribeWord(t.form, parts_.clusters));
  std::vector<int> tags;
  parts_.tagger.Tag(words, &tags);
  for (size_t i = 0; i < toks.size(); ++i) {
    Token& t = toks[i];
    if (keep_tags) {
      const int given = parts_.tagger.ClassOf(std::string(UposName(t.upos)) + "\t" + t.xpos);
      if (given >= 0) tags[i] = given;
    }
    t.upos = parts_.tagger.UposOf(tags[i]);
    t.xpos = parts_.tagger.XposOf(tags[i]);
    t.lemma = parts_.lemmatizer.Lemma(t.form, t.upos, t.xpos);
    t.feats = parts_.morph.Guess(t.form, tags[i]);
  }
  LabelerSentence ls;
  ls.tags = tags;
  parts_.parser.Parse(words, tags, &ls.heads);
  ls.words = std::move(words);
  ls.upos.reserve(toks.size());
  for (const Token& t : toks) ls.upos.push_back(t.upos);
  std::vector<int> labels;
  parts_.labeler.Label(ls, &labels);
  for (size_t i = 0; i < toks.size(); ++i) {
    toks[i].head = ls.heads[i];
    toks[i].deprel = parts_.labeler.Name(labels[i]);
  }
  MorphFeatures::AfterParse(sentence);
}

}  // namespace faultline::syntax
