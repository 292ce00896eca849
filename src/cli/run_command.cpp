// huzhu run JOB.toml [--check]: a month-end batch described in a file, for cron. Each step
// (payout, ratio, score, reconcile) runs as its own huzhu process, so that it behaves exactly as
// on the command line (its own atomic outputs, its own exit code); the job logs one summary line
// per step and writes run.json, a manifest of every input, rule file and output with its SHA-256,
// the outputs' row counts and money totals, and each step's exit status. The manifest holds no
// time or host: the same job on the same inputs gives a byte-identical manifest. --check verifies
// an output folder against its manifest.
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <spawn.h>
#include <sys/wait.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "core/diagnostics.h"
#include "core/id_number.h"
#include "core/money.h"
#include "core/sha256.h"
#include "io/output_dir.h"
#include "io/table.h"
#include "ruleset/rule_loader.h"

extern char** environ;

namespace huzhu::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kSteps[] = {"payout", "ratio", "score", "reconcile"};

struct Job {
  std::string path, sha256;
  fs::path base;  ///< the job file's folder: relative paths in the job are relative to it
  std::string rules, override_file, sheet, out, log;
  std::map<std::string, std::vector<std::string>> inputs;  ///< members, claims, units, …
  std::vector<std::string> steps;
};

[[noreturn]] void JobError(const std::string& path, const std::string& zh, const std::string& en) {
  throw Error(ErrorKind::kUsage, Location(path), Tr(zh, en));
}

std::string Resolve(const fs::path& base, const std::string& p) {
  if (p.empty()) return p;
  const fs::path path(p);
  return (path.is_absolute() ? path : base / path).lexically_normal().string();
}

Job ReadJob(const std::string& path) {
  Job job;
  job.path = path;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw Error(ErrorKind::kInput, Location(path), Tr("找不到作业文件", "cannot find the job file"));
  }
  job.sha256 = Sha256File(path);
  job.base = fs::absolute(path, ec).parent_path();
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw Error(ErrorKind::kUsage,
                Location(path, "", static_cast<std::int64_t>(e.source().begin.line)),
                Tr("作业文件格式错误：", "the job file is not valid TOML: ") + std::string(e.description()));
  }
  static const std::vector<std::string> kKeys{"rules", "override", "sheet", "out", "log", "steps", "inputs"};
  static const std::vector<std::string> kInputs{"members", "claims", "units", "targets", "manual",
                                                "transfers", "bank"};
  for (const auto& [key, value] : t) {
    if (std::find(kKeys.begin(), kKeys.end(), std::string(key.str())) == kKeys.end()) {
      JobError(path, "作业文件中有未知的键：" + std::string(key.str()),
               "unknown key in the job file: " + std::string(key.str()));
    }
  }
  auto text = [&](const char* key) { return t[key].value_or(std::string()); };
  job.rules = text("rules");
  job.override_file = Resolve(job.base, text("override"));
  job.sheet = text("sheet");
  job.out = Resolve(job.base, text("out"));
  job.log = Resolve(job.base, text("log"));
  if (job.out.empty()) JobError(path, "作业文件须给出 out（输出文件夹）", "the job needs out (the output folder)");
  if (const toml::array* steps = t["steps"].as_array()) {
    for (const auto& s : *steps) job.steps.push_back(s.value_or(std::string()));
  }
  if (job.steps.empty()) JobError(path, "作业文件须给出 steps", "the job needs steps");
  for (const std::string& s : job.steps) {
    if (std::find(std::begin(kSteps), std::end(kSteps), s) == std::end(kSteps)) {
      JobError(path, "未知的步骤：" + s + "（可用 payout、ratio、score、reconcile）",
               "unknown step: " + s + " (payout, ratio, score, reconcile)");
    }
  }
  if (const toml::table* in = t["inputs"].as_table()) {
    for (const auto& [key, value] : *in) {
      const std::string k(key.str());
      if (std::find(kInputs.begin(), kInputs.end(), k) == kInputs.end()) {
        JobError(path, "inputs 中有未知的键：" + k, "unknown key in inputs: " + k);
      }
      std::vector<std::string>& files = job.inputs[k];
      if (const toml::array* a = value.as_array()) {
        for (const auto& f : *a) files.push_back(Resolve(job.base, f.value_or(std::string())));
      } else if (auto s = value.value<std::string>()) {
        files.push_back(Resolve(job.base, *s));
      }
    }
  }
  return job;
}

