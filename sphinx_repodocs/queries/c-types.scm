; sphinx-repodocs: words the C, C++ and CUDA parser read as the type of a parameter or
; a field, where a macro rarely stands (`SSL_CTX *ctx`): types, to keep when leaving
; out every suspected macro made the parse worse. Compiled against the installed
; grammars in a test.

(parameter_declaration
  type: (type_identifier) @type)

(field_declaration
  type: (type_identifier) @type)
