// A small pull scanner for the XML of .xlsx parts, streaming over a ZipInflateStream: enough XML
// for the sheet and shared-strings grammars (elements, attributes, character data, the five
// predefined entities, character references, CDATA, comments, PIs), no DTD (a DOCTYPE is refused),
// no tree. Internal to the xlsx reader.
//
// The scanner keeps a window [pos(), end()) of inflated text with a '\0' sentinel at end(), so
// scanning loops test one byte instead of a bound; a '\0' before end() is malformed (XML forbids
// it). Callers scan one item at a time (a <row>, an <si>) from pos() with a local cursor, and
// Commit() it when the item is complete. When the window ends inside an item the lexing functions
// throw NeedMore; the caller then calls Refill(), which joins the uncommitted tail to the next
// inflated chunk (in that chunk's headroom, or for items larger than the headroom in a carry
// buffer grown geometrically, so a huge item is re-scanned O(log n) times) and scans it again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "io/zip_stream.h"

namespace huzhu::xlsx {

/// Thrown when the window ends before the item being scanned does.
struct NeedMore {};

struct CharClasses {
  bool space[256] = {};
  bool name_start[256] = {};
  bool name[256] = {};
  bool text_stop[256] = {};
};

constexpr CharClasses MakeCharClasses() {
  CharClasses classes;
  for (int c = 0; c < 256; ++c) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    classes.space[c] = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    classes.name_start[c] = letter || c == '_' || c == ':' || c >= 0x80;
    classes.name[c] = classes.name_start[c] || digit || c == '-' || c == '.';
    classes.text_stop[c] = c == '<' || c == '&' || c == '\r' || c == '_' || c == '\0';
  }
  return classes;
}
inline constexpr CharClasses kChars = MakeCharClasses();

inline unsigned char Byte(char c) { return static_cast<unsigned char>(c); }
inline bool IsSpace(char c) { return kChars.space[Byte(c)]; }
inline bool IsNameStart(char c) { return kChars.name_start[Byte(c)]; }
inline bool IsNameChar(char c) { return kChars.name[Byte(c)]; }
inline bool IsTextStop(char c) { return kChars.text_stop[Byte(c)]; }

inline constexpr int kMaxAttributes = 16;  // attributes kept per tag; more are checked, not kept

/// An attribute as scanned. No initialisers: a Tag is built per element in hot loops.
struct Attribute {
  const char* name;
  const char* value;
  std::uint32_t name_size;
  std::uint32_t value_size;
};

/// A start tag; views point into the scanner's window.
struct Tag {
  std::string_view qname;
  std::string_view local;  ///< qname without its namespace prefix
  bool self_closing = false;
  int attribute_count = 0;
  Attribute attributes[kMaxAttributes];

  /// The raw value of the attribute with this exact qname, or nullopt.
  std::optional<std::string_view> Find(std::string_view name) const {
    for (int i = 0; i < attribute_count; ++i) {
      const Attribute& a = attributes[i];
      if (a.name_size == name.size() && std::memcmp(a.name, name.data(), name.size()) == 0) {
        return std::string_view(a.value, a.value_size);
      }
    }
    return std::nullopt;
  }
};

/// Character data: a view into the window, or a range appended to a caller's buffer (whose
/// address may still change while the item is scanned).
struct TextRef {
  const char* data = nullptr;
  std::size_t size = 0;
  std::size_t offset = 0;
  bool in_buffer = false;
  bool present = false;
};

class XmlScanner {
 public:
  /// Streams `entry`; errors name `where` (file and sheet) and the part.
  XmlScanner(ZipArchive& zip, const ZipEntry& entry, const ZipLimits& limits, Location where,
             ZipInflateStream::Options options, std::size_t max_item_bytes);

  const char* pos() const { return pos_; }
  const char* end() const { return end_; }
  /// Marks everything before `p` as consumed.
  void Commit(const char* p) { pos_ = p; }
  /// Makes more text available after the uncommitted tail. False at the end of the entry.
  bool Refill();
  /// Inflates and discards the rest of the entry (so a bad CRC or a zip bomb in the tail is
  /// still reported), then frees the buffers.
  void Finish();
  /// Compressed bytes of the entry consumed up to the current window.
  std::uint64_t compressed_done() const { return compressed_done_; }
  const ZipEntry& entry() const { return entry_; }

