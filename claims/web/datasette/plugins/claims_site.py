"""Kept so `datasette --plugins-dir claims/web/datasette/plugins` still works.

The plugin itself is the `claims` Datasette entry point (the package
`claims.web.datasette`, see pyproject.toml), which Datasette loads on its own
wherever the package is installed; this file registers it only when entry
points were not loaded, so its hooks never run twice.
"""

from datasette.plugins import pm

import claims.web.datasette as plugin

if not pm.is_registered(plugin):
    pm.register(plugin, name="claims")
