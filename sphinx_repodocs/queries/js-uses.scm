; sphinx-repodocs: identifiers of JavaScript (and, with ts-uses.scm, TypeScript) that may
; name a definition of the file or of a module it imports (@use), ``object.property``
; (@package, then @member), ``this.property`` (@this, then @member); names a function
; or block declares (@local: parameters, variables, patterns, catch and loop bindings,
; nested declarations), which hide the module's; the scopes they belong to (@scope).
; Compiled against the installed grammars in a test.
(identifier) @use
(shorthand_property_identifier) @use
(member_expression object: (identifier) @package property: (property_identifier) @member)
(member_expression object: (this) @this property: (property_identifier) @member)
[(function_declaration) (generator_function_declaration) (function_expression)
 (generator_function) (arrow_function) (method_definition) (statement_block)
 (for_statement) (for_in_statement) (catch_clause) (class_body)] @scope
(arrow_function parameter: (identifier) @local)
(variable_declarator name: (identifier) @local)
(shorthand_property_identifier_pattern) @local
(pair_pattern value: (identifier) @local)
(pair_pattern value: (assignment_pattern left: (identifier) @local))
(object_assignment_pattern left: (shorthand_property_identifier_pattern) @local)
(array_pattern (identifier) @local)
(array_pattern (assignment_pattern left: (identifier) @local))
(rest_pattern (identifier) @local)
(catch_clause parameter: (identifier) @local)
(for_in_statement left: (identifier) @local)
(function_declaration name: (identifier) @local)
(generator_function_declaration name: (identifier) @local)
(function_expression name: (identifier) @local)
(class_declaration name: (_) @local)
(import_statement) @key
(export_statement source: (_)) @key
