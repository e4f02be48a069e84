// The Python module's native half (pybind11): an Engine holds the knowledge base, the
// recognizer, the codebook and the cue lexicon, loaded once; its methods take documents as
// dicts and return plain dicts and lists. python/faultline/__init__.py adds strings, files
// and pandas DataFrames on top. The GIL is released while C++ works, so Python threads (or
// Dask's) can run documents in parallel on one Engine, which is read-only.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <sstream>
#include <stdexcept>

#include "ingest/input_walker.h"
#include "ingest/read_documents.h"
#include "ingest/url.h"
#include "map/load_names.h"
#include "map/map.h"
#include "map/window.h"
#include "report/json_report.h"
#include "statements/analyzer.h"
#include "stories/origin_collector.h"
#include "stories/sources_bytes.h"
#include "stories/stories.h"
#include "util/data_path.h"

namespace py = pybind11;

namespace faultline {
namespace {

std::string Get(const py::dict& d, const char* key) {
  if (!d.contains(key) || d[key].is_none()) return {};
  return py::str(d[key]);
}

Document ToDocument(const py::dict& d) {
  Document doc;
  doc.id = Get(d, "id");
  doc.file = Get(d, "file");
  doc.url = Get(d, "url");
  doc.title = Get(d, "title");
  doc.date = Get(d, "date");
  doc.outlet = Get(d, "outlet");
  doc.author = Get(d, "author");
  doc.language = Get(d, "language");
  doc.text = Get(d, "text");
  doc.via = Get(d, "via");
  return doc;
}

py::dict FromDocument(const Document& doc) {
  py::dict d;
  d["id"] = doc.id;
  d["file"] = doc.file;
  d["url"] = doc.url;
  d["title"] = doc.title;
  d["date"] = doc.date;
  d["outlet"] = doc.outlet;
  d["author"] = doc.author;
  d["language"] = doc.language;
  d["text"] = doc.text;
  d["via"] = doc.via;
  return d;
}

py::dict FromMention(const Mention& m, const std::string& doc_id) {
  py::dict d;
  d["doc"] = doc_id;
  d["begin"] = m.begin;
  d["end"] = m.end;
  d["surface"] = m.surface;
  d["actors"] = m.actors;
  d["group"] = m.group;
  d["person"] = m.person;
  d["cameo"] = m.cameo;
  d["role"] = m.role;
  d["kind"] = m.kind;
  d["rule"] = m.rule;
  d["ambiguous"] = m.ambiguous;
  return d;
}

py::dict FromStatement(const Statement& s) {
  py::dict d;
  d["doc"] = s.doc;
  d["actor"] = s.actor;
  d["issue"] = s.issue;
  d["stance"] = s.stance;
  d["evidence"] = s.evidence;
  d["begin"] = s.begin;
  d["end"] = s.end;
  d["person"] = s.person;
  d["cameo"] = s.cameo;
  d["cue"] = s.cue;
  d["rule"] = s.rule;
  d["confidence"] = s.confidence;
  d["source"] = s.source;
  d["date"] = s.date;
  d["outlet"] = s.outlet;
  d["title"] = s.title;
  d["author"] = s.author;
  return d;
}

Statement ToStatement(const py::dict& d) {
  Statement s;
  s.doc = Get(d, "doc");
  s.actor = Get(d, "actor");
  s.issue = Get(d, "issue");
  s.stance = d.contains("stance") ? py::cast<int>(d["stance"]) : 0;
  s.evidence = Get(d, "evidence");
  s.person = Get(d, "person");
  s.cameo = Get(d, "cameo");
  s.cue = Get(d, "cue");
  s.rule = Get(d, "rule");
  if (d.contains("confidence")) s.confidence = py::cast<double>(d["confidence"]);
  s.source = Get(d, "source");
  s.date = Get(d, "date");
  s.outlet = Get(d, "outlet");
  s.title = Get(d, "title");
  s.author = Get(d, "author");
  if (d.contains("begin") && !d["begin"].is_none()) s.begin = py::cast<size_t>(d["begin"]);
  if (d.contains("end") && !d["end"].is_none()) s.end = py::cast<size_t>(d["end"]);
  return s;
}

// Errors cross into Python as ValueError with the one-line message the CLI would print.
[[noreturn]] void Raise(const Status& s) { throw py::value_error(s.ToString()); }

class Engine {
 public:
  // `max_doc_seconds`: CPU time one document's analysis may take (0: no limit), as the
  // CLI's --max-doc-seconds; a document over it raises, naming it and the stage.
  Engine(const std::string& codebook, const std::vector<std::string>& actor_files, double max_doc_seconds)
      : max_doc_seconds_(max_doc_seconds) {
    Result<Analyzer> a = [&] {
      py::gil_scoped_release release;
      return Analyzer::Load(AnalyzerConfig{codebook, actor_files});
    }();
    if (!a.ok()) Raise(a.status());
    analyzer_ = std::make_shared<const Analyzer>(std::move(a).value());
  }

