"""Everything that touches Sphinx: configuration, the state on the environment, event
handlers, nodes and their visitors, the stub parser, page renderers, write-time output,
highlighting, directives, the ``repo`` domain, shards and translations.

Registration is not done here: ``sphinx_repodocs.setup`` lists every registration in
build order; these modules define what it registers.
"""