/// The command line of one step (without the program name).
std::vector<std::string> StepArgs(const Job& job, const std::string& step, const std::string& log) {
  std::vector<std::string> args;
  if (!log.empty()) args = {"--log-file", log};
  args.push_back("-q");
  args.push_back(step);
  auto add = [&](const std::string& flag, const std::string& input) {
    const auto it = job.inputs.find(input);
    if (it == job.inputs.end()) return;
    for (const std::string& f : it->second) {
      args.push_back(flag);
      args.push_back(f);
    }
  };
  if (step != "reconcile") {
    if (job.rules.empty()) JobError(job.path, "作业文件须给出 rules", "the job needs rules");
    args.insert(args.end(), {"--rules", job.rules});
    if (!job.override_file.empty() && step != "score") args.insert(args.end(), {"--override", job.override_file});
    add("--members", "members");
  }
  if (step == "payout") add("--claims", "claims");
  if (step == "ratio") add("--units", "units");
  if (step == "score") {
    add("--targets", "targets");
    add("--manual", "manual");
  }
  if (step == "reconcile") {
    const auto it = job.inputs.find("transfers");
    args.push_back("--transfers");
    args.push_back(it != job.inputs.end() && !it->second.empty()
                       ? it->second.front()
                       : (fs::path(job.out) / "transfers.csv").string());
    add("--bank", "bank");
  }
  if (!job.sheet.empty()) args.insert(args.end(), {"--sheet", job.sheet});
  args.insert(args.end(), {"--out", job.out});
  return args;
}

struct StepResult {
  std::string step;
  int exit = 0;
  std::string summary;  ///< the step's console summary (its first line)
};

/// Runs this program with `args`; returns its exit code and first stdout line.
StepResult RunStep(const std::string& step, const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw Error(ErrorKind::kOutput, Location(), "pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<std::string> all{"huzhu"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (rc != 0) {
    ::close(pipe_fds[0]);
    throw Error(ErrorKind::kOutput, Location(), Tr("无法启动步骤 ", "cannot start step ") + step);
  }
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  StepResult r;
  r.step = step;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  r.summary = MaskIdentifiers(out.substr(0, out.find('\n')));
  return r;
}

std::string Json(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

/// Rows and money totals of one of our CSV outputs (the columns the contract names).
std::string CsvFacts(const std::string& path) {
  static const std::map<std::string, std::vector<std::string>> kMoney{
      {"payouts.csv", {"total"}},
      {"transfers.csv", {"amount"}},
      {"resend.csv", {"amount"}},
      {"ratio.csv", {"premium_total", "personal_total", "subsidy_total"}},
      {"reconcile.csv", {"expected", "paid"}}};
  const std::string name = fs::path(path).filename().string();
  std::unique_ptr<SheetReader> reader = OpenCsv(path);
  Row row;
  std::vector<std::string> header;
  std::map<std::string, int> col;
  std::map<std::string, Money> sums;
  long long rows = 0;
  while (reader->NextRow(row)) {
    if (header.empty()) {
      for (const Cell& c : row.cells) header.emplace_back(c.text);
      for (std::size_t i = 0; i < header.size(); ++i) col[header[i]] = static_cast<int>(i);
      continue;
    }
    ++rows;
    const auto it = kMoney.find(name);
    if (it == kMoney.end()) continue;
    for (const std::string& m : it->second) {
      const auto c = col.find(m);
      if (c == col.end() || static_cast<std::size_t>(c->second) >= row.cells.size()) continue;
      const std::string_view text = row.cells[static_cast<std::size_t>(c->second)].text;
      if (!text.empty()) sums[m] += ParseMoneyText(text);
    }
  }
  std::string facts = fmt::format("\"rows\": {}", rows);
  for (const auto& [k, v] : sums) facts += fmt::format(", {}: {}", Json(k + "_sum"), Json(FormatMoney(v)));
  return facts;
}

void WriteManifest(const Job& job, const std::vector<StepResult>& results, int exit_code) {
  std::ostringstream j;
  j << "{\n  \"huzhu_version\": " << Json(HUZHU_VERSION) << ",\n";
  j << "  \"job\": {\"path\": " << Json(job.path) << ", \"sha256\": " << Json(job.sha256) << "},\n";
  j << "  \"rules\": [";
  bool first = true;
  if (!job.rules.empty()) {
    const std::string rules_path = ResolveRulesPath(job.rules);
    j << "\n    {\"id\": " << Json(job.rules) << ", \"path\": " << Json(rules_path)
      << ", \"sha256\": " << Json(Sha256File(rules_path)) << "}";
    first = false;
  }
  if (!job.override_file.empty()) {
    j << (first ? "\n" : ",\n") << "    {\"path\": " << Json(job.override_file)
      << ", \"sha256\": " << Json(Sha256File(job.override_file)) << "}";
  }
  j << "\n  ],\n  \"inputs\": [";
  first = true;
  for (const auto& [role, files] : job.inputs) {
    for (const std::string& f : files) {
      std::error_code ec;
      j << (first ? "\n" : ",\n") << "    {\"role\": " << Json(role) << ", \"path\": " << Json(f)
        << ", \"sha256\": " << Json(fs::is_regular_file(f, ec) ? Sha256File(f) : "") << "}";
      first = false;
    }
  }
  j << "\n  ],\n  \"steps\": [";
  first = true;
  for (const StepResult& r : results) {
    j << (first ? "\n" : ",\n") << "    {\"step\": " << Json(r.step) << ", \"exit\": " << r.exit
      << ", \"summary\": " << Json(r.summary) << "}";
    first = false;
  }
  j << "\n  ],\n  \"outputs\": [";
  first = true;
  std::vector<fs::path> outputs;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(job.out, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name[0] != '.' && name != "run.json") outputs.push_back(e.path());
  }
  std::sort(outputs.begin(), outputs.end());
  for (const fs::path& p : outputs) {
    j << (first ? "\n" : ",\n") << "    {\"path\": " << Json(p.filename().string()) << ", \"sha256\": "
      << Json(Sha256File(p.string())) << ", \"bytes\": " << fs::file_size(p, ec);
    if (p.extension() == ".csv") j << ", " << CsvFacts(p.string());
    j << "}";
    first = false;
  }
  j << "\n  ],\n  \"exit\": " << exit_code << "\n}\n";
  // Written like every output: staged and renamed into place.
  OutputStage stage(job.out, {});
  std::ofstream(stage.PathFor("run.json"), std::ios::binary) << j.str();
  stage.Commit();
}

