"""Page renderers: the nodes of a file, folder or keyword index page, from its view."""