  /// The Excel row being scanned, for error locations (0 = none).
  void set_row(std::int64_t row) { row_ = row; }

  /// What NextPrologItem found.
  enum class Item { kOther, kStart, kEnd };
  /// Scans one item outside the elements of interest: a byte-order mark, the XML declaration
  /// (UTF-8 only), a comment, a processing instruction, character data, a start tag (returned
  /// in `tag`) or an end tag (its name in `end_name`). Refuses a DOCTYPE. Commits the item.
  Item NextPrologItem(Tag& tag, std::string_view& end_name);

  // Lexing. Each takes the cursor by reference, advances it past what it read, and throws
  // NeedMore when the window ends first.

  /// Skips white space and stray character data to the next '<'; guarantees p[1] is readable.
  void SkipToMarkup(const char*& p) const {
    while (IsSpace(*p)) ++p;
    if (*p != '<') {
      if (p >= end_) throw NeedMore{};
      const void* lt = std::memchr(p, '<', static_cast<std::size_t>(end_ - p));
      if (lt == nullptr) throw NeedMore{};
      p = static_cast<const char*>(lt);
    }
    if (p + 1 >= end_) throw NeedMore{};
  }

  /// Parses the start tag at p ('<' followed by a name).
  void ParseStartTag(const char*& p, Tag& tag) const;
  /// Parses the end tag at p ("</"), which must close `qname`.
  void ParseEndTag(const char*& p, std::string_view qname) const {
    const char* q = p + 2;
    if (static_cast<std::size_t>(end_ - q) <= qname.size()) throw NeedMore{};
    if (std::memcmp(q, qname.data(), qname.size()) != 0 || IsNameChar(q[qname.size()])) {
      MismatchedEndTag(q, qname);
    }
    q += qname.size();
    while (IsSpace(*q)) ++q;
    if (*q != '>') {
      if (q >= end_) throw NeedMore{};
      Malformed("结束标签格式错误", "malformed end tag");
    }
    p = q + 1;
  }
  /// Skips the comment, processing instruction or CDATA section at p ("<!" or "<?").
  void SkipMarkup(const char*& p) const;
  /// Skips the content of `tag` (just parsed) up to its end tag.
  void SkipElement(const char*& p, const Tag& tag);
  /// Reads the character data of `tag` (p just past its start tag) up to its end tag. Plain text
  /// comes back as a view, unless `copy`; decoded text (references, CDATA, CR, and _xHHHH_ when
  /// `ooxml_escapes`) and copies are appended to `out`.
  TextRef ReadText(const char*& p, const Tag& tag, bool ooxml_escapes, std::string& out,
                   bool copy) const;

  /// Reads a rich-text element (<si> of the shared strings, <is> of an inline string; p just past
  /// its start tag) up to its end tag: the texts of its <t> children and of the <t> in its <r>
  /// runs are appended to `out` (decoded); phonetic runs <rPh> and run properties are skipped.
  void ReadRichText(const char*& p, const Tag& tag, std::string& out);

  [[noreturn]] void Malformed(const std::string& zh, const std::string& en) const;
  [[noreturn]] void Truncated() const;

 private:
  [[noreturn]] void MismatchedEndTag(const char* found, std::string_view qname) const;
  [[noreturn]] void RefuseDoctype() const;
  TextRef DecodeText(const char*& p, const Tag& tag, bool ooxml_escapes, std::string& out) const;
  const char* DecodeReference(const char* p, std::string& out) const;
  void ReleaseChunk();

  ZipEntry entry_;
  Location where_;
  std::int64_t row_ = 0;
  std::size_t max_item_bytes_;
  std::unique_ptr<ZipInflateStream> stream_;
  const char* pos_;
  const char* end_;
  ZipChunk chunk_;  // the ring slot holding the window, unless in_carry_
  std::vector<char> carry_;
  bool in_carry_ = false;
  bool at_start_ = true;
  std::uint64_t compressed_done_ = 0;
  std::vector<std::string_view> skip_stack_;
};

}  // namespace huzhu::xlsx
