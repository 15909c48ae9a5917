"""Fixtures for the UKG Pro sandbox tests: small tenants in process and over real loopback HTTP.

Helpers reach tests through the ``kit`` fixture (the suite runs in importlib mode, so no test
imports this file by name).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from connectors.ukg_pro.sandbox import Sandbox, published, run_server

SPEC_PATH = Path(__file__).parent / "data" / "openapi-subset.yaml"
"""UKG's published OpenAPI description, the subset in use, kept verbatim (its info.description says whence)."""

NOW = datetime(2025, 6, 2, 9, 30)
"""The tenant clock of the test sandboxes (frozen, so no test depends on the real date)."""

BASE_URL = "https://service4.ultipro.com"

ALL_DEDUCTION_CODES = "[401K,RRSP,MED,DEN,VIS,LIFE]"
"""Every deduction code of the sandbox tenants, as one UKG list filter."""


def make_sandbox(employees: int = 60, seed: int = 11, **settings: Any) -> Sandbox:
    """A small tenant with the clock frozen at ``NOW``."""
    return Sandbox(employees=employees, seed=seed, now=NOW, **settings)


async def get_all(
    client: httpx.AsyncClient, path: str, per_page: int = 25, **params: Any
) -> list[dict[str, Any]]:
    """Every row of a paged endpoint, page by page until ``[]``.

    A read UKG takes by POST (pay statements) sends its filters and paging in a JSON body, with a date
    window from 1990 to ``NOW`` unless ``params`` gives one.
    """
    from connectors.ukg_pro.sandbox import ENDPOINTS

    posted = any(e.method == "POST" and e.path == path for e in ENDPOINTS)
    if path.endswith("/emp-deductions") and "dedCode" not in params:  # UKG requires a deduction code
        params = {**params, "dedCode": ALL_DEDUCTION_CODES}
    window = {"startDate": "1990-01-01T00:00:00", "endDate": NOW.isoformat()}
    rows: list[dict[str, Any]] = []
    page = 1
    while True:
        if posted:
            body = {**window, **params, "page": page, "per_Page": per_page}
            response = await client.post(path, json=body)
        else:
            response = await client.get(path, params={**params, "page": page, "per_Page": per_page})
        assert response.status_code == 200, response.text
        batch = response.json()
        if not batch:
            return rows
        rows.extend(batch)
        page += 1
        assert page < 10_000


# -- validating against UKG's OpenAPI description ----------------------------------------------------------
# The corrections (each with its evidence) and the nulls allowed live in connectors/ukg_pro/sandbox/published.py;
# every object schema is closed there, so a key UKG does not publish fails validation, nested ones too.

_NAIVE_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$")
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date-time")
def _ukg_datetime(value: object) -> bool:
    """UKG's date-times are naive: ``2021-09-20T00:00:00`` or ``2023-03-29T08:24:30.16``."""
    return not isinstance(value, str) or _NAIVE_DATETIME.match(value) is not None


@FORMATS.checks("uuid")
def _uuid(value: object) -> bool:
    return not isinstance(value, str) or _GUID.match(value) is not None


@FORMATS.checks("int32")
def _int32(value: object) -> bool:
    return not isinstance(value, int) or -(2**31) <= value < 2**31


_CORRECTED: dict[int, dict[str, Any]] = {}


def corrected(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec's component schemas, corrected and closed (computed once per spec)."""
    found = _CORRECTED.get(id(spec))
    if found is None:
        found = _CORRECTED[id(spec)] = published.corrected_schemas(spec["components"]["schemas"])
    return found


def response_schema(spec: dict[str, Any], path: str) -> dict[str, Any] | None:
    """The corrected 200 application/json schema of a served GET ``path``; None if neither in the spec nor served."""
    return published.response_schema(spec, path)


def validator(spec: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    """A validator of ``schema`` whose ``#/components/...`` references resolve in the corrected spec."""
    root = {**schema, "components": {"schemas": corrected(spec)}}
    return Draft202012Validator(root, format_checker=FORMATS)


def record_schema_name(spec: dict[str, Any], path: str) -> str | None:
    """The component name of one record of ``path`` (following the array's items)."""
    schema = response_schema(spec, path)
    if schema is None:
        return None
    if schema.get("type") == "array":
        schema = schema["items"]
    name = schema["$ref"].rsplit("/", 1)[-1]
    target = corrected(spec)[name]
    if target.get("type") == "array":
        name = target["items"]["$ref"].rsplit("/", 1)[-1]
    return name


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    """UKG's OpenAPI description (the subset)."""
    return yaml.safe_load(SPEC_PATH.read_text())


@pytest.fixture(scope="session")
def kit() -> SimpleNamespace:
    """The helpers above, for test modules."""
    return SimpleNamespace(
        NOW=NOW,
        BASE_URL=BASE_URL,
        make_sandbox=make_sandbox,
        get_all=get_all,
        corrected=corrected,
        response_schema=response_schema,
        record_schema_name=record_schema_name,
        validator=validator,
    )


@pytest.fixture
def sb() -> Sandbox:
    """A fresh 60-person tenant with a frozen clock."""
    return make_sandbox()


@pytest.fixture
async def client(sb: Sandbox) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process client authenticated as the default service account."""
    async with httpx.AsyncClient(
        transport=sb.transport(), base_url=BASE_URL, headers=sb.auth_headers(), timeout=10
    ) as c:
        yield c


@pytest.fixture
async def anonymous(sb: Sandbox) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process client without credentials."""
    async with httpx.AsyncClient(transport=sb.transport(), base_url=BASE_URL, timeout=10) as c:
        yield c


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[Sandbox, str]]:
    """A tenant served over real HTTP on a free loopback port (one server per test module)."""
    sandbox = make_sandbox(employees=40, seed=5)
    with run_server(sandbox) as base_url:
        yield sandbox, base_url
