; sphinx-repodocs: JavaScript's parameters (TypeScript's are in ts-uses.scm), added
; to js-uses.scm.
(formal_parameters (identifier) @local)
(formal_parameters (assignment_pattern left: (identifier) @local))
