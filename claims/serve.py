"""Publishing the database with Datasette, configured the same way whoever
starts it: the repo's metadata, the in-repo plugin, templates and stylesheet.

The equivalent plain command line (see README) is
`datasette db/claims.db -m metadata.json --plugins-dir claims/datasette/plugins
--template-dir claims/datasette/templates --static assets:claims/datasette/static`
with the settings below.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from claims.site import PLUGINS_DIR, STATIC_DIR, TEMPLATES_DIR, metadata

# Chosen for a million-claim database (see `make bench`): facet suggestions
# would try every column on every page view, so they are off (the useful
# facets are configured in metadata.json); time limits keep one heavy facet
# or query from holding the server.
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "suggest_facets": False,
    "default_page_size": 50,
    "max_returned_rows": 2000,
}


REPO_METADATA = Path(__file__).resolve().parent.parent / "metadata.json"


def site_metadata(db_path: Path) -> dict:
    """The repo's metadata.json (generated from the schema when the package
    runs without the repo), its database entry named after this file."""
    meta = json.loads(REPO_METADATA.read_text(encoding="utf-8")) if REPO_METADATA.exists() else metadata()
    meta["databases"] = {db_path.stem: meta["databases"]["claims"]}
    return meta


def datasette_args(db_path: Path, host: str, port: int) -> list[str]:
    meta = Path(tempfile.mkdtemp(prefix="claims-serve-")) / "metadata.json"
    meta.write_text(json.dumps(site_metadata(db_path)), encoding="utf-8")
    args = [
        str(db_path),
        "-m",
        str(meta),
        "--plugins-dir",
        str(PLUGINS_DIR),
        "--template-dir",
        str(TEMPLATES_DIR),
        "--static",
        f"assets:{STATIC_DIR}",
        "--host",
        host,
        "--port",
        str(port),
    ]
    for k, v in SETTINGS.items():
        args += ["--setting", k, str(v)]
    return args


def make_datasette(db_path: Path):
    """A Datasette instance with the site's configuration (for tests and benchmarks)."""
    from datasette.app import Datasette

    return Datasette(
        [str(db_path)],
        metadata=site_metadata(db_path),
        plugins_dir=str(PLUGINS_DIR),
        template_dir=str(TEMPLATES_DIR),
        static_mounts=[("assets", str(STATIC_DIR))],
        settings=SETTINGS,
    )
