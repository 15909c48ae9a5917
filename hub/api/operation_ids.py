"""The one rule naming every operation of the unified API: ``<verb><Resource>``, from its method and path.

Operation ids are what a generated client calls its functions (``listEmployees`` becomes
``list_employees``), so they are derived, never typed by hand: a new route gets its name from the same
rule as every other one, and two routes cannot drift into two styles.

The path is read as collections and parameters (``/v1/accounts/{account_id}/syncs/{run_id}``):

* a static segment followed by a parameter is a collection whose item the path goes into; its name,
  singular, qualifies what follows (``Account``);
* other static segments before the last one are namespaces (``v1``, ``hris``) and add nothing;
* a segment ending in ``s`` names a collection, any other a single thing (``healthz``) or, after a
  parameter and under ``POST``, an action on that item (``sync``).

Then:

=========================  =========================  ==============================
path ends with             method                     operation id
=========================  =========================  ==============================
a parameter (an item)      GET, PUT, PATCH, DELETE    ``getAccount``, ``replace…``,
                                                      ``updateAccount``,
                                                      ``deleteLinkSession``
a collection               GET                        ``listAccountSyncs``
a collection               POST                       ``createAccount``
a collection               PUT, PATCH, DELETE         ``replaceAccountCredentials``
an action                  POST                       ``syncAccount``
a single thing             GET                        ``getHealthz``
=========================  =========================  ==============================
"""

from __future__ import annotations

import re
from itertools import pairwise

from fastapi.routing import APIRoute
from fastapi.utils import generate_unique_id

__all__ = ["ITEM_VERBS", "operation_id", "operation_id_of_route", "singular"]

ITEM_VERBS = {"GET": "get", "PUT": "replace", "PATCH": "update", "DELETE": "delete"}
"""The verb of each method on an item, or on a collection or single thing as a whole (but GET, POST)."""

_PARAMETER = re.compile(r"^\{[^}]+\}$")


def singular(word: str) -> str:
    """``employees`` → ``employee``, ``policies`` → ``policy``, ``addresses`` → ``address``."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _pascal(segment: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_.]", segment) if part)


def _camel(segment: str) -> str:
    pascal = _pascal(segment)
    return pascal[:1].lower() + pascal[1:]


def _is_collection(segment: str) -> bool:
    return segment.endswith("s")


def operation_id(method: str, path: str) -> str:
    """The operation id of ``method`` on ``path`` (see the module's table)."""
    method = method.upper()
    segments = [s for s in path.strip("/").split("/") if s]
    if not segments or _PARAMETER.match(segments[0]):
        raise ValueError(f"no resource to name in {method} {path}")
    owners: list[str] = []  # the collections whose item the path goes into, singular
    for here, following in pairwise(segments):
        if not _PARAMETER.match(here) and _PARAMETER.match(following):
            owners.append(_pascal(singular(here)))
    last = segments[-1]
    if _PARAMETER.match(last):
        if method not in ITEM_VERBS:
            raise ValueError(f"{method} {path}: no verb for {method} on an item")
        return ITEM_VERBS[method] + "".join(owners)
    after_item = len(segments) > 1 and _PARAMETER.match(segments[-2]) is not None
    qualifier = "".join(owners)
    if method == "GET":
        verb = "list" if _is_collection(last) else "get"
        return verb + qualifier + _pascal(last)
    if method == "POST":
        if _is_collection(last):
            return "create" + qualifier + _pascal(singular(last))
        if after_item:  # an action on the item: its segment is the verb
            return _camel(last) + qualifier
        return "create" + qualifier + _pascal(last)
    if method in ITEM_VERBS:
        return ITEM_VERBS[method] + qualifier + _pascal(last)
    raise ValueError(f"{method} {path}: no verb for {method}")


def operation_id_of_route(route: APIRoute) -> str:
    """FastAPI's ``generate_unique_id_function``: the operation id of a route of one method."""
    methods = sorted(route.methods or ())
    if not route.include_in_schema:
        return generate_unique_id(route)  # not in the document: FastAPI's own, only unique
    if len(methods) != 1:
        raise ValueError(f"{route.path} serves {methods}: declare one method per route to name it")
    return operation_id(methods[0], route.path_format)
