#include "config/known_roles.hpp"
#include "config/message_text.hpp"
#include "config/sections.hpp"
#include "config/text_checks.hpp"

namespace riskwarn::config {
namespace {

std::string defined_names(const std::map<std::string, ChannelConfig>& channels) {
  if (channels.empty())
    return "no channels are defined";
  std::vector<std::string> names;
  for (const auto& [name, channel] : channels)
    names.push_back(name);
  return "defined channels: " + join(names);
}

std::vector<Contact> read_contacts(const toml::array& array, const std::string& path,
                                   Reporter& reporter) {
  std::vector<Contact> contacts;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string contact_path = index_path(path, i);
    const toml::table* table = as_table_or_report(*array.get(i), contact_path, reporter);
    if (!table)
      continue;
    TableReader reader(*table, contact_path, reporter);
    Contact contact;
    if (auto name = reader.nonempty_string("name", Presence::required)) {
      contact.name = std::move(*name);
    }
    if (auto phone = reader.string("phone")) {
      if (const auto problem = mobile_phone_problem(*phone)) {
        reader.report("phone", *problem);
      } else {
        contact.phone = std::move(*phone);
      }
    }
    if (auto email = reader.string("email")) {
      if (const auto problem = email_problem(*email)) {
        reader.report("email", *problem);
      } else {
        contact.email = std::move(*email);
      }
    }
    reader.report_unknown_keys();
    contacts.push_back(std::move(contact));
  }
  return contacts;
}

// A department as read, with where its escalation targets were written so that they can be
// checked once every department of the county is known.
struct DepartmentEntry {
  Department department;
  std::vector<Located<std::string>> escalation;
};

DepartmentEntry read_department(const std::string& role, const toml::table& table,
                                const std::string& path, const CountyContext& references,
                                Reporter& reporter) {
  TableReader reader(table, path, reporter);
  DepartmentEntry entry;
  Department& department = entry.department;
  department.role = role;
  if (auto name = reader.nonempty_string("name", Presence::required)) {
    department.name = std::move(*name);
  }
  for (auto& channel : reader.nonempty_strings("channels", Presence::required)) {
    if (!references.channels.contains(channel.value)) {
      reporter.error(channel.where, channel.path,
                     "unknown channel " + in_quotes(channel.value) + "; " +
                         defined_names(references.channels));
      continue;
    }
    department.channels.push_back(std::move(channel.value));
  }
  entry.escalation = reader.strings("escalation");
  for (const auto& target : entry.escalation)
    department.escalation.push_back(target.value);
  if (const toml::array* contacts = reader.array("contacts")) {
    department.contacts = read_contacts(*contacts, reader.path_of("contacts"), reporter);
  }
  reader.report_unknown_keys();
  return entry;
}

// Escalation targets must be roles with a department in the same county, other than the
// department itself.
void check_escalation(const std::map<std::string, DepartmentEntry>& entries, Reporter& reporter) {
  for (const auto& [role, entry] : entries) {
    for (const auto& target : entry.escalation) {
      if (!is_known_role(target.value)) {
        reporter.error(target.where, target.path,
                       "unknown role " + in_quotes(target.value) +
                           "; known roles: " + std::string(known_role_names()));
      } else if (target.value == role) {
        reporter.error(target.where, target.path, "a department cannot escalate to itself");
      } else if (!entries.contains(target.value)) {
        reporter.error(target.where, target.path,
                       "role " + in_quotes(target.value) + " has no department in this county");
      }
    }
  }
}

}  // namespace

std::map<std::string, Department> read_departments(const toml::table& table,
                                                   const std::string& county_path,
                                                   const CountyContext& references,
                                                   Reporter& reporter) {
  const std::string path = child_path(county_path, "departments");
  std::map<std::string, DepartmentEntry> entries;
  for (const auto& [key, node] : table) {
    const std::string role(key.str());
    const std::string department_path = child_path(path, role);
    if (!is_known_role(role)) {
      reporter.error(
          key.source(), department_path,
          "unknown role " + in_quotes(role) + "; known roles: " + std::string(known_role_names()));
      continue;
    }
    if (const toml::table* department = as_table_or_report(node, department_path, reporter)) {
      entries.emplace(role,
                      read_department(role, *department, department_path, references, reporter));
    }
  }
  check_escalation(entries, reporter);
  std::map<std::string, Department> departments;
  for (auto& [role, entry] : entries)
    departments.emplace(role, std::move(entry.department));
  return departments;
}

}  // namespace riskwarn::config
