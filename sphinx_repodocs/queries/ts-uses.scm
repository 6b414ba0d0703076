; sphinx-repodocs: what TypeScript adds to js-uses.scm: types (@type, ``ns.Type`` as
; @package then @member), parameters with types, type parameters (@local, hiding a
; module's type of that name in what declares them).
(type_identifier) @type
(nested_type_identifier module: (identifier) @package name: (type_identifier) @member)
(required_parameter pattern: (identifier) @local)
(optional_parameter pattern: (identifier) @local)
(type_parameter name: (type_identifier) @local)
[(class_declaration) (abstract_class_declaration) (interface_declaration)
 (type_alias_declaration) (function_signature) (method_signature)] @scope
(type_alias_declaration name: (type_identifier) @local)
(interface_declaration name: (type_identifier) @local)
(abstract_class_declaration name: (type_identifier) @local)
(enum_declaration name: (identifier) @local)
