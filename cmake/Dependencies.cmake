# Third-party packages, all from Debian 12's archive.

find_package(PostgreSQL REQUIRED)
find_path(SDM_MARIADB_INCLUDE_DIR mysql.h PATH_SUFFIXES mariadb mysql REQUIRED)
find_library(SDM_MARIADB_LIBRARY NAMES mariadb mysqlclient REQUIRED)
if(NOT TARGET MySQL::client)
  add_library(MySQL::client UNKNOWN IMPORTED)
  set_target_properties(MySQL::client PROPERTIES IMPORTED_LOCATION "${SDM_MARIADB_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${SDM_MARIADB_INCLUDE_DIR}")
endif()

# Poco::Data is not used: the drivers talk to libsqlite3, libpq and libmariadb directly (see
# README, "Layout"), which spares every command loading it.
find_package(Poco 1.11 REQUIRED COMPONENTS Foundation Util)
find_package(Boost 1.74 REQUIRED)
find_package(yaml-cpp REQUIRED)

# Boost.DLL, header-only on std::filesystem.
add_library(sdm_boost_dll INTERFACE)
target_link_libraries(sdm_boost_dll INTERFACE Boost::headers ${CMAKE_DL_LIBS})
target_compile_definitions(sdm_boost_dll INTERFACE BOOST_DLL_USE_STD_FS)
