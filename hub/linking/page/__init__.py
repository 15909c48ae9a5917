"""The linking page: the hosted form an HR admin fills, from a link session's single-use URL."""

from hub.linking.page.routes import ASSETS_PATH, assets, router

__all__ = ["ASSETS_PATH", "assets", "router"]
