// SHA-256 (FIPS 180-4), for naming exactly which rule file and inputs produced an output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace huzhu {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  /// Finishes and returns the digest as 64 lower-case hex digits. The object is spent afterwards.
  std::string HexDigest();
  /// Tests: use the portable code even where the CPU has the SHA extensions.
  void ForcePortableForTesting() { force_portable_ = true; }

 private:
  void Block(const unsigned char* p);
  void Blocks(const unsigned char* p, std::size_t blocks);
  bool force_portable_ = false;
  std::uint32_t h_[8];
  unsigned char buffer_[64];
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
};

/// SHA-256 of a string, as hex.
std::string Sha256Hex(std::string_view data);
/// SHA-256 of a file's bytes, as hex. Throws Error(kInput) when it cannot be read.
std::string Sha256File(const std::string& path);

}  // namespace huzhu
