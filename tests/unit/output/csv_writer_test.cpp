#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "core/diagnostics.h"
#include "io/csv_writer.h"
#include "io/output_dir.h"

using namespace huzhu;
namespace fs = std::filesystem;

namespace {
std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("huzhu-unit-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};
}  // namespace

TEST_CASE("CSV fields: formula-looking text is defused, quotes and separators quoted") {
  CHECK(CsvField("张三") == "张三");
  CHECK(CsvField("=1+1") == "'=1+1");
  CHECK(CsvField("+86") == "'+86");
  CHECK(CsvField("-x") == "'-x");
  CHECK(CsvField("@SUM") == "'@SUM");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("line\nbreak") == "\"line\nbreak\"");
  CHECK(CsvField("cr\ronly") == "\"cr\ronly\"");
  CHECK(CsvField("中文,逗号") == "\"中文,逗号\"");
  CHECK(CsvField("") == "");
}

TEST_CASE("CsvWriter writes a BOM, CRLF rows and money with exactly two decimals") {
  TempDir tmp;
  const fs::path p = tmp.path / "x.csv";
  {
    CsvWriter w(p.string());
    w.Header({"a", "b", "c", "d"});
    w.MoneyField(Money::FromFen(-5));
    w.MoneyField(Money::FromFen(123456789));
    w.Hundredths(7500);
    w.Bool(false);
    w.EndRow();
    w.Close();
  }
  CHECK(Slurp(p) == "\xEF\xBB\xBF" "a,b,c,d\r\n-0.05,1234567.89,75.00,false\r\n");
}

TEST_CASE("OutputStage: nothing appears until Commit; an abandoned run leaves the old files") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  {
    OutputStage stage(out.string(), {});
    std::ofstream(stage.PathFor("payouts.csv")) << "new";
    CHECK_FALSE(fs::exists(out / "payouts.csv"));
    stage.Commit();
  }
  CHECK(Slurp(out / "payouts.csv") == "new");
  {
    OutputStage stage(out.string(), {});
    std::ofstream(stage.PathFor("payouts.csv")) << "half";
    // No commit: an error unwound the run.
  }
  CHECK(Slurp(out / "payouts.csv") == "new");
  std::vector<std::string> entries;
  for (const auto& e : fs::directory_iterator(out)) entries.push_back(e.path().filename().string());
  std::sort(entries.begin(), entries.end());
  CHECK(entries == std::vector<std::string>{".huzhu-lock", "payouts.csv"});
  int beside = 0;  // no staging folder left beside it either
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path)) ++beside;
  CHECK(beside == 1);
}

TEST_CASE("OutputStage: the new set replaces the old at once; other files stay") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  fs::create_directories(out);
  std::ofstream(out / "payouts.csv") << "old";
  std::ofstream(out / "transfers.csv") << "old";
  std::ofstream(out / "notes.txt") << "the clerk's notes";
  {
    OutputStage stage(out.string(), {});
    std::ofstream(stage.PathFor("payouts.csv")) << "new";
    std::ofstream(stage.PathFor("transfers.csv")) << "new";
    stage.Commit();
    CHECK(stage.committed_atomically());
  }
  CHECK(Slurp(out / "payouts.csv") == "new");
  CHECK(Slurp(out / "transfers.csv") == "new");
  CHECK(Slurp(out / "notes.txt") == "the clerk's notes");
}

TEST_CASE("OutputStage: a folder with subfolders is still replaced file by file") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  fs::create_directories(out / "archive");
  std::ofstream(out / "archive" / "2025.csv") << "kept";
  {
    OutputStage stage(out.string(), {});
    std::ofstream(stage.PathFor("payouts.csv")) << "new";
    stage.Commit();
    CHECK_FALSE(stage.committed_atomically());
  }
  CHECK(Slurp(out / "payouts.csv") == "new");
  CHECK(Slurp(out / "archive" / "2025.csv") == "kept");
}

TEST_CASE("OutputStage: a second run on the same folder is refused while the first holds it") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  OutputStage first(out.string(), {});
  try {
    OutputStage second(out.string(), {});
    FAIL("expected the lock to refuse the second run");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kOutput);
    CHECK(std::string(e.what()).find(".huzhu-lock") != std::string::npos);
  }
  std::ofstream(first.PathFor("payouts.csv")) << "first";
  first.Commit();
  CHECK(Slurp(out / "payouts.csv") == "first");
}

TEST_CASE("OutputStage refuses to overwrite an input file") {
  TempDir tmp;
  const fs::path input = tmp.path / "payouts.csv";
  std::ofstream(input) << "clerk's file";
  OutputStage stage(tmp.path.string(), {input.string()});
  CHECK_THROWS_AS(stage.PathFor("payouts.csv"), Error);
  CHECK(Slurp(input) == "clerk's file");
}

TEST_CASE("OutputStage reports an output folder that cannot be created") {
  TempDir tmp;
  const fs::path file = tmp.path / "plain-file";
  std::ofstream(file) << "x";
  try {
    OutputStage stage((file / "out").string(), {});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kOutput);
    CHECK(ExitCodeFor(e.kind()) == 4);
  }
}

TEST_CASE("OutputStage removes staging folders of runs that were killed") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  // pid 2^22 + 1 is above Linux's pid_max default range and never running.
  fs::create_directories(out / ".huzhu-staging-4194305");
  std::ofstream(out / ".huzhu-staging-4194305" / "payouts.csv") << "half";
  {
    OutputStage stage(out.string(), {});
    std::ofstream(stage.PathFor("payouts.csv")) << "new";
    stage.Commit();
  }
  CHECK_FALSE(fs::exists(out / ".huzhu-staging-4194305"));
  CHECK(Slurp(out / "payouts.csv") == "new");
}

TEST_CASE("CsvWriter writes points in tenths with one decimal, signed, never guarded as text") {
  TempDir tmp;
  const fs::path p = tmp.path / "t.csv";
  {
    CsvWriter w(p.string());
    w.Header({"a", "b", "c", "d", "e"});
    w.Tenths(-25);
    w.Tenths(-1);
    w.Tenths(0);
    w.Tenths(60);
    w.Tenths(100);
    w.EndRow();
    w.Close();
  }
  CHECK(Slurp(p) == "\xEF\xBB\xBF" "a,b,c,d,e\r\n-2.5,-0.1,0.0,6.0,10.0\r\n");
}
