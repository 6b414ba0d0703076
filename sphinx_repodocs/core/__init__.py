"""Pure analysis of a repository: no Sphinx.

The pipeline, in build order: ``scan`` (the file set) → ``read`` (each file once, in a
process pool: ``classify`` and ``extract``) → ``model`` (cached by ``model_cache``) →
``imports`` (resolution, imported-by) → ``related``, ``symbols``, ``keyword_index``,
``git_history``, ``how_to_run``. Nothing here executes or imports repository content,
and nothing imports Sphinx (docutils only to read rST titles, in ``extract.prose``).
"""
