; sphinx-repodocs: where the bash grammar gave up (its errors), and the text that is
; data even there (comments and heredoc bodies have unambiguous delimiters): shell
; functions are recovered from the errors' lines. Compiled against the installed
; grammar in a test.

(ERROR) @error
(comment) @data
(heredoc_body) @data
