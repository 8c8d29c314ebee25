"""The claims Datasette plugin (entry point `claims`): its hooks live in
`hooks.py`; `templates/` and `static/` beside it are found by Datasette as
the plugin's own, so plain `datasette db/claims.db -m metadata.json` gets
the whole site."""

from claims.web.datasette.facets import register_facet_classes  # noqa: F401
from claims.web.datasette.hooks import (  # noqa: F401  (pluggy finds the hooks on this module)
    asgi_wrapper,
    extra_body_script,
    extra_css_urls,
    extra_template_vars,
    menu_links,
    permission_allowed,
    prepare_connection,
    prepare_jinja2_environment,
    register_routes,
    render_cell,
)


def _register_quote_pages() -> None:
    """The quote pages (`quotes.py`: quote groups, transcript checks, verdicts
    for claim groups) define hooks of the same names as `hooks.py`, so they are
    a plugin of their own, registered with this one, once."""
    from datasette.plugins import pm

    from claims.web.datasette import quotes

    if not pm.is_registered(quotes):
        pm.register(quotes, name="claims_quotes")


_register_quote_pages()
