# Writes the SHA-256 of plugin files into their directory's SHA256SUMS, in the format
# `sha256sum` writes, so that both `sahara-db-manage plugins --verify` and `sha256sum -c`
# check it. Entries of other files already in the manifest are kept.
#
#   include(SdmManifest.cmake)
#   sdm_update_manifest(<dir> <file-name>...)
# or, by hand:
#   cmake -DDIR=<dir> -DFILES="a.so;b.so" -P SdmManifest.cmake

function(sdm_update_manifest dir)
  set(manifest "${dir}/SHA256SUMS")
  set(names "")
  if(EXISTS "${manifest}")
    file(STRINGS "${manifest}" lines)
    foreach(line IN LISTS lines)
      if(line MATCHES "^([0-9a-fA-F]+) [ *](.+)$")
        set("digest_of_${CMAKE_MATCH_2}" "${CMAKE_MATCH_1}")
        list(APPEND names "${CMAKE_MATCH_2}")
      endif()
    endforeach()
  endif()
  foreach(name IN LISTS ARGN)
    if(NOT EXISTS "${dir}/${name}")
      message(FATAL_ERROR "sdm_update_manifest: ${dir}/${name} does not exist")
    endif()
    file(SHA256 "${dir}/${name}" digest)
    set("digest_of_${name}" "${digest}")
    list(APPEND names "${name}")
  endforeach()
  list(REMOVE_DUPLICATES names)
  list(SORT names)
  set(text "")
  foreach(name IN LISTS names)
    string(APPEND text "${digest_of_${name}}  ${name}\n")
  endforeach()
  file(WRITE "${manifest}" "${text}")
  message(STATUS "Recorded SHA-256: ${manifest}")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  if(NOT DIR)
    message(FATAL_ERROR "usage: cmake -DDIR=<dir> [-DFILES=\"a.so;b.so\"] -P SdmManifest.cmake "
                        "(without FILES, every *.so in DIR)")
  endif()
  if(NOT FILES)
    file(GLOB FILES RELATIVE "${DIR}" "${DIR}/*.so")
  endif()
  sdm_update_manifest("${DIR}" ${FILES})
endif()
