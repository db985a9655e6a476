# Installing escape (docs/install.md): one plugin per LLVM major version, side
# by side, and what finds them.
#
#   bin/escape-cc, bin/escape-c++            the report driver, one for every LLVM
#   lib/escape/llvm-N/libEscape.so           the plugin for LLVM N
#   lib/escape/llvm-N/escape-source          its source-text helper (libclang N)
#   lib/escape/llvm-N/escape.cfg             clang --config file that loads the plugin
#   lib/escape/llvm-N/escape-lto.cfg         the same, and into lld's LTO link too
#   lib/cmake/Escape/                        find_package(Escape): EscapeConfig.cmake,
#                                            EscapeConfigVersion.cmake, EscapePlugin-llvmN.cmake
#   share/doc/escape/                        README.md, report.md, install.md
#   share/man/man1/escape-cc.1, escape-c++.1
#
# A build installs the files of its LLVM and the shared ones, which are the same
# from every build: installing the LLVM 22 build after the LLVM 19 one (or the
# other way round) into one prefix leaves both plugins usable.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ESCAPE_INSTALL_PLUGINDIR ${CMAKE_INSTALL_LIBDIR}/escape/llvm-${LLVM_VERSION_MAJOR})
set(ESCAPE_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/Escape)
foreach(dir IN ITEMS CMAKE_INSTALL_BINDIR CMAKE_INSTALL_LIBDIR)
  if(IS_ABSOLUTE "${${dir}}")
    message(FATAL_ERROR "escape: ${dir}=${${dir}} must be relative to the prefix: "
      "escape-cc and find_package(Escape) find the plugins from where they are installed")
  endif()
endforeach()

# The plugin, and escape-source beside it, where escape-cc looks first.
install(TARGETS Escape LIBRARY DESTINATION ${ESCAPE_INSTALL_PLUGINDIR})
if(TARGET escape-source)
  install(TARGETS escape-source RUNTIME DESTINATION ${ESCAPE_INSTALL_PLUGINDIR})
endif()

# clang --config=<prefix>/lib/escape/llvm-N/escape.cfg: -fpass-plugin with the
# plugin beside the file (<CFGDIR>, clang 16 and newer); escape-lto.cfg also
# loads it into lld's link-time pipeline.
foreach(cfg IN ITEMS escape.cfg escape-lto.cfg)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/${cfg}.in ${PROJECT_BINARY_DIR}/install/${cfg} @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/install/${cfg} DESTINATION ${ESCAPE_INSTALL_PLUGINDIR})
endforeach()

# escape-cc and escape-c++ (a link to it), written at install time: the
# script learns where the plugins are from its own directory, and where the
# installed docs/report.md is (SARIF's informationUri) from the prefix.
file(RELATIVE_PATH ESCAPE_BIN_TO_PLUGINS
  /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${CMAKE_INSTALL_LIBDIR}/escape)
install(CODE "
  set(ESCAPE_SCRIPT \"${PROJECT_SOURCE_DIR}/scripts/escape-cc\")
  set(ESCAPE_STAGE \"${PROJECT_BINARY_DIR}/install/scripts\")
  set(ESCAPE_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
  set(ESCAPE_BIN_TO_PLUGINS \"${ESCAPE_BIN_TO_PLUGINS}\")
  set(ESCAPE_REPORT_DOC \"${CMAKE_INSTALL_DOCDIR}/report.md\")
  include(\"${PROJECT_SOURCE_DIR}/cmake/EscapeInstallScript.cmake\")
")

# find_package(Escape): the shared EscapeConfig.cmake and version file, and
# this LLVM's EscapePlugin-llvmN.cmake, which the config file globs.
file(RELATIVE_PATH ESCAPE_CMAKEDIR_TO_PREFIX /prefix/${ESCAPE_INSTALL_CMAKEDIR} /prefix)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/EscapeConfig.cmake.in
  ${PROJECT_BINARY_DIR}/install/EscapeConfig.cmake
  INSTALL_DESTINATION ${ESCAPE_INSTALL_CMAKEDIR}
  NO_SET_AND_CHECK_MACRO)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/install/EscapeConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
configure_file(${PROJECT_SOURCE_DIR}/cmake/EscapePlugin.cmake.in
  ${PROJECT_BINARY_DIR}/install/EscapePlugin-llvm${LLVM_VERSION_MAJOR}.cmake @ONLY)
install(FILES
  ${PROJECT_BINARY_DIR}/install/EscapeConfig.cmake
  ${PROJECT_BINARY_DIR}/install/EscapeConfigVersion.cmake
  ${PROJECT_BINARY_DIR}/install/EscapePlugin-llvm${LLVM_VERSION_MAJOR}.cmake
  DESTINATION ${ESCAPE_INSTALL_CMAKEDIR})

# The docs the report and the man page point at, and the man page.
install(FILES README.md docs/report.md docs/install.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(CREATE_LINK escape-cc.1 ${PROJECT_BINARY_DIR}/install/escape-c++.1 SYMBOLIC)
install(FILES docs/escape-cc.1 ${PROJECT_BINARY_DIR}/install/escape-c++.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
