"""What each generated page shows and where it lives, from the core's model: the URL
contract (``urls``), the page plan and stubs (``plan``), page views and their
signatures (``views``), and the data of blocks built when a page is written
(``block_types``, ``defined_names``, ``relations``, ``deferred``). Imports only ``core``.
"""
