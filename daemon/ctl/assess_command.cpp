#include "daemon/ctl/assess_command.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>

#include "adapters/weather/cap.hpp"
#include "adapters/weather/open_meteo.hpp"
#include "adapters/weather/qweather.hpp"
#include "daemon/config_file.hpp"
#include "rules/assess/assess_all.hpp"
#include "rules/assess/merge.hpp"

namespace riskwarn::ctl {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kUsage =
    "assess --config PATH --county CODE --input FILE --format open-meteo|qweather|cap "
    "[--at TIME] [--json]";

enum class InputFormat { open_meteo, qweather, cap };

struct AssessOptions {
  std::string config_path;
  std::string county_code;
  std::string input_path;
  InputFormat format = InputFormat::open_meteo;
  std::optional<TimePoint> at;
  bool json = false;
  bool help = false;
};

struct UsageError {
  std::string message;
};

std::optional<InputFormat> parse_format(std::string_view name) {
  if (name == "open-meteo")
    return InputFormat::open_meteo;
  if (name == "qweather")
    return InputFormat::qweather;
  if (name == "cap")
    return InputFormat::cap;
  return std::nullopt;
}

std::variant<AssessOptions, UsageError> parse_options(const std::vector<std::string>& args) {
  AssessOptions options;
  std::optional<std::string> config, county, input, format, at;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::optional<std::string>* target = nullptr;
    if (arg == "--config")
      target = &config;
    else if (arg == "--county")
      target = &county;
    else if (arg == "--input")
      target = &input;
    else if (arg == "--format")
      target = &format;
    else if (arg == "--at")
      target = &at;
    if (target != nullptr) {
      if (i + 1 >= args.size())
        return UsageError{arg + " needs a value"};
      *target = args[++i];
    } else if (arg == "--json") {
      options.json = true;
    } else if (arg == "--help" || arg == "-h") {
      options.help = true;
      return options;
    } else {
      return UsageError{"unknown argument \"" + arg + "\""};
    }
  }
  if (!config || !county || !input || !format)
    return UsageError{"--config, --county, --input and --format are required"};
  const std::optional<InputFormat> input_format = parse_format(*format);
  if (!input_format) {
    return UsageError{"--format: \"" + *format +
                      "\" is not a format; use open-meteo, qweather or cap"};
  }
  if (at) {
    options.at = parse_iso8601(*at);
    if (!options.at) {
      return UsageError{"--at: \"" + *at +
                        "\" is not a time; use ISO 8601 with an offset, e.g. "
                        "2025-12-31T00:15+08:00"};
    }
  }
  options.config_path = *config;
  options.county_code = *county;
  options.input_path = *input;
  options.format = *input_format;
  return options;
}

void write_help(std::ostream& out) {
  out << "usage: riskwarnctl " << kUsage
      << "\n\nAssesses a recorded feed response for one county of the configuration, with that "
         "county's thresholds.\n"
         "  --config PATH  the riskwarnd configuration (TOML)\n"
         "  --county CODE  the 6-digit code of a configured county\n"
         "  --input FILE   the response body: an Open-Meteo forecast, a QWeather warning reply "
         "or a CAP 1.2 document\n"
         "  --format F     open-meteo (hazards derived from the forecast), qweather or cap "
         "(official warnings)\n"
         "  --at TIME      also show the signals in force at TIME, e.g. "
         "2025-12-31T00:15+08:00\n"
         "  --json         print JSON instead of a table\n";
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path;
    return std::nullopt;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  return std::move(bytes).str();
}

std::string configured_counties(const config::Config& config) {
  std::string list;
  for (const config::County& county : config.counties)
    list += "\n  " + county.code + "  " + county.name;
  return list.empty() ? "\n  (none)" : list;
}

// Writes JSON in one line; invalid UTF-8 in feed text is replaced rather than thrown on.
void write_json(const json& document, std::ostream& out) {
  out << document.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
}

// ---- Open-Meteo: hazards derived from the forecast ----

json spans_json(const std::vector<Span>& spans, std::chrono::seconds offset) {
  json list = json::array();
  for (const Span& span : spans) {
    list.push_back({{"level", to_string(span.level)},
                    {"start", format_local_minutes(span.start, offset)},
                    {"end", format_local_minutes(span.end, offset)}});
  }
  return list;
}

json signal_json(const HazardSignal& signal, std::chrono::seconds offset) {
  return {{"hazard", to_string(signal.hazard)},
          {"level", to_string(signal.level)},
          {"start", format_local_minutes(signal.start, offset)},
          {"end", format_local_minutes(signal.end, offset)},
          {"source", signal.source}};
}

