#include "rules/messages/alert_text.hpp"

namespace riskwarn {
namespace {

std::string_view status_word(const AlertChange& change) {
  switch (change.kind) {
    case ChangeKind::raise:
      return "发布";
    case ChangeKind::update:
      if (change.level > change.previous_level)
        return "升级";
      if (change.level < change.previous_level)
        return "降级";
      return "更新";
    case ChangeKind::resolve:
      return "解除";
    case ChangeKind::tally:
      break;
  }
  return "更新";
}

std::string hazard_name(const AlertChange& change) {
  return change.hazard ? std::string(chinese_name(*change.hazard)) : change.key.instance;
}

}  // namespace

std::string warning_title(Hazard hazard, Level level) {
  std::string title(chinese_name(hazard));
  title += chinese_name(level);
  if (level != Level::notice)
    title += "预警";
  return title;
}

std::string alert_title(const AlertChange& change) {
  if (change.kind == ChangeKind::resolve)
    return hazard_name(change) + "预警解除";
  if (change.hazard)
    return warning_title(*change.hazard, change.level);
  return change.key.instance + std::string(chinese_name(change.level)) + "预警";
}

std::string department_message(const Recipient& recipient,
                               const std::vector<AlertChange>& changes) {
  std::string text =
      "【" + recipient.county_name + "安全生产风险预警】" + recipient.department + "：";
  int index = 0;
  for (const AlertChange& change : changes) {
    if (!change.notifies())
      continue;
    text += "\n";
    if (changes.size() > 1)
      text += std::to_string(++index) + ". ";
    text += alert_title(change) + "（" + std::string(status_word(change)) + "）";
    if (change.kind == ChangeKind::resolve) {
      text += "，风险已解除，请做好后续工作。";
      continue;
    }
    text += "，预计影响时段 " + format_local_minutes(change.start, recipient.utc_offset) + " 至 " +
            format_local_minutes(change.end, recipient.utc_offset) + "。";
    if (!change.actions.empty()) {
      text += "请";
      for (std::size_t i = 0; i < change.actions.size(); ++i) {
        if (i > 0)
          text += "；";
        text += change.actions[i];
      }
      text += "。";
    }
  }
  return text;
}

}  // namespace riskwarn
