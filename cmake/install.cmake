# What `cmake --install` and the Debian package (cpack) put where, relative to the prefix:
#   bin/faultline, share/faultline/ (the data directory, util/data_path.h),
#   share/man/man1/faultline*.1 (generated from --help by help2man),
#   share/bash-completion/completions/faultline, share/doc/faultline/ (README, docs, examples).

install(TARGETS faultline RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/data/ DESTINATION ${FAULTLINE_INSTALL_DATA})
install(FILES ${CMAKE_SOURCE_DIR}/scripts/completion/faultline.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME faultline)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Debian's place for where each shipped file comes from and under which terms.
install(FILES ${CMAKE_SOURCE_DIR}/docs/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# One man page per command, made from its --help when the binary is built. help2man runs a
# program with --help; a two-line wrapper per command turns `faultline map` into one.
# The sanitizer tree (scripts/sanitize.sh) installs nothing and leaves them out.
option(FAULTLINE_MAN_PAGES "Make the man pages when the program is built" ON)
find_program(HELP2MAN help2man)
if(HELP2MAN AND FAULTLINE_MAN_PAGES)
  # Every subcommand `faultline --help` lists (tests/install_test.sh checks none is missing).
  set(FAULTLINE_COMMANDS extract ingest corpus actors statements evaluate map why issues parse train-syntax
      evaluate-syntax cluster-words prune-syntax codebook export serve stories)
  set(_man_dir ${CMAKE_BINARY_DIR}/man)
  set(_pages ${_man_dir}/faultline.1)
  add_custom_command(
    OUTPUT ${_man_dir}/faultline.1
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_man_dir}
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --version-string=${PROJECT_VERSION}
            --name="maps who stands where on which issue, from news coverage"
            -o ${_man_dir}/faultline.1 $<TARGET_FILE:faultline>
    DEPENDS faultline VERBATIM)
  foreach(cmd ${FAULTLINE_COMMANDS})
    set(_wrapper ${_man_dir}/faultline-${cmd})
    file(WRITE ${_wrapper}.in "#!/bin/sh\nexec \"@FAULTLINE_BIN@\" ${cmd} \"$@\"\n")
    add_custom_command(
      OUTPUT ${_man_dir}/faultline-${cmd}.1
      COMMAND ${CMAKE_COMMAND} -DIN=${_wrapper}.in -DOUT=${_wrapper} -DBIN=$<TARGET_FILE:faultline>
              -P ${CMAKE_SOURCE_DIR}/cmake/man_wrapper.cmake
      COMMAND ${HELP2MAN} --no-info --no-discard-stderr --version-string=${PROJECT_VERSION}
              "--name=the faultline ${cmd} command" -o ${_man_dir}/faultline-${cmd}.1 ${_wrapper}
      DEPENDS faultline ${CMAKE_SOURCE_DIR}/cmake/man_wrapper.cmake VERBATIM)
    list(APPEND _pages ${_man_dir}/faultline-${cmd}.1)
  endforeach()
  add_custom_target(man ALL DEPENDS ${_pages})
  install(FILES ${_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "no man pages (FAULTLINE_MAN_PAGES=OFF, or help2man not found: scripts/setup.sh installs it)")
endif()

# The Debian package: `cpack -G DEB` in the build tree -> faultline_<version>_<arch>.deb,
# installable with `apt install ./faultline_*.deb` (dependencies from dpkg-shlibdeps).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME faultline)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "maps who stands where on which issue, from news coverage")
set(CPACK_PACKAGE_CONTACT "faultline maintainers <faultline@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3, python3-pandas, python3-distributed")
include(CPack)
