"""Tiny HRIS: a small fixture connector, written only against ``hub.sdk``, that the hub's own tests run on."""