  py::list Statements(const py::dict& doc_dict) const {
    const Document doc = ToDocument(doc_dict);
    Result<std::vector<Statement>> out = std::vector<Statement>{};
    {
      py::gil_scoped_release release;
      out = analyzer_->AnalyzeWithin(doc, max_doc_seconds_);
    }
    if (!out.ok()) Raise(out.status());
    py::list l;
    for (const auto& s : *out) l.append(FromStatement(s));
    return l;
  }

  py::list Actors(const py::dict& doc_dict) const {
    const Document doc = ToDocument(doc_dict);
    std::vector<Mention> out;
    {
      py::gil_scoped_release release;
      out = analyzer_->recognizer().Recognize(doc);
    }
    const std::string id = doc.id.empty() ? doc.file : doc.id;
    py::list l;
    for (const auto& m : out) l.append(FromMention(m, id));
    return l;
  }

 private:
  std::shared_ptr<const Analyzer> analyzer_;
  double max_doc_seconds_ = 60;
};

// What the stories stage needs of a document, found where the document is (a worker of
// a cluster run): its metadata, its story profile and its sources, the last two as bytes
// (stories/profile.h, stories/sources_bytes.h). The client clusters the records of every
// document at once (map_json with `stories`), as `faultline map` clusters what it reads.
// Only the shipped and given outlet lists are known here, not the outlets of other
// documents: a citation of one of those stays a name, resolved by the client, so a record
// does not depend on which documents a worker happened to see before.
class StoryInputs {
 public:
  explicit StoryInputs(const std::vector<std::string>& outlet_files) {
    Result<stories::StoriesData> d = stories::StoriesData::Load(outlet_files);
    if (!d.ok()) Raise(d.status());
    data_ = std::move(d).value();
  }

  py::dict Record(const py::dict& doc_dict) const {
    const Document doc = ToDocument(doc_dict);
    std::string profile, sources;
    {
      py::gil_scoped_release release;
      profile = stories::ProfileToBytes(data_.model->Profile(doc));
      sources = stories::SourcesToBytes(stories::FindSources(doc, *data_.outlets, *data_.finder), *data_.outlets,
                                        data_.sources_fingerprint);
    }
    py::dict d;
    for (const char* key : {"id", "file", "url", "title", "date", "outlet", "via"}) d[key] = Get(doc_dict, key);
    d["profile"] = py::bytes(profile);
    d["sources"] = py::bytes(sources);
    return d;
  }

