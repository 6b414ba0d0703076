; sphinx-repodocs: definitions the JavaScript and TypeScript walker cannot reach.
; The walker does not enter expressions (for speed, and so that names in them never
; count); a named function expression anywhere (an argument, a property's value, a
; returned function) is still a definition of that name. Queries match anywhere,
; also in error-recovered trees. Compiled against the installed grammar in a test.

(function_expression
  name: (identifier) @name) @definition.function

(generator_function
  name: (identifier) @name) @definition.function
