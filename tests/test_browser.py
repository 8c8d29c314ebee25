"""What a reviewer sees, in a real browser (Debian's chromium via Playwright)."""

import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claims.cli import app
from tests.conftest import EXAMPLES, free_port, wait_for

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")


@pytest.fixture
def server(tmp_path):
    db = tmp_path / "claims.db"
    runner = CliRunner()
    assert runner.invoke(app, ["add", str(EXAMPLES), "--db", str(db), "--outlet", "Ledger"]).exit_code == 0
    assert (
        runner.invoke(app, ["reviewers", "add", "carol", "--db", str(db), "--password", "pass-word-1"]).exit_code == 0
    )
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claims", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/-/versions.json")
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def test_reviewer_signs_in_reviews_a_claim_and_sees_the_verdict(server, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        page = browser.new_page()
        page.goto(server + "/-/signin")
        page.fill("input[name=username]", "carol")
        page.fill("input[name=password]", "pass-word-1")
        page.click("button[type=submit]")
        page.goto(server + "/-/article/1")
        assert page.locator("a.claim").count() > 10
        for kind in ("reported_fact", "official_quote", "editorial_assertion"):
            assert page.locator(f"a.claim-{kind}").count() >= 1
        page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
        page.locator("a.claim-official_quote").first.click()
        page.wait_for_url("**/-/claim/*")
        claim_url = page.url
        page.select_option("select[name=verdict]", "half_true")
        page.fill("textarea[name=note]", "Repairs finished in August, not June.")
        page.click("form.review-form button[type=submit]")
        page.wait_for_load_state()
        assert page.url == claim_url  # back on the claim, with the new verdict
        assert "Review saved" in page.content()
        assert "half true" in page.locator(".current-verdict").inner_text().lower()
        assert "carol" in page.locator("table.reviews").inner_text()
        page.screenshot(path=str(tmp_path / "claim.png"), full_page=True)
        browser.close()
    assert (tmp_path / "claim.png").stat().st_size > 1000
