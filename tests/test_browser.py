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


@pytest.fixture
def desk_server(tmp_path):
    """A served database with one article (with a URL, so a new version can follow) and a reviewer."""
    from claims.storage.db import connect  # noqa: F401  (the CLI creates it)

    db = tmp_path / "claims.db"
    runner = CliRunner()
    args = ["add", str(EXAMPLES / "riverton-water.txt"), "--db", str(db), "--outlet", "Ledger", "--url", DESK_URL]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, ["reviewers", "add", "dana", "--db", str(db), "--password", "pass-word-2"]).exit_code == 0
    port = free_port()
    env = {**os.environ, "CLAIMS_DESK_NAME": "Riverton Fact Desk"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "claims", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/-/versions.json")
        yield base, db
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


DESK_URL = "https://ledger.example/riverton"


def test_the_desk_loop_in_a_browser(desk_server, tmp_path):
    import json
    import sqlite3

    from playwright.sync_api import sync_playwright

    base, db = desk_server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            # 1. sign in (a wrong password first: the return address is kept)
            page.goto(base + "/-/signin?next=/-/queue")
            page.fill("input[name=username]", "dana")
            page.fill("input[name=password]", "wrong-one")
            page.click("button[type=submit]")
            page.fill("input[name=password]", "pass-word-2")
            page.click("button[type=submit]")
            page.wait_for_url("**/-/queue")
            # 2. take a claim, then open it from "my queue"
            page.locator(".review-queue button[type=submit]").first.click()
            page.wait_for_url("**/-/claim/*")
            page.goto(base + "/-/queue")
            page.locator(".my-queue a.queue-claim").first.click()
            page.wait_for_url("**/-/claim/*")
            claim_id = int(page.url.rsplit("/", 1)[1])
            assert "dana" in page.locator(".claim-status").inner_text()
            # 3. correct its source
            page.fill(".correct-form input[name=new_name]", "Riverton Water Board")
            page.select_option(".correct-form select[name=new_kind]", "organization")
            page.click(".correct-form button[type=submit]")
            page.wait_for_load_state()
            assert "Riverton Water Board" in page.locator(".claim-source").inner_text()
            assert "the engine said" in page.locator(".claim-source").inner_text()
            # 4. give a verdict (none is preselected)
            assert page.locator(".review-form select[name=verdict]").input_value() == ""
            page.select_option(".review-form select[name=verdict]", "mostly_false")
            page.click(".review-form button[type=submit]")
            page.wait_for_load_state()
            assert "mostly false" in page.locator(".current-verdict").inner_text().lower()
            # 5. follow "next"
            page.click("a.next-in-queue")
            page.wait_for_url("**/-/claim/*")
            assert int(page.url.rsplit("/", 1)[1]) != claim_id
            # 6. the correction survives a re-add and a new version of the article
            runner = CliRunner()
            src = EXAMPLES / "riverton-water.txt"
            assert "already present" in runner.invoke(app, ["add", str(src), "--db", str(db)]).stdout
            edited = tmp_path / "v2.txt"
            edited.write_text(src.read_text(encoding="utf-8") + "\nThe council meets on Monday.\n", encoding="utf-8")
            assert runner.invoke(app, ["add", str(edited), "--db", str(db), "--url", DESK_URL]).exit_code == 0
            conn = sqlite3.connect(db)
            (new_id,) = conn.execute("SELECT id FROM claims WHERE carried_from = ?", [claim_id]).fetchone()
            conn.close()
            page.goto(f"{base}/-/claim/{new_id}")
            assert "Riverton Water Board" in page.locator(".claim-source").inner_text()
            assert "mostly false" in page.locator(".current-verdict").inner_text().lower()
            # 7. the ClaimReview JSON-LD is on the page
            ld = json.loads(page.locator('script[type="application/ld+json"]').text_content())
            assert ld["@type"] == "ClaimReview" and ld["author"]["name"] == "Riverton Fact Desk"
            assert (
                ld["reviewRating"]["ratingValue"] == 2
                and ld["itemReviewed"]["author"]["name"] == "Riverton Water Board"
            )
            # at 390 px the claim page does not overflow sideways
            page.set_viewport_size({"width": 390, "height": 800})
            page.reload()
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
        finally:
            browser.close()
