; Identifiers that may name a definition elsewhere (@use values and calls, @type
; types); names declared inside a function (@local: parameters and local variables,
; which hide a global of the same name there); the functions (@scope).
(identifier) @use
(type_identifier) @type
(function_definition) @scope
(_ declarator: (identifier) @local)
