#include "io/xlsx_xml_scanner.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>

#include "core/text.h"
#include "io/xlsx_parts.h"
#include "io/xlsx_reader.h"

namespace huzhu::xlsx {
namespace {

constexpr std::size_t kMaxSkipDepth = 1000;
const char kNoInput[1] = {'\0'};

std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view part : parts) out.append(part);
  return out;
}

std::string Quoted(std::string_view text) { return Cat({"“", text, "”"}); }

}  // namespace

XmlScanner::XmlScanner(ZipArchive& zip, const ZipEntry& entry, const ZipLimits& limits,
                       Location where, ZipInflateStream::Options options,
                       std::size_t max_item_bytes)
    : entry_(entry),
      where_(std::move(where)),
      max_item_bytes_(max_item_bytes),
      stream_(std::make_unique<ZipInflateStream>(zip, entry, limits, where_, options)),
      pos_(kNoInput),
      end_(kNoInput) {}

// ---------------------------------------------------------------------------------------------
// Window

bool XmlScanner::Refill() {
  if (!stream_) return false;
  const char* keep = pos_;
  const auto kept = static_cast<std::size_t>(end_ - keep);
  if (kept > max_item_bytes_) {
    const bool whole = max_item_bytes_ % (std::size_t{1} << 20) == 0;
    const std::string number = std::to_string(whole ? max_item_bytes_ >> 20 : max_item_bytes_);
    Malformed("一行（或一个 XML 元素）超过 " + number + (whole ? " MiB" : " 字节") + "，已拒绝",
              "a single row (or XML element) is larger than " + number +
                  (whole ? " MiB" : " bytes") + "; refused");
  }
  ZipChunk next;
  if (!stream_->Next(next)) return false;
  compressed_done_ = next.compressed_done;
  if (kept <= next.headroom) {
    char* start = next.data - kept;
    if (kept > 0) std::memcpy(start, keep, kept);  // keep is in another slot or in carry_
    ReleaseChunk();
    in_carry_ = false;
    chunk_ = next;
    pos_ = start;
    end_ = next.data + next.size;
    return true;
  }
  // Larger than the headroom: join in the carry buffer, taking chunks until it holds at least
  // twice the kept part.
  if (in_carry_) {
    std::memmove(carry_.data(), keep, kept);
    carry_.resize(kept);
  } else {
    carry_.assign(keep, keep + kept);
    ReleaseChunk();
  }
  carry_.insert(carry_.end(), next.data, next.data + next.size);
  stream_->Release(next);
  while (carry_.size() < 2 * kept) {
    ZipChunk more;
    if (!stream_->Next(more)) break;
    compressed_done_ = more.compressed_done;
    carry_.insert(carry_.end(), more.data, more.data + more.size);
    stream_->Release(more);
  }
  carry_.push_back('\0');
  in_carry_ = true;
  pos_ = carry_.data();
  end_ = carry_.data() + carry_.size() - 1;
  return true;
}

void XmlScanner::ReleaseChunk() {
  if (chunk_.slot >= 0) {
    stream_->Release(chunk_);
    chunk_ = ZipChunk();
  }
}

void XmlScanner::Finish() {
  if (!stream_) return;
  ReleaseChunk();
  pos_ = end_ = kNoInput;
  ZipChunk chunk;
  while (stream_->Next(chunk)) stream_->Release(chunk);
  stream_.reset();
  carry_ = std::vector<char>();
  in_carry_ = false;
  compressed_done_ = entry_.compressed_size;
}

// ---------------------------------------------------------------------------------------------
// Lexing