std::vector<HazardSignal> derived_at(const std::vector<HazardAssessment>& assessments,
                                     const HourlySeries& series, TimePoint at) {
  std::vector<HazardSignal> signals;
  for (const HazardAssessment& assessment : assessments) {
    if (auto signal = signal_at(assessment, series.times, at))
      signals.push_back(std::move(*signal));
  }
  return signals;
}

json forecast_json(const config::County& county, const HourlySeries& series,
                   const std::vector<HazardAssessment>& assessments, std::optional<TimePoint> at) {
  const std::chrono::seconds offset = series.utc_offset;
  json hazards = json::array();
  for (const HazardAssessment& a : assessments) {
    json missing = json::array();
    for (const TimePoint t : a.missing)
      missing.push_back(format_local_minutes(t, offset));
    hazards.push_back({{"hazard", to_string(a.hazard)},
                       {"evaluated", a.evaluated},
                       {"max_level", to_string(a.max_level())},
                       {"intensity", spans_json(to_spans(series.times, a.intensity), offset)},
                       {"signal", spans_json(to_spans(series.times, a.signal), offset)},
                       {"missing", std::move(missing)}});
  }
  json document{{"county", county.code}, {"hazards", std::move(hazards)}};
  if (at) {
    json signals = json::array();
    for (const HazardSignal& signal : derived_at(assessments, series, *at))
      signals.push_back(signal_json(signal, offset));
    document["at"] = {{"time", format_local_minutes(*at, offset)}, {"signals", signals}};
  }
  return document;
}

std::string hazard_label(Hazard hazard) {
  return std::string{chinese_name(hazard)} + " " + std::string{to_string(hazard)};
}

void write_spans(std::string_view title, const std::vector<Span>& spans,
                 std::chrono::seconds offset, std::ostream& out) {
  bool first = true;
  for (const Span& span : spans) {
    out << "  " << (first ? title : std::string(title.size(), ' ')) << "  " << to_string(span.level)
        << std::string(8 - to_string(span.level).size(), ' ')
        << format_local_minutes(span.start, offset) << " … "
        << format_local_minutes(span.end, offset) << "\n";
    first = false;
  }
}

void write_forecast_table(const config::County& county, const HourlySeries& series,
                          const std::vector<HazardAssessment>& assessments,
                          std::optional<TimePoint> at, std::ostream& out) {
  const std::chrono::seconds offset = series.utc_offset;
  out << county.name << " (" << county.code << "): " << series.times.size() << " hours";
  if (!series.times.empty()) {
    out << ", " << format_local_minutes(series.times.front(), offset) << " … "
        << format_local_minutes(series.times.back(), offset);
  }
  out << "\n";
  for (const HazardAssessment& a : assessments) {
    out << "\n" << hazard_label(a.hazard) << ": ";
    if (!a.evaluated) {
      out << "not evaluated (the input lacks the variables its rule reads)\n";
      continue;
    }
    out << "max " << to_string(a.max_level()) << "\n";
    write_spans("signal   ", to_spans(series.times, a.signal), offset, out);
    write_spans("intensity", to_spans(series.times, a.intensity), offset, out);
    if (!a.missing.empty()) {
      out << "  missing  ";
      for (std::size_t i = 0; i < a.missing.size(); ++i)
        out << (i == 0 ? "  " : ", ") << format_local_minutes(a.missing[i], offset);
      out << "\n";
    }
  }
  if (at) {
    out << "\nin force at " << format_local_minutes(*at, offset) << ":";
    const std::vector<HazardSignal> signals = derived_at(assessments, series, *at);
    if (signals.empty())
      out << " none";
    out << "\n";
    for (const HazardSignal& s : signals) {
      out << "  " << hazard_label(s.hazard) << " " << to_string(s.level) << ", "
          << format_local_minutes(s.start, offset) << " … " << format_local_minutes(s.end, offset)
          << " (" << s.source << ")\n";
    }
  }
}

// ---- QWeather and CAP: official warnings ----

std::string warning_hazard(const OfficialWarning& warning) {
  return warning.hazard ? std::string{to_string(*warning.hazard)} : "other";
}

json warning_json(const OfficialWarning& w, std::chrono::seconds offset) {
  return {{"id", w.id},
          {"hazard", warning_hazard(w)},
          {"type_name", w.type_name},
          {"level", to_string(w.level)},
          {"start", format_local_minutes(w.start, offset)},
          {"end", w.end ? json(format_local_minutes(*w.end, offset)) : json(nullptr)},
          {"sender", w.sender},
          {"headline", w.headline},
          {"source", "official"}};
}

