"""``/docs``: the interactive API reference (Swagger UI), served with its files from the hub itself.

FastAPI's own page loads Swagger UI from a CDN and its favicon from FastAPI's site, so it stays blank on
a machine without internet and tells a third party each time someone opens it. Here the files come from
the ``swagger-ui-bundle-v2`` package and are served under :data:`ASSETS_PATH`; the page asks nothing of
any other host (the online spec validator is off too). ReDoc's page is not served: it has no offline
bundle worth shipping beside this one.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

__all__ = ["ASSETS_PATH", "DOCS_PATH", "install_docs_page"]

DOCS_PATH = "/docs"
"""Where the interactive reference is served."""

ASSETS_PATH = "/docs-assets"
"""Where Swagger UI's own files are served."""


def install_docs_page(app: FastAPI) -> None:
    """Serve Swagger UI at :data:`DOCS_PATH` from local files (create ``app`` with ``docs_url=None``)."""
    app.mount(ASSETS_PATH, StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get(DOCS_PATH, include_in_schema=False)
    def docs_page(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        return get_swagger_ui_html(
            openapi_url=root + (app.openapi_url or "/openapi.json"),
            title=f"{app.title}: the API reference",
            swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},
        )
