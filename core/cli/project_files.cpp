#include "cli/project_files.hpp"

#include <cctype>

namespace sdm::cli {

std::string project_cmakelists(const std::string& directory_name) {
  // CMake project names are kept to what every generator accepts.
  std::string name;
  for (unsigned char c : directory_name)
    name += std::isalnum(c) ? static_cast<char>(c) : '_';
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) name = "p_" + name;
  return "# Revision plugins for sahara-db-manage, built against its installed CMake package.\n"
         "cmake_minimum_required(VERSION 3.25)\n"
         "project(" +
         name +
         " CXX)\n"
         "find_package(SaharaDbManage REQUIRED)\n"
         "\n"
         "# Each source in versions/ (where `sahara-db-manage revision` writes them) is one\n"
         "# plugin in build/revisions/, installed into sahara-db-manage's revisions directory.\n"
         "set(revisions_dir ${CMAKE_BINARY_DIR}/revisions)\n"
         "file(GLOB revision_sources CONFIGURE_DEPENDS "
         "${CMAKE_CURRENT_SOURCE_DIR}/versions/*.cpp)\n"
         "foreach(source IN LISTS revision_sources)\n"
         "  get_filename_component(stem ${source} NAME_WE)\n"
         "  string(MAKE_C_IDENTIFIER \"revision_${stem}\" target)\n"
         "  sdm_add_revision(${target} ${source} OUTPUT_DIRECTORY ${revisions_dir})\n"
         "  set_target_properties(${target} PROPERTIES OUTPUT_NAME ${stem})\n"
         "  install(TARGETS ${target} LIBRARY DESTINATION ${SaharaDbManage_REVISIONS_DIR})\n"
         "endforeach()\n"
         "\n"
         "# The installed revisions these build on, copied beside them so that\n"
         "# sahara.conf.sample runs the whole history before anything is installed.\n"
         "file(GLOB installed_revisions ${SaharaDbManage_REVISIONS_DIR}/*.so)\n"
         "if(installed_revisions)\n"
         "  file(COPY ${installed_revisions} DESTINATION ${revisions_dir})\n"
         "endif()\n";
}

std::string project_config_sample() {
  return "# sahara-db-manage settings for working on this project; relative paths are relative\n"
         "# to this file. Use it as: sahara-db-manage --config-file sahara.conf.sample COMMAND\n"
         "\n"
         "[database]\n"
         "# The database to try the revisions on: a SQLite file in the working directory.\n"
         "connection = sqlite:///sahara.sqlite\n"
         "\n"
         "[sahara_db_manage]\n"
         "# The plugins `cmake --build build` makes, beside the installed ones they build on.\n"
         "revisions_dir = build/revisions\n"
         "# Where `revision` and `merge` write new sources.\n"
         "revision_source_dir = versions\n";
}

std::string project_readme() {
  return "Revision plugins for sahara-db-manage: one C++ source per revision in versions/; add "
         "one with `sahara-db-manage --config-file sahara.conf.sample revision -m MESSAGE`.\n"
         "Build with `cmake -S . -B build && cmake --build build` (needs the installed "
         "SaharaDbManage package), then try them: `sahara-db-manage --config-file "
         "sahara.conf.sample upgrade head`.\n"
         "Ship them with `cmake --install build`, which puts the plugins into sahara-db-manage's "
         "revisions directory.\n";
}

}  // namespace sdm::cli
