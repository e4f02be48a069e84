# Writes a wrapper script (IN with @FAULTLINE_BIN@ -> BIN) that help2man runs as a program.
file(READ ${IN} text)
string(REPLACE "@FAULTLINE_BIN@" "${BIN}" text "${text}")
file(WRITE ${OUT} "${text}")
file(CHMOD ${OUT} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
