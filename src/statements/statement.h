// Statement: one position statement as defined in the guidelines — an actor is for (+1)
// or against (-1) an issue, according to an evidence sentence, reported by a source.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/document.h"

namespace faultline {

struct Statement {
  std::string doc;       // the input file's name (or the document id for stored documents)
  std::string actor;     // actor code ("FRA", "NATO", "CEE")
  std::string issue;     // issue id from the codebook ("talks")
  int stance = 0;        // +1 or -1
  std::string evidence;  // the sentence, exactly as in Document::text
  size_t begin = 0;      // byte offsets of the evidence in Document::text
  size_t end = 0;
  std::string person;    // the person who spoke or acted, when one did ("Emmanuel Macron")
  std::string cameo;     // the holder's CAMEO code when an event-data dictionary gave one
                         // ("EGYGOV": actor EGY, agent government); empty otherwise
  std::string cue;       // the words that carried the stance ("favor", "warned against")
  std::string rule;      // the rule that produced the statement
  double confidence = 1; // in [0,1]: the calibrated precision of its rule (statements/confidence.h);
                         // 1 for statements people coded or confirmed
  std::string source;    // who reports it ("Bloomberg", "sources", or the outlet itself)
  std::string date;      // the document's date (ISO 8601 or partial or empty)
  std::string outlet;    // the document's outlet
  // For statement lists that carry the document (DNA's event list, the .dna writer):
  std::string title;     // the document's title and author
  std::string author;
  size_t units_begin = 0;  // the evidence in UTF-16 code units, DNA's offsets (and the
  size_t units_end = 0;    // character offsets of R and Python for text in the BMP)
};

// Sets title, author and the UTF-16 offsets of statements extracted from `doc`.
void AttachDocument(const Document& doc, std::vector<Statement>* statements);

}  // namespace faultline