XmlScanner::Item XmlScanner::NextPrologItem(Tag& tag, std::string_view& end_name) {
  const char* p = pos_;
  if (at_start_) {
    if (end_ - p < 4) throw NeedMore{};
    const auto* bytes = reinterpret_cast<const unsigned char*>(p);
    if (bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
      p += 3;
    } else if ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) ||
               bytes[0] == 0 || bytes[1] == 0) {
      Malformed("使用了不支持的编码（UTF-16），只接受 UTF-8",
                "unsupported encoding (UTF-16); only UTF-8 is read");
    }
    at_start_ = false;
    pos_ = p;
    return Item::kOther;
  }
  SkipToMarkup(p);
  Item item = Item::kOther;
  if (p[1] == '?') {
    const char* decl = p;
    SkipMarkup(p);
    const std::string_view text(decl, static_cast<std::size_t>(p - decl));
    if (text.starts_with("<?xml") && text.size() > 5 && IsSpace(text[5])) {
      const std::size_t at = text.find("encoding");
      if (at != std::string_view::npos) {
        std::size_t i = at + 8;
        while (i < text.size() && (IsSpace(text[i]) || text[i] == '=')) ++i;
        const char quote = i < text.size() ? text[i] : '"';
        const std::size_t close = text.find(quote, i + 1);
        const std::string encoding(
            close == std::string_view::npos ? "" : text.substr(i + 1, close - i - 1));
        const std::string lower = AsciiLower(encoding);
        if (lower != "utf-8" && lower != "utf8" && lower != "us-ascii" && lower != "ascii") {
          Malformed("使用了不支持的编码“" + encoding + "”，只接受 UTF-8",
                    "unsupported encoding '" + encoding + "'; only UTF-8 is read");
        }
      }
    }
  } else if (p[1] == '!') {
    SkipMarkup(p);
  } else if (p[1] == '/') {
    const char* name = p + 2;
    const char* q = name;
    while (IsNameChar(*q)) ++q;
    end_name = std::string_view(name, static_cast<std::size_t>(q - name));
    while (IsSpace(*q)) ++q;
    if (*q != '>') {
      if (q >= end_) throw NeedMore{};
      Malformed("结束标签格式错误", "malformed end tag");
    }
    p = q + 1;
    item = Item::kEnd;
  } else {
    ParseStartTag(p, tag);
    item = Item::kStart;
  }
  pos_ = p;
  return item;
}

void XmlScanner::ParseStartTag(const char*& p, Tag& tag) const {
  const char* q = p + 1;
  if (!IsNameStart(*q)) {
    if (q >= end_) throw NeedMore{};
    Malformed("元素名无效", "invalid element name");
  }
  const char* name = q;
  while (IsNameChar(*q)) ++q;
  tag.qname = std::string_view(name, static_cast<std::size_t>(q - name));
  const std::size_t colon = tag.qname.rfind(':');
  tag.local = colon == std::string_view::npos ? tag.qname : tag.qname.substr(colon + 1);
  tag.attribute_count = 0;
  for (;;) {
    const char* before_space = q;
    while (IsSpace(*q)) ++q;
    const char c = *q;
    if (c == '>') {
      tag.self_closing = false;
      p = q + 1;
      return;
    }
    if (c == '/') {
      if (q + 1 >= end_) throw NeedMore{};
      if (q[1] != '>') Malformed("标签中有多余的“/”", "stray '/' in a tag");
      tag.self_closing = true;
      p = q + 2;
      return;
    }
    if (q >= end_) throw NeedMore{};
    if (q == before_space || !IsNameStart(c)) {
      Malformed(Cat({"标签 <", tag.qname, "> 中的属性格式错误"}),
                Cat({"malformed attribute in the tag <", tag.qname, ">"}));
    }
    const char* attribute_name = q;
    while (IsNameChar(*q)) ++q;
    const auto name_size = static_cast<std::uint32_t>(q - attribute_name);
    while (IsSpace(*q)) ++q;
    if (*q != '=') {
      if (q >= end_) throw NeedMore{};
      Malformed("属性缺少“=”和值", "an attribute has no '=' and value");
    }
    ++q;
    while (IsSpace(*q)) ++q;
    const char quote = *q;
    if (quote != '"' && quote != '\'') {
      if (q >= end_) throw NeedMore{};
      Malformed("属性值没有用引号括起来", "an attribute value is not quoted");
    }
    const char* value = ++q;
    for (;;) {
      const char d = *q;
      if (d == quote) break;
      if (d == '<') Malformed("属性值中有“<”", "'<' inside an attribute value");
      if (d == '\0') {
        if (q >= end_) throw NeedMore{};
        Malformed("文档中有 NUL 字符", "a NUL character in the document");
      }
      ++q;
    }
    if (tag.attribute_count < kMaxAttributes) {
      Attribute& a = tag.attributes[tag.attribute_count++];
      a.name = attribute_name;
      a.name_size = name_size;
      a.value = value;
      a.value_size = static_cast<std::uint32_t>(q - value);
    }
    ++q;
  }
}

