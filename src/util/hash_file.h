// A file's content as one FieldHasher field, read in pieces: fingerprints of the data a
// run depends on cover large files (the 26 MB syntax model) at every start, and reading
// such a file whole into memory first cost more than hashing it.
#pragma once

#include <string>
#include <string_view>

#include "util/hash.h"
#include "util/status.h"

namespace faultline {

// Adds the bytes of the file at `path` to `h` as one field, exactly as h->Add(content)
// would. The error names the file and `purpose` (what the fingerprint is for).
Status HashFileContent(const std::string& path, std::string_view purpose, FieldHasher* h);

}  // namespace faultline
