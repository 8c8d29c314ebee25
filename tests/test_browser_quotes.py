"""A fact-checker opens a quote page in a real browser and sees where the outlets' wording differs (issue 8)."""

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claims.cli import app
from tests.conftest import free_port, wait_for
from tests.story import OUTLETS
from tests.test_browser import CHROMIUM

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")


@pytest.fixture
def server(tmp_path):
    db = tmp_path / "claims.db"
    runner = CliRunner()
    for n, (outlet, (date, text)) in enumerate(OUTLETS.items()):
        p = tmp_path / f"{n}.txt"
        p.write_text(text, encoding="utf-8")
        assert (
            runner.invoke(app, ["add", str(p), "--db", str(db), "--outlet", outlet, "--published", date]).exit_code == 0
        )
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claims", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/-/versions.json")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_quote_page_highlights_the_changed_word(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(server + "/claims/quote_wording_differs")
            page.locator("a[href^='/-/quote/']").first.click()
            page.wait_for_url("**/-/quote/*")
            assert "Canonical wording" in page.content()
            marked = page.locator("li.variant mark.quote-diff")
            assert marked.count() >= 1
            assert "this" in [marked.nth(i).inner_text() for i in range(marked.count())]
            background = marked.first.evaluate("e => getComputedStyle(e).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # visibly highlighted
            assert page.locator("table.appearances tr").count() == 6  # header + five outlets
        finally:
            browser.close()