void XmlScanner::SkipMarkup(const char*& p) const {
  const std::string_view rest(p, static_cast<std::size_t>(end_ - p));
  std::size_t close = std::string_view::npos;
  std::size_t close_size = 0;
  if (rest[1] == '?') {
    close = rest.find("?>", 2);
    close_size = 2;
  } else if (rest.size() < 9) {
    throw NeedMore{};
  } else if (rest.starts_with("<!--")) {
    close = rest.find("-->", 4);
    close_size = 3;
  } else if (rest.starts_with("<![CDATA[")) {
    close = rest.find("]]>", 9);
    close_size = 3;
  } else if (rest.starts_with("<!DOCTYPE")) {
    RefuseDoctype();
  } else {
    Malformed("无法识别的标记“<!”", "unknown markup '<!'");
  }
  if (close == std::string_view::npos) throw NeedMore{};
  p += close + close_size;
}

void XmlScanner::SkipElement(const char*& p, const Tag& tag) {
  if (tag.self_closing) return;
  skip_stack_.clear();
  skip_stack_.push_back(tag.qname);
  Tag inner;
  while (!skip_stack_.empty()) {
    const void* lt = std::memchr(p, '<', static_cast<std::size_t>(end_ - p));
    if (lt == nullptr) throw NeedMore{};
    p = static_cast<const char*>(lt);
    if (p + 1 >= end_) throw NeedMore{};
    if (p[1] == '/') {
      ParseEndTag(p, skip_stack_.back());
      skip_stack_.pop_back();
    } else if (p[1] == '!' || p[1] == '?') {
      SkipMarkup(p);
    } else {
      ParseStartTag(p, inner);
      if (!inner.self_closing) {
        if (skip_stack_.size() >= kMaxSkipDepth) {
          Malformed("XML 元素嵌套过深", "XML elements are nested too deeply");
        }
        skip_stack_.push_back(inner.qname);
      }
    }
  }
}

void XmlScanner::ReadRichText(const char*& p, const Tag& tag, std::string& out) {
  Tag child;
  Tag grandchild;
  for (;;) {
    SkipToMarkup(p);
    if (p[1] == '/') {
      ParseEndTag(p, tag.qname);
      return;
    }
    if (p[1] == '!' || p[1] == '?') {
      SkipMarkup(p);
      continue;
    }
    ParseStartTag(p, child);
    if (child.local == "t") {
      if (!child.self_closing) ReadText(p, child, true, out, true);
    } else if (child.local == "r" && !child.self_closing) {
      for (;;) {
        SkipToMarkup(p);
        if (p[1] == '/') {
          ParseEndTag(p, child.qname);
          break;
        }
        if (p[1] == '!' || p[1] == '?') {
          SkipMarkup(p);
          continue;
        }
        ParseStartTag(p, grandchild);
        if (grandchild.local == "t" && !grandchild.self_closing) {
          ReadText(p, grandchild, true, out, true);
        } else {
          SkipElement(p, grandchild);
        }
      }
    } else {
      SkipElement(p, child);  // <rPh>, <phoneticPr>, <rPr>
    }
  }
}

TextRef XmlScanner::ReadText(const char*& p, const Tag& tag, bool ooxml_escapes, std::string& out,
                             bool copy) const {
  const char* start = p;
  const char* q = p;
  for (;;) {
    while (!IsTextStop(*q)) ++q;
    if (*q != '_') break;
    if (ooxml_escapes && q[1] == 'x') break;  // q[1] is at most the sentinel
    ++q;
  }
  if (*q == '<' && q[1] == '/') {  // plain text up to an end tag
    const char* text_end = q;
    if (q + 1 >= end_) throw NeedMore{};
    ParseEndTag(q, tag.qname);
    p = q;
    TextRef text;
    text.present = true;
    text.size = static_cast<std::size_t>(text_end - start);
    if (copy) {
      text.in_buffer = true;
      text.offset = out.size();
      out.append(start, text.size);
    } else {
      text.data = start;
    }
    return text;
  }
  if (*q == '\0' && q >= end_) throw NeedMore{};
  p = start;
  return DecodeText(p, tag, ooxml_escapes, out);
}

