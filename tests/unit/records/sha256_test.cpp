#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/sha256.h"

using namespace huzhu;

// FIPS 180-4 / NIST example vectors (through the SHA extensions where the CPU has them).
TEST_CASE("SHA-256 known vectors") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // One million 'a', fed in uneven pieces to exercise the buffering.
  Sha256 h;
  const std::string chunk(997, 'a');
  std::size_t left = 1000000;
  while (left > 0) {
    const std::size_t n = std::min(left, chunk.size());
    h.Update(std::string_view(chunk.data(), n));
    left -= n;
  }
  CHECK(h.HexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// The portable code and the SHA-extensions code agree, on every length from 0 to 300 bytes and
// on a megabyte fed in uneven pieces (on a CPU without the extensions both are portable).
TEST_CASE("SHA-256: portable and SHA-extension code give the same digests") {
  std::string data;
  for (int i = 0; i < 300; ++i) data += static_cast<char>((i * 7919 + 13) & 0xFF);
  for (std::size_t n = 0; n <= data.size(); ++n) {
    Sha256 fast;
    Sha256 portable;
    portable.ForcePortableForTesting();
    fast.Update(std::string_view(data.data(), n));
    portable.Update(std::string_view(data.data(), n));
    CAPTURE(n);
    CHECK(fast.HexDigest() == portable.HexDigest());
  }
  Sha256 portable;
  portable.ForcePortableForTesting();
  std::string mega;
  for (int i = 0; i < (1 << 20); ++i) mega += static_cast<char>((i * 2654435761u) >> 24);
  Sha256 fast;
  for (std::size_t at = 0; at < mega.size();) {
    const std::size_t n = std::min<std::size_t>(1 + at % 4099, mega.size() - at);
    fast.Update(std::string_view(mega.data() + at, n));
    portable.Update(std::string_view(mega.data() + at, n));
    at += n;
  }
  CHECK(fast.HexDigest() == portable.HexDigest());
  // The portable code alone on the NIST vector.
  Sha256 abc;
  abc.ForcePortableForTesting();
  abc.Update("abc");
  CHECK(abc.HexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
