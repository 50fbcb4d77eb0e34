# Functions that build and install sahara-db-manage plugins. The same file is installed with the
# CMake package (find_package(SaharaDbManage)), so out-of-tree plugins build exactly like ours.

# The SDK target: in-tree it is sdm_sdk, installed it is SaharaDbManage::sdk.
function(_sdm_plugin_common target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "" ${ARGN})
  if(TARGET SaharaDbManage::sdk)
    target_link_libraries(${target} PRIVATE SaharaDbManage::sdk)
  else()
    target_link_libraries(${target} PRIVATE sdm_sdk)
  endif()
  # Hidden visibility: only the entry point the SDK macros mark is exported.
  set_target_properties(${target} PROPERTIES PREFIX "" CXX_VISIBILITY_PRESET hidden
                                             VISIBILITY_INLINES_HIDDEN ON)
  target_compile_features(${target} PRIVATE cxx_std_17)
  # An unresolved symbol must fail the link, not the first call at run time.
  target_link_options(${target} PRIVATE "LINKER:--no-undefined")
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  endif()
endfunction()

# sdm_add_revision(<target> <source>... [OUTPUT_DIRECTORY <dir>])
# Builds revision sources into one loadable plugin <target>.so. Copy it into the revisions
# directory (SaharaDbManage_REVISIONS_DIR when installed) to ship it.
function(sdm_add_revision target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "" ${ARGN})
  add_library(${target} MODULE ${ARG_UNPARSED_ARGUMENTS})
  _sdm_plugin_common(${target} OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  # Each revision records the absolute path of its source, for `sahara-db-manage edit`.
  foreach(source IN LISTS ARG_UNPARSED_ARGUMENTS)
    get_filename_component(absolute "${source}" ABSOLUTE)
    set_property(SOURCE "${source}" APPEND PROPERTY COMPILE_DEFINITIONS
                 "SDM_REVISION_SOURCE=\"${absolute}\"")
  endforeach()
endfunction()

# sdm_add_driver(<target> <source>... [OUTPUT_DIRECTORY <dir>])
# Builds a driver plugin <target>.so; link SaharaDbManage::dialect to reuse the SQL renderer.
function(sdm_add_driver target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "" ${ARGN})
  add_library(${target} MODULE ${ARG_UNPARSED_ARGUMENTS})
  _sdm_plugin_common(${target} OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
endfunction()

# sdm_install_plugins(<target>... DESTINATION <dir>)
# Installs plugin targets into <dir> (e.g. ${SaharaDbManage_REVISIONS_DIR}) and records their
# SHA-256 in <dir>/SHA256SUMS, keeping the entries of plugins installed before, so the host can
# verify them (`plugins --verify`, `require_manifest = true`) and `sha256sum -c` agrees.
function(sdm_install_plugins)
  cmake_parse_arguments(ARG "" "DESTINATION" "" ${ARGN})
  if(NOT ARG_DESTINATION OR NOT ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "usage: sdm_install_plugins(<target>... DESTINATION <dir>)")
  endif()
  install(TARGETS ${ARG_UNPARSED_ARGUMENTS} LIBRARY DESTINATION ${ARG_DESTINATION})
  set(names "")
  foreach(target IN LISTS ARG_UNPARSED_ARGUMENTS)
    string(APPEND names " \"$<TARGET_FILE_NAME:${target}>\"")
  endforeach()
  # Runs after the files are in place; honours --prefix and DESTDIR.
  install(CODE "
    include(\"${CMAKE_CURRENT_FUNCTION_LIST_DIR}/SdmManifest.cmake\")
    set(_sdm_dir \"${ARG_DESTINATION}\")
    if(NOT IS_ABSOLUTE \"\${_sdm_dir}\")
      set(_sdm_dir \"\${CMAKE_INSTALL_PREFIX}/\${_sdm_dir}\")
    endif()
    sdm_update_manifest(\"\$ENV{DESTDIR}\${_sdm_dir}\"${names})
  ")
endfunction()

# sdm_add_conformance_test(<name> DRIVER <target> URL <url>)
# A CTest test that runs the driver conformance program on the driver plugin <target> against
# the database <url>, which must be an empty scratch database the suite may create tables in
# (it leaves it empty when it passes). The URL reaches the program through the environment, so
# a password stays out of the process list.
function(sdm_add_conformance_test name)
  cmake_parse_arguments(ARG "" "DRIVER;URL" "" ${ARGN})
  if(NOT ARG_DRIVER OR NOT ARG_URL)
    message(FATAL_ERROR "sdm_add_conformance_test(${name}): give DRIVER <target> and URL <url>")
  endif()
  if(SaharaDbManage_CONFORMANCE_PROGRAM)
    set(program ${SaharaDbManage_CONFORMANCE_PROGRAM})
  else()
    set(program $<TARGET_FILE:sahara-db-manage-conformance>)
  endif()
  add_test(NAME ${name} COMMAND ${program} --driver $<TARGET_FILE:${ARG_DRIVER}>)
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "SDM_CONFORMANCE_URL=${ARG_URL}")
endfunction()