json official_json(const config::County& county, const std::vector<OfficialWarning>& warnings,
                   std::optional<TimePoint> at, std::chrono::seconds offset) {
  json list = json::array();
  for (const OfficialWarning& warning : warnings)
    list.push_back(warning_json(warning, offset));
  json document{{"county", county.code}, {"warnings", std::move(list)}};
  if (at) {
    json signals = json::array();
    for (const MergedSignal& merged : merge_signals({}, warnings, *at))
      signals.push_back(signal_json(merged.effective, offset));
    for (const OfficialWarning& other : unmodelled_warnings(warnings, *at))
      signals.push_back(warning_json(other, offset));
    document["at"] = {{"time", format_local_minutes(*at, offset)}, {"signals", signals}};
  }
  return document;
}

void write_official_table(const config::County& county,
                          const std::vector<OfficialWarning>& warnings, std::optional<TimePoint> at,
                          std::chrono::seconds offset, std::ostream& out) {
  out << county.name << " (" << county.code << "): " << warnings.size() << " official warning(s)\n";
  for (const OfficialWarning& w : warnings) {
    const bool in_force_at = at && official_applies(w, *at);
    out << "  " << (w.hazard ? hazard_label(*w.hazard) : "other " + w.type_name) << " "
        << to_string(w.level) << ", " << format_local_minutes(w.start, offset) << " … "
        << (w.end ? format_local_minutes(*w.end, offset) : std::string{"until cancelled"})
        << (in_force_at ? " (in force at --at)" : "") << ", " << w.sender << " (official)\n";
  }
}

struct Inputs {
  const config::County* county;
  std::string body;
};

int assess_forecast(const AssessOptions& options, const Inputs& in, std::ostream& out,
                    std::ostream& err) {
  const Result<HourlySeries> series = weather::parse_open_meteo(in.body);
  if (!series) {
    err << "riskwarnctl assess: " << options.input_path << ": " << series.error().message << "\n";
    return kExitFailure;
  }
  const std::vector<HazardAssessment> assessments = assess_all(*series, in.county->thresholds);
  if (options.json)
    write_json(forecast_json(*in.county, *series, assessments, options.at), out);
  else
    write_forecast_table(*in.county, *series, assessments, options.at, out);
  return kExitOk;
}

int assess_official(const AssessOptions& options, const Inputs& in, std::ostream& out,
                    std::ostream& err) {
  const std::chrono::seconds offset = in.county->utc_offset;
  std::vector<OfficialWarning> warnings;
  if (options.format == InputFormat::qweather) {
    Result<weather::QWeatherReply> reply = weather::parse_qweather(in.body);
    if (!reply) {
      err << "riskwarnctl assess: " << options.input_path << ": " << reply.error().message << "\n";
      return kExitFailure;
    }
    warnings = std::move(reply->warnings);
  } else {
    const Result<std::vector<weather::CapAlert>> chain = weather::parse_cap(in.body);
    if (!chain) {
      err << "riskwarnctl assess: " << options.input_path << ": " << chain.error().message << "\n";
      return kExitFailure;
    }
    const TimePoint now = options.at.value_or(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    warnings = weather::cap_warnings_for(*chain, in.county->code, in.county->latitude,
                                         in.county->longitude, now);
  }
  if (options.json)
    write_json(official_json(*in.county, warnings, options.at, offset), out);
  else
    write_official_table(*in.county, warnings, options.at, offset, out);
  return kExitOk;
}

}  // namespace

int run_assess(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto parsed = parse_options(args);
  if (const auto* error = std::get_if<UsageError>(&parsed)) {
    err << "riskwarnctl assess: " << error->message << "\nusage: riskwarnctl " << kUsage << "\n";
    return kExitUsage;
  }
  const auto& options = std::get<AssessOptions>(parsed);
  if (options.help) {
    write_help(out);
    return kExitOk;
  }

  const auto loaded = load_config_or_report(options.config_path, err);
  if (!loaded)
    return kExitBadConfig;
  const config::Config& config = *loaded;
  const config::County* county = nullptr;
  for (const config::County& c : config.counties) {
    if (c.code == options.county_code)
      county = &c;
  }
  if (county == nullptr) {
    err << "riskwarnctl assess: county \"" << options.county_code << "\" is not in "
        << options.config_path << "; configured counties:" << configured_counties(config) << "\n";
    return kExitUsage;
  }

  std::string read_error;
  std::optional<std::string> body = read_file(options.input_path, read_error);
  if (!body) {
    err << "riskwarnctl assess: " << read_error << "\n";
    return kExitFailure;
  }
  const Inputs inputs{county, std::move(*body)};
  if (options.format == InputFormat::open_meteo)
    return assess_forecast(options, inputs, out, err);
  return assess_official(options, inputs, out, err);
}

Command assess_command() {
  return Command{"assess", kUsage, &run_assess};
}

}  // namespace riskwarn::ctl
