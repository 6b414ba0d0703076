; Types (@type) and calls of a bare name (@use); names a function binds (@local:
; parameters, let and if-let bindings, patterns of match arms, for loops and
; closures), which hide the file's; the functions (@scope).
(type_identifier) @type
(call_expression function: (identifier) @use)
[(function_item) (closure_expression)] @scope
(parameter pattern: (identifier) @local)
(let_declaration pattern: (identifier) @local)
(let_condition pattern: (identifier) @local)
(closure_parameters (identifier) @local)
(for_expression pattern: (identifier) @local)
(tuple_struct_pattern (identifier) @local)
(tuple_pattern (identifier) @local)
(match_pattern (identifier) @local)
(ref_pattern (identifier) @local)
(captured_pattern (identifier) @local)
(field_pattern (identifier) @local)
(field_pattern name: (shorthand_field_identifier) @local)
(mut_pattern (identifier) @local)
(slice_pattern (identifier) @local)
(or_pattern (identifier) @local)
