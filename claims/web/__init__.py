"""Publishing: the Datasette site (metadata, plugin, templates) and `claims serve`."""
