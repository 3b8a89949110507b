# Writes OUTPUT, a C++ file defining riskwarn::config::default_rule_files(): the name and text
# of each default rule file in INPUTS, so that the defaults ship inside the binary.
set(body "#include \"config/default_rules.hpp\"\n\nnamespace riskwarn::config {\n\n")
string(APPEND body "const std::vector<EmbeddedFile>& default_rule_files() {\n")
string(APPEND body "  static const std::vector<EmbeddedFile> files{\n")
foreach(input IN LISTS INPUTS)
  get_filename_component(name ${input} NAME)
  file(READ ${input} text)
  string(APPEND body "      {\"rules/defaults/${name}\", R\"riskwarn_toml(${text})riskwarn_toml\"},\n")
endforeach()
string(APPEND body "  };\n  return files;\n}\n\n}  // namespace riskwarn::config\n")
file(WRITE ${OUTPUT} "${body}")
