# Run by `cmake --install` (cmake/EscapeInstall.cmake): installs scripts/escape-cc
# as <bindir>/escape-cc with two lines set for the install, and escape-c++, a
# link to it (the script compiles C++ when called by that name).
#
#   INSTALLED_PLUGINS = "<libdir>/escape, relative to <bindir>"
#   INFORMATION_URI = "file://<prefix>/<docdir>/report.md"
#
# In: ESCAPE_SCRIPT, ESCAPE_STAGE (a directory of the build tree), ESCAPE_BINDIR,
# ESCAPE_BIN_TO_PLUGINS, ESCAPE_REPORT_DOC; CMAKE_INSTALL_PREFIX is the install's.
file(READ "${ESCAPE_SCRIPT}" text)

# The prefix the files are used from (DESTDIR only stages them), as a URI path.
set(doc "${CMAKE_INSTALL_PREFIX}/${ESCAPE_REPORT_DOC}")
foreach(pair "%;%25" " ;%20" "#;%23" "?;%3F" "\";%22")
  list(GET pair 0 from)
  list(GET pair 1 to)
  string(REPLACE "${from}" "${to}" doc "${doc}")
endforeach()

foreach(line
    "INSTALLED_PLUGINS = \"../lib/escape\"\n;INSTALLED_PLUGINS = \"${ESCAPE_BIN_TO_PLUGINS}\"\n"
    "INFORMATION_URI = None\n;INFORMATION_URI = \"file://${doc}\"\n")
  list(GET line 0 from)
  list(GET line 1 to)
  string(FIND "${text}" "${from}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${ESCAPE_SCRIPT} has no line ${from}: cmake/EscapeInstallScript.cmake needs it")
  endif()
  string(REPLACE "${from}" "${to}" text "${text}")
endforeach()

# Staged in a directory of its own per destination: installs into two prefixes
# at once (the tests do) must not copy each other's half-written script.
string(MD5 stage "$ENV{DESTDIR}|${CMAKE_INSTALL_PREFIX}|${ESCAPE_BINDIR}")
set(stage "${ESCAPE_STAGE}/${stage}")
file(MAKE_DIRECTORY "${stage}")
file(WRITE "${stage}/escape-cc" "${text}")
file(CREATE_LINK escape-cc "${stage}/escape-c++" SYMBOLIC)
file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/${ESCAPE_BINDIR}" TYPE PROGRAM
  FILES "${stage}/escape-cc" "${stage}/escape-c++")
