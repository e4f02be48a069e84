// Escaping for the writers: HTML/XML text and attributes, JSON embedded in a <script>
// element, CSV fields (RFC 4180), and display helpers for terminal text.
#pragma once

#include <string>
#include <string_view>

namespace faultline::report {

// &, <, >, " and ' as entities; safe in element text and in quoted attributes (HTML and XML).
// Control characters XML 1.0 forbids are dropped so the output stays well-formed.
std::string HtmlEscape(std::string_view s);

// A serialised JSON text made safe to sit inside <script type="application/json">:
// <, >, & and U+2028/U+2029 become \u003c, \u003e, \u0026, \u2028, \u2029. Only valid
// inside JSON strings, where those characters can only occur, so JSON.parse gives back
// the same value.
std::string JsonForScript(std::string_view json);

// One CSV field per RFC 4180: quoted (with "" for ") when it holds , " CR or LF. A
// field a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
// leading ' inside the quotes, as OWASP recommends against CSV injection: the cell
// shows the text, the spreadsheet runs nothing.
std::string CsvField(std::string_view s);
// True for a field that starts like a spreadsheet formula (= + - @ tab CR).
bool StartsLikeFormula(std::string_view s);

// `s` cut to at most `columns` terminal columns (an ellipsis marks the cut), with newlines
// and tabs turned into spaces: one terminal line.
std::string OneLine(std::string_view s, size_t columns);

// The terminal columns UTF-8 `s` takes: a column per code point, none for combining marks
// and zero-width format characters, two for East Asian wide characters (ICU's properties).
size_t DisplayWidth(std::string_view s);

}  // namespace faultline::report
