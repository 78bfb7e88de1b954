# eucomply_embed_file(<file> <template.cc.in> <output.cc> <variable>): writes <output.cc> from
# the template with @<variable>@ replaced by the bytes of <file> as a C array initialiser
# ('\x7b','\x0a',...), so that the program carries the file and needs no path at run time.
# Editing the file re-runs the configure step.
function(eucomply_embed_file file template output variable)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  file(READ ${file} _hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," ${variable} "${_hex}")
  configure_file(${template} ${output} @ONLY)
endfunction()
