"""Publishing the database with Datasette, configured the same way whoever
starts it: the repo's metadata, the in-repo plugin, templates and stylesheet.

`claims serve` runs it in its own process (no child, no temporary files). The
equivalent plain command line (see README) is
`datasette db/claims.db -m metadata.json` with the settings below: the plugin
is the package's `claims` Datasette entry point.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from claims.web.site import metadata

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


REPO_METADATA = Path(__file__).resolve().parents[2] / "metadata.json"


def site_metadata(db_path: Path) -> dict:
    """The repo's metadata.json (generated from the schema when the package
    runs without the repo), its database entry named after this file."""
    meta = json.loads(REPO_METADATA.read_text(encoding="utf-8")) if REPO_METADATA.exists() else metadata()
    meta["databases"] = {db_path.stem: meta["databases"]["claims"]}
    return meta


def check_port(host: str, port: int) -> None:
    """Refuse at once, in one line, a port another program holds (uvicorn would print a traceback)."""
    import socket

    from claims.errors import ClaimsError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ClaimsError(f"cannot listen on {host}:{port}: {exc.strerror or exc} (try another --port)") from None


def run(db_path: Path, host: str, port: int, open_browser: bool = False) -> None:
    """Serve in this process with uvicorn, as `datasette serve` does, so the
    PID a supervisor starts is the server: SIGTERM stops it (uvicorn shuts
    down cleanly) and no child or temporary metadata file is left behind."""
    import asyncio
    import threading
    import webbrowser

    import uvicorn

    ds = make_datasette(db_path, secret=os.environ.get("DATASETTE_SECRET") or None)
    asyncio.run(ds.invoke_startup())
    if open_browser:
        threading.Timer(1.0, webbrowser.open, [f"http://{host}:{port}/"]).start()
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)


def make_datasette(db_path: Path, secret: str | None = None):
    """A Datasette instance with the site's configuration (`claims serve`, tests and benchmarks)."""
    from datasette.app import Datasette

    return Datasette(
        [str(db_path)],
        secret=secret,
        metadata=site_metadata(db_path),
        settings=SETTINGS,  # the plugin, its templates and stylesheet come with the `claims` entry point
    )
