"""The API reference at /docs works with no internet: a real Chromium loads it from a served hub alone.

Every request the page makes to anything but the hub on 127.0.0.1 is blocked and recorded; the page must
attempt none and still render every operation. A screenshot goes to ``build-output/screenshots/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser import launched_chromium, shot


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched_chromium() as launched:
        yield launched


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[tuple[Page, list[str], list[str]]]:
    """A page whose every request off 127.0.0.1 is aborted; the lists of blocked and served URLs."""
    context = browser.new_context()
    context.set_default_timeout(20_000)
    blocked: list[str] = []
    served: list[str] = []

    def only_loopback(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            served.append(url)
            route.continue_()
        elif url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", only_loopback)
    page = context.new_page()
    yield page, blocked, served
    context.close()


def test_the_docs_page_renders_every_operation_from_the_hub_alone(world, offline_page):
    page, blocked, served = offline_page
    answer = page.goto(world.api_url + "/docs")
    assert answer is not None and answer.status == 200
    expect(page.get_by_text("List your accounts", exact=True)).to_be_visible()
    expect(page.get_by_text("Sync an account", exact=True)).to_be_visible()
    expect(page.locator(".opblock")).to_have_count(len(_operations(world)))
    # Opening an operation shows its parameters, read from the document.
    page.get_by_text("List employees", exact=True).click()
    expect(page.get_by_text("X-Account-Id").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    shot(page, "api-docs")
    assert blocked == [], f"/docs reached outside the hub: {blocked}"
    paths = {urlsplit(url).path for url in served}
    assert {
        "/docs",
        "/openapi.json",
        "/docs-assets/swagger-ui-bundle.js",
        "/docs-assets/swagger-ui.css",
    } <= paths


def test_the_docs_page_names_no_other_host(world):
    html = world.anonymous().get("/docs").text
    assert not re.findall(r"https?://", html), "the page links an outside host"
    for asset, kind in (("swagger-ui-bundle.js", "javascript"), ("swagger-ui.css", "css")):
        answer = world.anonymous().get(f"/docs-assets/{asset}")
        assert answer.status_code == 200 and kind in answer.headers["content-type"]


def test_redoc_is_not_served(world):
    assert world.anonymous().get("/redoc").status_code == 404


def _operations(world) -> list[str]:
    """Every operation the page shows: the routes, and the webhooks (one per event type)."""
    spec = world.anonymous().get("/openapi.json").json()
    items = [*spec["paths"].values(), *spec.get("webhooks", {}).values()]
    return [op["operationId"] for item in items for op in item.values()]
