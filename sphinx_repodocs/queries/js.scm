; sphinx-repodocs: definitions the JavaScript and TypeScript walker cannot reach.
; The walker does not enter expressions (for speed, and so that names in them never
; count); a named function expression anywhere (an argument, a property's value, a
; returned function) is still a definition of that name. Queries match anywhere,
; also in error-recovered trees. Compiled against the installed grammar in a test.

(function_expression
  name: (identifier) @name) @definition.function

(generator_function
  name: (identifier) @name) @definition.function

; A function as an object's property or assigned to one, anywhere: inside a call's
; arguments ({html: function () {}}) or a function (xhr.onload = () => {}).
(pair
  key: (property_identifier) @name
  value: [(function_expression) (arrow_function)]) @definition.method

(assignment_expression
  left: (member_expression
    property: (property_identifier) @name)
  right: [(function_expression) (arrow_function)]) @definition.method

(variable_declarator
  name: (identifier) @name
  value: [(function_expression) (arrow_function)]) @definition.function

; Declarations inside a callback (describe("x", function () { function helper() {} })).
(function_declaration
  name: (identifier) @name) @definition.function

(generator_function_declaration
  name: (identifier) @name) @definition.function

(class_declaration
  name: (_) @name) @definition.class

; A method written in an object literal, anywhere ({transform(chunk) {}}, {get duplex() {}}):
; the walker lists class members; an object's are found here.
(object
  (method_definition
    name: (property_identifier) @name) @definition.method)
