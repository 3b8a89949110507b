#include "config/known_roles.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace riskwarn::config {
namespace {

// The source document names pre-2018 bureaus; the descriptions give today's (安监 → 应急管理,
// 工商/质监/药监 → 市场监督管理, 国土 → 自然资源, 环保 → 生态环境).
constexpr std::array<KnownRole, 25> kRoles{{
    {"agri_machinery", "农业农村（农机安全监理）"},
    {"civil_affairs", "民政"},
    {"commerce", "商务"},
    {"culture_tourism", "文化广电和旅游"},
    {"ecology_env", "生态环境（原环保）"},
    {"education", "教育"},
    {"emergency_management", "应急管理（原安监）"},
    {"fire_rescue", "消防救援"},
    {"forestry", "林业"},
    {"health", "卫生健康"},
    {"housing_construction", "住房和城乡建设"},
    {"industry_it", "工业和信息化"},
    {"market_center", "市场发展服务中心（市场中心）"},
    {"market_regulation", "市场监督管理（原工商、质监、药监）"},
    {"natural_resources", "自然资源（原国土）"},
    {"power_supply", "供电"},
    {"public_security", "公安"},
    {"public_utilities", "公用事业管理中心（公管中心）"},
    {"safety_committee", "安全生产委员会办公室（县安委办）"},
    {"supervision_office", "县委县政府督查室（两办督查室）"},
    {"supply_coop", "供销合作社"},
    {"township", "乡镇人民政府、街道办事处"},
    {"trade_union", "总工会"},
    {"traffic_police", "公安交通管理"},
    {"transport", "交通运输"},
}};

static_assert(std::is_sorted(kRoles.begin(), kRoles.end(),
                             [](const KnownRole& a, const KnownRole& b) {
                               return a.role < b.role;
                             }));

}  // namespace

std::span<const KnownRole> known_roles() {
  return kRoles;
}

bool is_known_role(std::string_view role) {
  return std::any_of(kRoles.begin(), kRoles.end(),
                     [role](const KnownRole& known) { return known.role == role; });
}

std::string_view known_role_names() {
  static const std::string names = [] {
    std::string joined;
    for (const KnownRole& known : kRoles) {
      if (!joined.empty())
        joined += ", ";
      joined += known.role;
    }
    return joined;
  }();
  return names;
}

}  // namespace riskwarn::config