TextRef XmlScanner::DecodeText(const char*& p, const Tag& tag, bool ooxml_escapes,
                               std::string& out) const {
  const std::size_t offset = out.size();
  const char* q = p;
  for (;;) {
    const char* run = q;
    while (!IsTextStop(*q)) ++q;
    out.append(run, static_cast<std::size_t>(q - run));
    const char c = *q;
    if (c == '_') {
      out.push_back('_');
      ++q;
    } else if (c == '\r') {  // XML end-of-line handling: CR LF and lone CR become LF
      if (q + 1 >= end_) throw NeedMore{};
      out.push_back('\n');
      q += q[1] == '\n' ? 2 : 1;
    } else if (c == '&') {
      q = DecodeReference(q, out);
    } else if (c == '\0') {
      if (q >= end_) throw NeedMore{};
      Malformed("文档中有 NUL 字符", "a NUL character in the document");
    } else {  // '<'
      if (q + 1 >= end_) throw NeedMore{};
      if (q[1] == '/') {
        ParseEndTag(q, tag.qname);
        break;
      }
      const std::string_view rest(q, static_cast<std::size_t>(end_ - q));
      if (rest.size() < 9) throw NeedMore{};
      if (rest.starts_with("<![CDATA[")) {
        const std::size_t close = rest.find("]]>", 9);
        if (close == std::string_view::npos) throw NeedMore{};
        out.append(q + 9, close - 9);
        q += close + 3;
      } else if (rest.starts_with("<!--") || rest[1] == '?') {
        SkipMarkup(q);
      } else {
        Malformed(Cat({"<", tag.qname, "> 中不应出现子元素"}),
                  Cat({"unexpected child element inside <", tag.qname, ">"}));
      }
    }
  }
  p = q;
  if (ooxml_escapes) {
    out.resize(offset + DecodeOoxmlEscapes(out.data() + offset, out.size() - offset));
  }
  TextRef text;
  text.present = true;
  text.in_buffer = true;
  text.offset = offset;
  text.size = out.size() - offset;
  return text;
}

// One of the five predefined entities or a character reference. Any other entity is refused:
// there is no DTD to define it.
const char* XmlScanner::DecodeReference(const char* p, std::string& out) const {
  const char* limit = std::min(end_, p + 12);
  const char* semicolon = p + 1;
  while (semicolon < limit && *semicolon != ';') ++semicolon;
  if (semicolon >= limit) {
    if (limit == end_) throw NeedMore{};
    Malformed("“&”后不是有效的实体引用", "'&' does not start a valid entity reference");
  }
  const std::string_view name(p + 1, static_cast<std::size_t>(semicolon - p - 1));
  if (name == "amp") {
    out.push_back('&');
  } else if (name == "lt") {
    out.push_back('<');
  } else if (name == "gt") {
    out.push_back('>');
  } else if (name == "quot") {
    out.push_back('"');
  } else if (name == "apos") {
    out.push_back('\'');
  } else if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint32_t cp = 0;
    const auto result =
        std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    const bool valid = !digits.empty() && result.ec == std::errc() &&
                       result.ptr == digits.data() + digits.size() &&
                       (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                        (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF));
    if (!valid) {
      Malformed(Cat({"无效的字符引用“&", name, ";”"}),
                Cat({"invalid character reference '&", name, ";'"}));
    }
    AppendUtf8(out, cp);
  } else {
    Malformed(Cat({"未定义的实体“&", name, ";”（不接受自定义实体）"}),
              Cat({"undefined entity '&", name, ";' (custom entities are refused)"}));
  }
  return semicolon + 1;
}

// ---------------------------------------------------------------------------------------------
// Errors

void XmlScanner::Malformed(const std::string& zh, const std::string& en) const {
  Location where = where_;
  where.row = row_;
  throw Error(ErrorKind::kInput, where,
              Tr("不是有效的 .xlsx 文件：" + Quoted(entry_.name) + "的 XML 格式错误：" + zh,
                 "not a valid .xlsx file: malformed XML in '" + entry_.name + "': " + en));
}

void XmlScanner::Truncated() const {
  Malformed("内容意外结束（文件被截断或已损坏）",
            "the content ends unexpectedly (truncated or corrupt file)");
}

void XmlScanner::MismatchedEndTag(const char* found, std::string_view qname) const {
  const char* other = found;
  while (IsNameChar(*other)) ++other;
  const std::string name(found, static_cast<std::size_t>(other - found));
  Malformed(Cat({"结束标签 </", name, "> 与开始标签 <", qname, "> 不匹配"}),
            Cat({"the end tag </", name, "> does not match <", qname, ">"}));
}

void XmlScanner::RefuseDoctype() const {
  throw Error(ErrorKind::kInput, where_,
              Tr("不是有效的 .xlsx 文件：" + Quoted(entry_.name) +
                     "含有 DOCTYPE 声明（可能是实体扩展攻击），已拒绝",
                 "not a valid .xlsx file: '" + entry_.name +
                     "' has a DOCTYPE declaration (possible entity-expansion attack); refused"));
}

}  // namespace huzhu::xlsx
