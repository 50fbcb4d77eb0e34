# sdm_add_revision(<target> <source>...): builds revision sources into one loadable plugin.
# The same function is installed with the CMake package for out-of-tree revisions.
function(sdm_add_revision target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "" ${ARGN})
  add_library(${target} MODULE ${ARG_UNPARSED_ARGUMENTS})
  if(TARGET SaharaDbManage::sdk)
    target_link_libraries(${target} PRIVATE SaharaDbManage::sdk)
  else()
    target_link_libraries(${target} PRIVATE sdm_sdk)
  endif()
  set_target_properties(${target} PROPERTIES PREFIX "" CXX_VISIBILITY_PRESET hidden
                                             VISIBILITY_INLINES_HIDDEN ON)
  target_compile_features(${target} PRIVATE cxx_std_17)
  target_link_options(${target} PRIVATE "LINKER:--no-undefined")
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  endif()
endfunction()
