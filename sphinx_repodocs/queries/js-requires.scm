; sphinx-repodocs: CommonJS and dynamic imports, anywhere: require("./x") and
; import("./x") with one literal string (a computed path is known only when the code
; runs, and is left out; so is a string with an escape, whose fragments are not its
; text). Compiled against the installed grammars in a test.

(call_expression
  function: (identifier) @function
  arguments: (arguments . (string . (string_fragment) @path .) .)
  (#eq? @function "require"))

(call_expression
  function: (import)
  arguments: (arguments . (string . (string_fragment) @path .) .))
