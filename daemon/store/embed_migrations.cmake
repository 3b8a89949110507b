# Writes OUTPUT, a C++ file defining riskwarn::store::embedded_migrations(): one Migration per
# INPUTS file named NNNN_<name>.sql, in file-name order, with version NNNN and the file's SQL.
# Adding a schema migration is adding one such file.
set(body "#include \"daemon/store/migrations.hpp\"\n\nnamespace riskwarn::store {\n\n")
string(APPEND body "const std::vector<Migration>& embedded_migrations() {\n")
string(APPEND body "  static const std::vector<Migration> migrations{\n")
foreach(input IN LISTS INPUTS)
  get_filename_component(file_name ${input} NAME)
  if(NOT file_name MATCHES "^([0-9][0-9][0-9][0-9])_([a-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "migration ${file_name}: expected NNNN_name.sql")
  endif()
  string(REGEX REPLACE "^0+" "" version "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  file(READ ${input} sql)
  string(APPEND body "      {${version}, \"${name}\", R\"riskwarn_sql(${sql})riskwarn_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return migrations;\n}\n\n}  // namespace riskwarn::store\n")
file(WRITE ${OUTPUT} "${body}")
