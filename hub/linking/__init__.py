"""Linking: everything that connects a customer's provider account to the hub, in one package.

- :mod:`.accounts`: validate every linking value at once, probe the provider, report permissions,
  store the account encrypted (``Hub.link`` and the linking page both go through it);
- :mod:`.sessions` and :mod:`.rows`: single-use link sessions (a linking page's URL for an HR admin),
  their rules and their table;
- :mod:`.page`: the linking page itself (form, templates, assets, its security headers and cookies);
- :mod:`.api_routes`: ``/v1/link-sessions`` of the HTTP API;
- :mod:`.cli`: ``hrishub link-pages``.

Importing this package loads nothing else: ``hrishub --help`` imports :mod:`.cli` without the hub.
"""