/// Every input, rule file and output named in run.json still has its recorded SHA-256.
int CheckManifest(const Job& job) {
  const std::string manifest = (fs::path(job.out) / "run.json").string();
  std::ifstream in(manifest, std::ios::binary);
  if (!in) {
    throw Error(ErrorKind::kInput, Location(manifest), Tr("找不到 run.json", "no run.json"));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  int problems = 0, checked = 0;
  // Each {"…path": "P", "sha256": "H"…} entry; output paths are relative to the folder.
  const std::string path_key = "\"path\": \"", sha_key = "\"sha256\": \"";
  const std::size_t outputs_at = text.find("\"outputs\"");
  for (std::size_t at = text.find(path_key); at != std::string::npos; at = text.find(path_key, at + 1)) {
    const std::size_t p0 = at + path_key.size();
    const std::string p = text.substr(p0, text.find('"', p0) - p0);
    const std::size_t s = text.find(sha_key, p0);
    if (s == std::string::npos) break;
    const std::size_t s0 = s + sha_key.size();
    const std::string want = text.substr(s0, text.find('"', s0) - s0);
    if (want.empty()) continue;
    const std::string file = at > outputs_at ? (fs::path(job.out) / p).string() : p;
    std::error_code ec;
    const std::string got = fs::is_regular_file(file, ec) ? Sha256File(file) : "";
    ++checked;
    if (got != want) {
      ++problems;
      std::cout << (got.empty() ? Tr("缺少：", "missing: ") : Tr("已改变：", "changed: ")) << file << "\n";
    }
  }
  std::cout << fmt::format(fmt::runtime(Tr("核对 {} 个文件：{} 个不符\n", "checked {} files: {} differ\n")),
                           checked, problems);
  return problems == 0 ? kExitOk : kExitInvalidRows;
}

int RunJob(const std::string& job_path, bool check, const Context& ctx) {
  const Job job = ReadJob(job_path);
  if (check) return CheckManifest(job);
  const std::string log = !ctx.log.log_file.empty() ? ctx.log.log_file : job.log;
  if (ctx.log.log_file.empty() && !job.log.empty()) {
    LogOptions options = ctx.log;
    options.log_file = job.log;
    SetupLogging(options);
  }
  std::vector<StepResult> results;
  int exit_code = kExitOk;
  for (const std::string& step : job.steps) {
    const StepResult r = RunStep(step, StepArgs(job, step, log));
    spdlog::info("{} {}: exit {}{}{}", Tr("步骤", "step"), step, r.exit, r.summary.empty() ? "" : " — ",
                 r.summary);
    results.push_back(r);
    exit_code = std::max(exit_code, r.exit);
    if (r.exit > kExitInvalidRows) break;  // a failed step: the later ones would use its outputs
  }
  std::error_code ec;
  if (fs::is_directory(job.out, ec)) WriteManifest(job, results, exit_code);
  std::cout << fmt::format(fmt::runtime(Tr("作业 {}：{} 个步骤，退出码 {}\n", "job {}: {} steps, exit {}\n")),
                           job.path, results.size(), exit_code);
  return exit_code;
}

}  // namespace

void RegisterRun(CLI::App& app, Context& ctx) {
  auto job = std::make_shared<std::string>();
  auto check = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("run", "按作业文件运行一批步骤（供定时任务）(run a batch job file)");
  cmd->add_option("job", *job, "作业文件 JOB.toml (job file)")->required();
  cmd->add_flag("--check", *check, "按 run.json 核对已有输出 (verify outputs against run.json)");
  cmd->callback([job, check, &ctx] { ctx.run = [job, check, &ctx] { return RunJob(*job, *check, ctx); }; });
}

}  // namespace huzhu::cli
