; sphinx-repodocs: definitions the C, C++ and CUDA walker cannot reach.
; The walker enters function bodies only for local classes; a macro defined anywhere
; (inside a nested block, an initializer, a misparsed region) is still defined from
; that line on. Compiled against the installed grammars in a test.

(preproc_def
  name: (identifier) @name) @definition.macro

(preproc_function_def
  name: (identifier) @name) @definition.macro
