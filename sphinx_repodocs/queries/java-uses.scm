; Types (@type) and calls of a method without a receiver (@use): names Java keeps
; apart from variables, so a local never hides them; the methods (@scope).
(type_identifier) @type
(method_invocation !object name: (identifier) @use)
[(method_declaration) (constructor_declaration)] @scope
