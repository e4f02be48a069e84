#include "dna/password.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <vector>

namespace faultline::dna {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr int kIterations = 100000;  // jasypt's StrongPasswordEncryptor

using Sha256 = std::array<unsigned char, 32>;

Sha256 Hash(const unsigned char* data, size_t n) {
  Sha256 out{};
  unsigned int len = 0;
  EVP_Digest(data, n, out.data(), &len, EVP_sha256(), nullptr);
  return out;
}

std::string Base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

// Decoded bytes, or empty for text that is not base64.
std::string Unbase64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return {};
  std::string out(3 * text.size() / 4 + 1, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return {};
  size_t size = static_cast<size_t>(n);
  // EVP_DecodeBlock counts the padding as zero bytes.
  for (size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) --size;
  out.resize(size);
  return out;
}

}  // namespace

std::string PasswordDigest(std::string_view password, std::string_view salt) {
  std::vector<unsigned char> first(salt.begin(), salt.end());
  first.insert(first.end(), password.begin(), password.end());
  Sha256 d = Hash(first.data(), first.size());
  for (int i = 1; i < kIterations; ++i) d = Hash(d.data(), d.size());
  std::string raw(salt);
  raw.append(reinterpret_cast<const char*>(d.data()), d.size());
  return Base64(raw);
}

Result<std::string> NewPasswordDigest(std::string_view password) {
  std::string salt(kSaltBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1)
    return Status::Error("no random bytes for a password salt");
  return PasswordDigest(password, salt);
}

bool PasswordMatches(std::string_view password, std::string_view digest) {
  const std::string raw = Unbase64(digest);
  if (raw.size() != kSaltBytes + 32) return false;
  return PasswordDigest(password, std::string_view(raw).substr(0, kSaltBytes)) == digest;
}

}  // namespace faultline::dna
