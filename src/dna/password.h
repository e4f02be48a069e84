// Coder passwords as DNA 3 stores them in CODERS.Password: jasypt's StrongPasswordEncryptor
// digest, i.e. base64 of a 16-byte random salt followed by SHA-256 applied 100,000 times
// (first to salt + UTF-8 password, then to the previous digest). DNA asks for the password
// when a coder opens the database, so a .dna that faultline writes must carry a real one.
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace faultline::dna {

// The digest of `password` with `salt` (16 bytes).
std::string PasswordDigest(std::string_view password, std::string_view salt);
// The same with a fresh random salt.
Result<std::string> NewPasswordDigest(std::string_view password);
// Whether `digest` (as stored) is that of `password`.
bool PasswordMatches(std::string_view password, std::string_view digest);

}  // namespace faultline::dna
