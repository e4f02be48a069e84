// Text from input shown on a terminal or in an error line: control characters and
// escape sequences are made visible instead of acting, so a document cannot move the
// cursor, recolour the screen or forge a line of faultline's own output.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

// C0 controls, DEL and C1 controls (U+0080..U+009F) as \xNN (\n, \r, \t as themselves
// spelled out); with `keep_lines`, newline and tab stay as they are (multi-line text).
// Everything else, invalid UTF-8 included, is passed through.
std::string EscapeForTerminal(std::string_view s, bool keep_lines = false);

// True when `s` holds anything EscapeForTerminal would change.
bool NeedsTerminalEscape(std::string_view s, bool keep_lines = false);

}  // namespace faultline
