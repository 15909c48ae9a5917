"""A real headless Chromium for the browser tests, driven by Playwright.

Debian's ``chromium`` (``apt-get install chromium``; ``.ci/run`` installs it), or the binary named by
``HRISHUB_CHROMIUM``. The linking page's tests and the API reference's test share it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

SCREENSHOTS = Path(__file__).resolve().parents[1] / "build-output" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = os.environ.get("HRISHUB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, (
        "The browser tests need Chromium: `apt-get install chromium` (Debian), "
        "or set HRISHUB_CHROMIUM to a Chromium binary."
    )
    return found


@contextmanager
def launched_chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def shot(page: Page, name: str) -> None:
    """A full-page screenshot in ``build-output/screenshots/<name>.png``, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
