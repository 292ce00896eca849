#include "io/xlsx_parts.h"

#include <expat.h>

#include <charconv>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <optional>

#include "core/text.h"
#include "io/xlsx_reader.h"
#include "io/xlsx_xml_scanner.h"

namespace huzhu {

bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

namespace {

char AsciiLowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLowerChar(text[i]) != prefix[i]) return false;
  }
  return true;
}

// Length of the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
std::size_t Utf8Length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

bool IsDateFormatCode(std::string_view code) {
  std::size_t i = 0;
  while (i < code.size()) {
    const char c = code[i];
    if (c == '"') {  // quoted literal text
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close + 1;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {  // escaped char, padding, fill: skip the next char
      i += 1;
      if (i < code.size()) i += Utf8Length(static_cast<unsigned char>(code[i]));
      continue;
    }
    if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      // [h], [mm], [ss]: elapsed time. Anything else ([Red], [$-804], [>=100], [DBNum1]) is not.
      const std::string_view inner = code.substr(i + 1, close - i - 1);
      bool elapsed = !inner.empty();
      for (const char x : inner) {
        const char lower = AsciiLowerChar(x);
        if (lower != 'h' && lower != 'm' && lower != 's') elapsed = false;
      }
      if (elapsed) return true;
      i = close + 1;
      continue;
    }
    if (StartsWithIgnoringCase(code.substr(i), "general")) {
      i += 7;
      continue;
    }
    const char lower = AsciiLowerChar(c);
    if (lower == 'y' || lower == 'm' || lower == 'd' || lower == 'h' || lower == 's') return true;
    if (lower == 'e') {
      // E+ / E- is scientific notation; a bare e is the era year.
      if (i + 1 < code.size() && (code[i + 1] == '+' || code[i + 1] == '-')) {
        i += 2;
        continue;
      }
      return true;
    }
    const std::string_view rest = code.substr(i);
    if (rest.starts_with("年") || rest.starts_with("月") || rest.starts_with("日")) return true;
    i += Utf8Length(static_cast<unsigned char>(c));
  }
  return false;
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads `_xHHHH_` at text[i..i+7); returns the code unit or -1.
long EscapeAt(const char* text, std::size_t size, std::size_t i) {
  if (i + 7 > size || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') return -1;
  long value = 0;
  for (std::size_t k = 2; k < 6; ++k) {
    const int digit = HexValue(text[i + k]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

std::size_t EncodeUtf8(std::uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace

std::size_t DecodeOoxmlEscapes(char* text, std::size_t size) {
  std::size_t in = 0;
  std::size_t out = 0;
  while (in < size) {
    const long unit = text[in] == '_' ? EscapeAt(text, size, in) : -1;
    if (unit < 0) {
      text[out++] = text[in++];
      continue;
    }
    in += 7;
    std::uint32_t cp = static_cast<std::uint32_t>(unit);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const long low = EscapeAt(text, size, in);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
        in += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    // Every escape is 7 bytes and yields at most 3 (4 for a 14-byte pair): out stays behind in.
    out += EncodeUtf8(cp, text + out);
  }
  return out;
}

namespace xlsx {

void AppendUtf8(std::string& out, std::uint32_t code_point) {
  char buffer[4];
  out.append(buffer, EncodeUtf8(code_point, buffer));
}

namespace {

std::string_view LocalName(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon != nullptr ? std::string_view(colon + 1) : std::string_view(name);
}

// The value of the attribute whose local name is `local` (any prefix), or nullptr.
const char* Attribute(const char** attributes, std::string_view local, bool prefixed = false) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    const bool has_prefix = std::strchr(attributes[i], ':') != nullptr;
    if (has_prefix == prefixed && LocalName(attributes[i]) == local) return attributes[i + 1];
  }
  return nullptr;
}

int IntAttribute(const char** attributes, std::string_view local, int fallback) {
  const char* text = Attribute(attributes, local);
  if (text == nullptr) return fallback;
  int value = fallback;
  const char* end = text + std::strlen(text);
  const auto result = std::from_chars(text, end, value);
  return result.ec == std::errc() && result.ptr == end ? value : fallback;
}

std::string Quoted(const std::string& name) { return "“" + name + "”"; }

/// Receives the elements of one XML part. Handlers may throw; the exception is carried across
/// expat (a C library) and rethrown after parsing stops.
class XmlPartHandler {
 public:
  virtual ~XmlPartHandler() = default;
  virtual void Start(std::string_view local, const char** attributes) = 0;
  virtual void End(std::string_view /*local*/) {}
  virtual void Text(const char* /*text*/, int /*size*/) {}
  virtual bool WantsText() const { return false; }
};

struct ExpatContext {
  XML_Parser parser = nullptr;
  XmlPartHandler* handler = nullptr;
  bool doctype = false;
  std::exception_ptr error;
};

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* context = static_cast<ExpatContext*>(data);
  try {
    context->handler->Start(LocalName(name), attributes);
  } catch (...) {
    context->error = std::current_exception();
    XML_StopParser(context->parser, XML_FALSE);
  }
}

void XMLCALL OnEnd(void* data, const XML_Char* name) {
  auto* context = static_cast<ExpatContext*>(data);
  try {
    context->handler->End(LocalName(name));
  } catch (...) {
    context->error = std::current_exception();
    XML_StopParser(context->parser, XML_FALSE);
  }
}

void XMLCALL OnText(void* data, const XML_Char* text, int size) {
  auto* context = static_cast<ExpatContext*>(data);
  try {
    context->handler->Text(text, size);
  } catch (...) {
    context->error = std::current_exception();
    XML_StopParser(context->parser, XML_FALSE);
  }
}

// Any DOCTYPE is refused before its internal subset can declare a single entity: no entity
// expansion beyond the predefined five, no external entities.
void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* context = static_cast<ExpatContext*>(data);
  context->doctype = true;
  XML_StopParser(context->parser, XML_FALSE);
}

void XMLCALL OnEntityDecl(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                          const XML_Char*, const XML_Char*, const XML_Char*) {
  OnDoctype(data, nullptr, nullptr, nullptr, 0);
}

struct ParserDeleter {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

void ParseXmlPart(ZipArchive& zip, const ZipEntry& entry, const ZipLimits& limits,
                  const Location& where, XmlPartHandler& handler,
                  ZipInflateStream::Options options) {
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate(nullptr));
  if (!parser) throw std::bad_alloc();
  ExpatContext context;
  context.parser = parser.get();
  context.handler = &handler;
  XML_SetUserData(parser.get(), &context);
  XML_SetElementHandler(parser.get(), OnStart, OnEnd);
  if (handler.WantsText()) XML_SetCharacterDataHandler(parser.get(), OnText);
  XML_SetStartDoctypeDeclHandler(parser.get(), OnDoctype);
  XML_SetEntityDeclHandler(parser.get(), OnEntityDecl);

  auto check = [&](XML_Status status) {
    if (context.error) std::rethrow_exception(context.error);
    if (context.doctype) {
      throw Error(ErrorKind::kInput, where,
                  Tr("不是有效的 .xlsx 文件：" + Quoted(entry.name) +
                         "含有 DOCTYPE 声明（可能是实体扩展攻击），已拒绝",
                     "not a valid .xlsx file: '" + entry.name +
                         "' has a DOCTYPE declaration (possible entity-expansion attack); "
                         "refused"));
    }
    if (status != XML_STATUS_OK) {
      const std::string detail = XML_ErrorString(XML_GetErrorCode(parser.get()));
      const std::string line = std::to_string(XML_GetCurrentLineNumber(parser.get()));
      const std::string column = std::to_string(XML_GetCurrentColumnNumber(parser.get()) + 1);
      throw Error(ErrorKind::kInput, where,
                  Tr("不是有效的 .xlsx 文件：" + Quoted(entry.name) + "的 XML 格式错误（第 " +
                         line + " 行第 " + column + " 列：" + detail + "）",
                     "not a valid .xlsx file: malformed XML in '" + entry.name + "' (line " + line +
                         ", column " + column + ": " + detail + ")"));
    }
  };

  ZipInflateStream stream(zip, entry, limits, where, options);
  ZipChunk chunk;
  while (stream.Next(chunk)) {
    const XML_Status status =
        XML_Parse(parser.get(), chunk.data, static_cast<int>(chunk.size), XML_FALSE);
    stream.Release(chunk);
    check(status);
  }
  check(XML_Parse(parser.get(), nullptr, 0, XML_TRUE));
}

ZipInflateStream::Options SmallPartOptions() {
  ZipInflateStream::Options options;
  options.slot_bytes = std::size_t{256} << 10;
  options.headroom = 0;
  options.slots = 2;
  return options;
}

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
  bool external = false;
};

class RelationshipsHandler : public XmlPartHandler {
 public:
  void Start(std::string_view local, const char** attributes) override {
    if (local != "Relationship") return;
    Relationship rel;
    if (const char* v = Attribute(attributes, "Id")) rel.id = v;
    if (const char* v = Attribute(attributes, "Type")) rel.type = v;
    if (const char* v = Attribute(attributes, "Target")) rel.target = v;
    if (const char* v = Attribute(attributes, "TargetMode"))
      rel.external = v == std::string_view("External");
    relationships.push_back(std::move(rel));
  }
  std::vector<Relationship> relationships;
};

class WorkbookHandler : public XmlPartHandler {
 public:
  void Start(std::string_view local, const char** attributes) override {
    if (local == "workbookPr") {
      if (const char* v = Attribute(attributes, "date1904")) {
        const std::string_view value(v);
        date1904 = value == "1" || value == "true";
      }
    } else if (local == "sheet") {
      SheetEntry sheet;
      if (const char* v = Attribute(attributes, "name")) sheet.name = v;
      if (const char* v = Attribute(attributes, "id", /*prefixed=*/true)) sheet.rel_id = v;
      sheets.push_back(std::move(sheet));
    }
  }
  struct SheetEntry {
    std::string name;
    std::string rel_id;
  };
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

class StylesHandler : public XmlPartHandler {
 public:
  void Start(std::string_view local, const char** attributes) override {
    if (local == "numFmts") {
      in_num_fmts_ = true;
    } else if (local == "numFmt" && in_num_fmts_) {
      const char* code = Attribute(attributes, "formatCode");
      custom_[IntAttribute(attributes, "numFmtId", -1)] = code != nullptr && IsDateFormatCode(code);
    } else if (local == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (local == "xf" && in_cell_xfs_) {
      xf_formats_.push_back(IntAttribute(attributes, "numFmtId", 0));
    }
  }
  void End(std::string_view local) override {
    if (local == "numFmts") in_num_fmts_ = false;
    if (local == "cellXfs") in_cell_xfs_ = false;
  }
  std::vector<std::uint8_t> DateStyles() const {
    std::vector<std::uint8_t> dates;
    dates.reserve(xf_formats_.size());
    for (const int id : xf_formats_) {
      const auto custom = custom_.find(id);
      dates.push_back(custom != custom_.end() ? custom->second : IsBuiltinDateFormat(id));
    }
    return dates;
  }

 private:
  bool in_num_fmts_ = false;
  bool in_cell_xfs_ = false;
  std::map<int, bool> custom_;
  std::vector<int> xf_formats_;
};

std::string PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// Resolves a relationship target against the folder of its source part ("xl/"): relative
// ("worksheets/sheet1.xml", "../xl/x.xml") or absolute ("/xl/worksheets/sheet1.xml").
std::string ResolveTarget(const std::string& base_dir, std::string_view target) {
  const std::string decoded = PercentDecode(target);
  const std::string joined =
      !decoded.empty() && decoded[0] == '/' ? decoded.substr(1) : base_dir + decoded;
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find_first_of("/\\", start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string path;
  for (const std::string& segment : segments) {
    if (!path.empty()) path += '/';
    path += segment;
  }
  return path;
}

std::string DirectoryOf(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::vector<Relationship> LoadRelationships(ZipArchive& zip, const std::string& part,
                                            const ZipLimits& limits, const Location& where) {
  const std::optional<ZipEntry> entry = zip.Find(part);
  if (!entry) return {};
  RelationshipsHandler handler;
  ParseXmlPart(zip, *entry, limits, where, handler, SmallPartOptions());
  return std::move(handler.relationships);
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

[[noreturn]] void MissingPart(const Location& where, const std::string& part) {
  throw Error(
      ErrorKind::kInput, where,
      Tr("不是有效的 .xlsx 文件：缺少部件" + Quoted(part) + "（文件不完整或不是 Excel 工作簿）",
         "not a valid .xlsx file: the part '" + part +
             "' is missing (incomplete file, or not an Excel workbook)"));
}

}  // namespace

Workbook LoadWorkbook(ZipArchive& zip, const ZipLimits& limits, const Location& where) {
  // The package relationships name the workbook part; nearly always xl/workbook.xml.
  std::string workbook_part = "xl/workbook.xml";
  for (const Relationship& rel : LoadRelationships(zip, "_rels/.rels", limits, where)) {
    if (!rel.external && EndsWith(rel.type, "/officeDocument")) {
      workbook_part = ResolveTarget("", rel.target);
      break;
    }
  }
  const std::optional<ZipEntry> workbook_entry = zip.Find(workbook_part);
  if (!workbook_entry) MissingPart(where, workbook_part);
  WorkbookHandler workbook;
  ParseXmlPart(zip, *workbook_entry, limits, where, workbook, SmallPartOptions());

  const std::string base_dir = DirectoryOf(workbook_part);
  const std::string rels_part =
      base_dir + "_rels/" + workbook_part.substr(base_dir.size()) + ".rels";
  if (!zip.Find(rels_part)) MissingPart(where, rels_part);
  const std::vector<Relationship> rels = LoadRelationships(zip, rels_part, limits, where);

  Workbook result;
  result.date1904 = workbook.date1904;
  for (const WorkbookHandler::SheetEntry& sheet : workbook.sheets) {
    SheetRef ref;
    ref.name = sheet.name;
    for (const Relationship& rel : rels) {
      if (rel.id == sheet.rel_id && !rel.external) ref.part = ResolveTarget(base_dir, rel.target);
    }
    result.sheets.push_back(std::move(ref));
  }
  for (const Relationship& rel : rels) {
    if (rel.external) continue;
    if (EndsWith(rel.type, "/sharedStrings")) {
      result.shared_strings_part = ResolveTarget(base_dir, rel.target);
    } else if (EndsWith(rel.type, "/styles")) {
      result.styles_part = ResolveTarget(base_dir, rel.target);
    }
  }
  // Some writers forget the relationship; the conventional names are a safe fallback.
  if (result.shared_strings_part.empty() && zip.Find(base_dir + "sharedStrings.xml")) {
    result.shared_strings_part = base_dir + "sharedStrings.xml";
  }
  if (result.styles_part.empty() && zip.Find(base_dir + "styles.xml")) {
    result.styles_part = base_dir + "styles.xml";
  }
  return result;
}

std::vector<std::uint8_t> LoadDateStyles(ZipArchive& zip, const ZipEntry& entry,
                                         const ZipLimits& limits, const Location& where) {
  StylesHandler handler;
  ParseXmlPart(zip, entry, limits, where, handler, SmallPartOptions());
  return handler.DateStyles();
}

// Builds the shared-strings table with the pull scanner (expat was a third of the read time): each
// <si> is one item, its text the <t> texts, direct or in rich-text runs <r>, but not those of
// phonetic runs <rPh>; `_xHHHH_` escapes decoded per <t>.
void SharedStrings::AddOffset(const Location& where) {
  if (chars_.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw Error(ErrorKind::kInput, where,
                Tr(std::string("共享字符串表超过 4 GiB，无法读取"),
                   std::string("the shared-strings table exceeds 4 GiB")));
  }
  offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));
}

void SharedStrings::BadUtf8(const XmlScanner& scanner) const {
  scanner.Malformed("共享字符串第 " + std::to_string(offsets_.size()) + " 项不是有效的 UTF-8",
                    "shared string " + std::to_string(offsets_.size()) + " is not valid UTF-8");
}

void SharedStrings::Load(ZipArchive& zip, const ZipEntry& entry, const ZipLimits& limits,
                         const Location& where, std::size_t max_item_bytes) {
  chars_.clear();
  offsets_.assign(1, 0);
  // The text is shorter than its XML; reserving from the header's size (capped: it may lie) saves
  // the copies of a growing buffer. Untouched reserved pages cost no memory.
  chars_.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(entry.size, 256u << 20)));
  XmlScanner scanner(zip, entry, limits, where, ZipInflateStream::Options(), max_item_bytes);
  std::string root;
  Tag tag;
  std::string_view end_name;
  bool done = false;
  while (!done) {
    const std::size_t item_start = chars_.size();
    try {
      if (root.empty()) {  // before the root element
        if (scanner.NextPrologItem(tag, end_name) != XmlScanner::Item::kStart) continue;
        if (tag.local != "sst") {
          scanner.Malformed(
              "根元素 <" + std::string(tag.qname) + "> 不是共享字符串表",
              "the root element <" + std::string(tag.qname) + "> is not a shared-strings table");
        }
        if (tag.self_closing) break;
        root = std::string(tag.qname);
        // uniqueCount is a hint only: never trusted beyond a modest reservation.
        std::uint64_t count = 0;
        if (const auto unique = tag.Find("uniqueCount")) {
          const auto result =
              std::from_chars(unique->data(), unique->data() + unique->size(), count);
          if (result.ec == std::errc()) {
            offsets_.reserve(std::min<std::uint64_t>(count, 1 << 22) + 1);
          }
        }
        continue;
      }
      const char* p = scanner.pos();
      scanner.SkipToMarkup(p);
      if (p[1] == '/') {
        scanner.ParseEndTag(p, root);
        done = true;
      } else if (p[1] == '!' || p[1] == '?') {
        scanner.SkipMarkup(p);
      } else {
        // Fast path for the usual <si><t>plain text</t></si>.
        const char* text = p + 7;
        if (p[1] == 's' && p[2] == 'i' && p[3] == '>' && p[4] == '<' && p[5] == 't' &&
            p[6] == '>') {
          const char* stop = text;
          while (!IsTextStop(*stop)) ++stop;
          if (*stop == '<' && scanner.end() - stop >= 9 && std::memcmp(stop, "</t></si>", 9) == 0) {
            const std::string_view plain(text, static_cast<std::size_t>(stop - text));
            if (!IsValidUtf8(plain)) BadUtf8(scanner);
            chars_.append(plain);
            AddOffset(where);
            scanner.Commit(stop + 9);
            continue;
          }
        }
        scanner.ParseStartTag(p, tag);
        if (tag.local != "si") {
          scanner.SkipElement(p, tag);  // <extLst>
        } else if (!tag.self_closing) {
          scanner.ReadRichText(p, tag, chars_);
        }
        if (tag.local == "si") {
          if (!IsValidUtf8(std::string_view(chars_).substr(item_start))) BadUtf8(scanner);
          AddOffset(where);
        }
      }
      scanner.Commit(p);
    } catch (const NeedMore&) {
      chars_.resize(item_start);
      if (!scanner.Refill()) scanner.Truncated();
    }
  }
  scanner.Finish();
}

}  // namespace xlsx
}  // namespace huzhu
