; Identifiers that may name a definition of the package (@use, @type) or of an
; imported package (@package, then @member); names declared inside a function
; (@local); the functions (@scope); keys of composite literals (@key, never uses).
(identifier) @use
(type_identifier) @type
[(function_declaration) (method_declaration) (func_literal)] @scope
(parameter_declaration name: (identifier) @local)
(variadic_parameter_declaration name: (identifier) @local)
(short_var_declaration left: (expression_list (identifier) @local))
(var_spec name: (identifier) @local)
(const_spec name: (identifier) @local)
(range_clause left: (expression_list (identifier) @local))
(type_spec name: (type_identifier) @local)
(selector_expression operand: (identifier) @package field: (field_identifier) @member)
(qualified_type package: (package_identifier) @package name: (type_identifier) @member)
(keyed_element . (literal_element (identifier) @key))