 private:
  stories::StoriesData data_;
};

// Runs `read` on a DocumentReader with the size limit, the GIL released; the documents it
// gives and the problems it reports (the run goes on) come back in text order.
template <typename Read>
void ReadWith(double max_file_mb, Read read, std::vector<Document>* docs, std::vector<std::string>* errors) {
  py::gil_scoped_release release;
  ReadOptions o;
  o.max_file_bytes = static_cast<uint64_t>(max_file_mb * 1024 * 1024);
  DocumentReader reader(o, [&](Document&& d) { docs->push_back(std::move(d)); },
                        [&](const Status& s) { errors->push_back(s.ToString()); });
  read(reader);
}

// The documents as a list of dicts, beside the messages.
py::tuple DocumentsAndErrors(const std::vector<Document>& docs, const std::vector<std::string>& errors) {
  py::list l;
  for (const auto& d : docs) l.append(FromDocument(d));
  return py::make_tuple(l, errors);
}

// Documents from files, directories or archives, as `faultline extract` reads them.
// Problems go to a list of messages (the run goes on), returned beside the documents.
py::tuple ReadDocuments(const std::vector<std::string>& paths, double max_file_mb) {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  ReadWith(max_file_mb, [&](DocumentReader& r) { r.ReadPaths(paths); }, &docs, &errors);
  return DocumentsAndErrors(docs, errors);
}

// Documents from content in memory (HTML, text, JSON Lines, WARC, gzip), read as
// `faultline extract` reads a file called `name`. The non-empty fields of `meta` (id, url,
// date, outlet, title, author, language) override what the content says, as --meta does;
// a url given without an outlet names the outlet by its registrable domain.
py::tuple ExtractBytes(const py::bytes& content, const std::string& name, const py::dict& meta, double max_file_mb) {
  std::string bytes = content;
  const Document given = ToDocument(meta);
  std::vector<Document> docs;
  std::vector<std::string> errors;
  ReadWith(max_file_mb, [&](DocumentReader& r) { r.ReadBytes(std::move(bytes), name); }, &docs, &errors);
  for (Document& d : docs) {
    for (auto [from, to] : {std::pair{&given.id, &d.id}, {&given.url, &d.url}, {&given.date, &d.date},
                            {&given.title, &d.title}, {&given.author, &d.author}, {&given.language, &d.language}})
      if (!from->empty()) *to = *from;
    if (!given.outlet.empty()) d.outlet = given.outlet;
    else if (!given.url.empty()) d.outlet = OutletOfUrl(given.url);
  }
  return DocumentsAndErrors(docs, errors);
}

// The files PATH... names, in the order every command reads them (directories walked in
// name order), with the problems found on the way.
py::tuple ListInputs(const std::vector<std::string>& paths) {
  std::vector<std::string> files, errors;
  WalkInputs(paths, [&](const std::string& f) { files.push_back(f); },
             [&](const Status& s) { errors.push_back(s.ToString()); });
  return py::make_tuple(files, errors);
}

// The map of statements as `faultline map --format json` writes it (a JSON string; the
// Python side parses it).
// With `stories` (StoryInputs records of every document, in input order) the documents
// are clustered into stories and cells count independent origins, as `faultline map` does;
// without, each document is its own origin (--no-stories).
std::string MapJson(const py::list& statements, const std::string& window, const std::string& from,
                    const std::string& to, const std::optional<py::list>& story_records,
                    const std::vector<std::string>& outlet_files) {
  std::vector<Statement> in;
  for (const auto& item : statements) in.push_back(ToStatement(py::cast<py::dict>(item)));
  map::OriginOf origin_of;
  if (story_records) {
    stories::OriginCollector collector;
    if (Status s = collector.Start(outlet_files, nullptr); !s.ok()) Raise(s);
    for (const auto& item : *story_records) {
      const py::dict r = py::cast<py::dict>(item);
      Document doc = ToDocument(r);
      if (Status s = collector.AddFound(doc, py::cast<std::string>(r["profile"]), py::cast<std::string>(r["sources"]));
          !s.ok())
        Raise(s);
    }
    Result<map::OriginOf> o = [&] {
      py::gil_scoped_release release;
      return collector.Finish(nullptr);  // no database: every profile was given whole
    }();
    if (!o.ok()) Raise(o.status());
    origin_of = std::move(o).value();
  }
  map::MapOptions opt;
  if (!map::ParseWindow(window, &opt.window)) throw py::value_error("window must be month, quarter or year");
  opt.from = from;
  opt.to = to;
  std::ostringstream out;
  {
    py::gil_scoped_release release;
    map::Map m = map::BuildMap(std::move(in), opt, origin_of);
    // Names beside codes as the command writes them; without the data files, codes alone.
    Result<map::Names> names = map::LoadNames("", {});
    if (names.ok()) m.names = std::move(names).value();
    report::WriteJson(m, out);
  }
  return out.str();
}

}  // namespace
}  // namespace faultline

PYBIND11_MODULE(_faultline, m) {
  using namespace faultline;
  m.doc() = "faultline's native engine; use the faultline package";
  py::class_<Engine>(m, "Engine")
      .def(py::init<const std::string&, const std::vector<std::string>&, double>(), py::arg("codebook") = "",
           py::arg("actors") = std::vector<std::string>{}, py::arg("max_doc_seconds") = 60.0)
      .def("statements", &Engine::Statements, py::arg("document"))
      .def("actors", &Engine::Actors, py::arg("document"));
  m.def("read_documents", &ReadDocuments, py::arg("paths"), py::arg("max_file_mb") = 256.0);
  m.def("extract_bytes", &ExtractBytes, py::arg("content"), py::arg("name"), py::arg("meta") = py::dict(),
        py::arg("max_file_mb") = 256.0);
  m.def("list_inputs", &ListInputs, py::arg("paths"));
  m.def("map_json", &MapJson, py::arg("statements"), py::arg("window") = "month", py::arg("from_") = "",
        py::arg("to") = "", py::arg("stories") = py::none(), py::arg("outlets") = std::vector<std::string>{});
  py::class_<StoryInputs>(m, "StoryInputs")
      .def(py::init<const std::vector<std::string>&>(), py::arg("outlets") = std::vector<std::string>{})
      .def("record", &StoryInputs::Record, py::arg("document"));
  m.def("data_dir", [] {
    Result<std::string> d = DataDir();
    if (!d.ok()) Raise(d.status());
    return *d;
  });
  m.attr("__version__") = FAULTLINE_VERSION;
}
