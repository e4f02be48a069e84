// Which kind of event-data dictionary a text is. PETRARCH and TABARI ship several files that
// look alike (one entry a line, codes in brackets): actors and agents name who acts; verbs,
// discards and CAMEO code lists do not, and passed to --actors they would load silently with
// no effect. This tells them apart so the loader can refuse the wrong ones by name.
#pragma once

#include <string>

namespace faultline {

enum class EventFileKind { kActors, kAgents, kVerbs, kDiscards, kCodes, kOptions, kProject };

// The kind of `text`, judged from its lines (comments skipped): verb blocks
// ("--- ABANDON [345] ---", "- * pattern [code]", <SYNSETS>) make verbs; CAMEO code lists
// ("LABEL: 010= ...", a header naming eventtype_ID or goldstein, "code<TAB>label", PETRARCH's
// CAMEO-to-PICO table "010:0x1000") codes; TABARI's settings ("SET:", "COMPLEX:", "OUTPUT:")
// options; TABARI's list of a project's files ("<actorsfile> ...") a project; entries
// without any bracketed code discards; codes that mostly start with '~' agents.
EventFileKind ClassifyEventFile(const std::string& text);

// "a PETRARCH/TABARI verbs dictionary", ... for messages.
std::string DescribeEventFileKind(EventFileKind kind);

}  // namespace faultline
