"""Reads of some employees only (a change feed's): as few requests as UKG's published filters allow.

UKG publishes several ids in one filter (``employeeId=[ABC, DEF]``) on a few endpoints only: its
description says so for user-defined-fields (employee and company ids) and employee-employment-details
(company ids), and the published pattern of compensation-details' ``employeeId`` admits the list; see
:attr:`connectors.ukg_pro.endpoints.Endpoint.id_lists`. There the ids go in lists, as few as keep each
query string within :data:`MAX_QUERY`; everywhere else (person-details, employment-details, job history)
UKG publishes one id per filter, so the read asks for one id at a time.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

from connectors.ukg_pro.endpoints import Endpoint

__all__ = ["MAX_QUERY", "keyed_queries", "list_filter", "one_each"]

MAX_QUERY = 2_000
"""The longest query string a keyed read sends, encoded. UKG publishes no limit on the ids of a list or
on a URL's length; its web services are ASP.NET on IIS (its error bodies), whose request filtering refuses
a query string over 2,048 bytes by default (``maxQueryString``). A longer list is split."""

_PAGING_ROOM = len("&page=10000&per_Page=10000")
"""What the paging parameters add to each query."""


def list_filter(values: Sequence[Any]) -> str:
    """UKG's filter for "one of": a bare value, or ``[A,B,C]`` (UKG's list syntax)."""
    texts = [str(v) for v in dict.fromkeys(values)]
    for text in texts:
        if any(c in text for c in ",[]*"):
            raise ValueError(f"{text!r} cannot be sent in a UKG list filter")
    return texts[0] if len(texts) == 1 else "[" + ",".join(texts) + "]"


def keyed_queries(
    endpoint: Endpoint, where: Mapping[str, Sequence[Any]], params: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The queries that read the rows of ``endpoint`` whose key fields hold one of ``where``'s values.

    A key with one value is sent as it is. Of the keys with several, those UKG takes lists for go in
    lists, the longest split so no query string exceeds :data:`MAX_QUERY`; when UKG takes a list for
    none, there is one query per value of the key with the most values. A key with several values
    that UKG takes no list for is otherwise left out: the answer may then hold rows beyond the keys
    asked for (an employee's job in another company), which the caller drops. No value at all: no query.
    """
    fixed: dict[str, Any] = dict(params)
    several: dict[str, list[str]] = {}
    for name, values in where.items():
        texts = [str(v) for v in dict.fromkeys(values)]
        if not texts:
            return []
        list_filter(texts)  # refuses a value UKG would read as a list or a wildcard
        if len(texts) == 1:
            fixed[name] = texts[0]
        else:
            several[name] = texts
    if not several:
        return [fixed]
    listed = {name: texts for name, texts in several.items() if name.lower() in endpoint.id_lists}
    if not listed:
        name = max(several, key=lambda n: len(several[n]))
        return [{**fixed, name: text} for text in several[name]]
    longest = max(listed, key=lambda n: len(listed[n]))
    base = {**fixed, **{n: list_filter(t) for n, t in listed.items() if n != longest}}
    room = MAX_QUERY - _PAGING_ROOM - len(urlencode({**base, longest: "[]"}))
    queries: list[dict[str, Any]] = []
    chunk: list[str] = []
    used = 0
    for text in listed[longest]:
        cost = len(quote(text, safe="")) + (len(quote(",")) if chunk else 0)
        if chunk and used + cost > room:
            queries.append({**base, longest: list_filter(chunk)})
            chunk, used = [], 0
            cost = len(quote(text, safe=""))
        chunk.append(text)
        used += cost
    queries.append({**base, longest: list_filter(chunk)})
    return queries


def one_each(query: Mapping[str, Any], keys: Collection[str]) -> bool:
    """Whether a query of :func:`keyed_queries` names at most one value of each key (one employee)."""
    return not any(str(query.get(key, "")).startswith("[") for key in keys)
