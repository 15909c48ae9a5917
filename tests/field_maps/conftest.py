"""Fixtures for the field-map engine tests: a stand-in model, a map writer, a one-call compiler, records.

Helpers reach tests through fixtures (``kit``), so no test imports this file by module name.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar, Literal

import pytest
from pydantic import Field

from field_maps import CompiledMap, LabelTable, LabelTarget, load_map
from unified_models import MODELS, Address, UnifiedModel

DATA = Path(__file__).parent / "data"

HEADER = """\
version: 1
model: {model}
sources:
  - name: person
    record: person-details
    key: [companyId, employeeId]
  - name: employment
    record: employment-details
    key: [companyID, employeeID]
key: [person.companyId, person.employeeId]
remote_id: person.employeeId
fields:
"""


class Widget(UnifiedModel):
    """A stand-in model with one field of every kind the engine handles."""

    resource: ClassVar[str] = "widgets"

    remote_id: str
    text: str | None = None
    count: int | None = None
    ratio: float | None = None
    amount: Decimal | None = None
    flag: bool | None = None
    day: date | None = None
    instant: datetime | None = None
    size: Literal["S", "M", "L"] | None = None
    address: Address | None = None
    extras: dict[str, Any] | None = None
    tags: tuple[str, ...] | None = None
    owner_id: str | None = None
    enabled: bool = Field(default=True)


TEST_MODELS = {**MODELS, "Widget": Widget}

UKG_LABELS = LabelTable(
    {
        "Division": LabelTarget("employment-details.orgLevel1Code", {"level": 1}),
        "Region": LabelTarget("employment-details.orgLevel2Code", {"level": 2}),
        "Department": LabelTarget("employment-details.orgLevel3Code", {"level": 3}),
        "Cost Center": LabelTarget("employment-details.orgLevel4Code", {"level": 4}),
    }
)


def person(**values: Any) -> dict[str, Any]:
    """A person-details record with its key."""
    return {"companyId": "6Y4NV", "employeeId": "EQKKKU000020", **values}


def employment(**values: Any) -> dict[str, Any]:
    """An employment-details record with its key (note the other casing)."""
    return {"companyID": "6Y4NV", "employeeID": "EQKKKU000020", **values}


def joined(p: dict[str, Any] | None = None, e: dict[str, Any] | None = None) -> dict[str, Any]:
    """A joined record as ``CompiledMap.join`` yields it."""
    return {"person": person(**(p or {})), "employment": employment(**e) if e is not None else None}


@pytest.fixture
def kit() -> SimpleNamespace:
    """The shared helpers: record builders, the stand-in model registry and UKG-like labels."""
    return SimpleNamespace(
        person=person,
        employment=employment,
        joined=joined,
        labels=UKG_LABELS,
        models=TEST_MODELS,
        Widget=Widget,
        data=DATA,
        header=HEADER,
    )


@pytest.fixture
def write_map(tmp_path: Path) -> Callable[..., Path]:
    """Write a map file: ``write_map(fields_yaml, model="Employee", name="map.yaml", full=None)``."""

    def write(
        fields: str = "", *, model: str = "Employee", name: str = "map.yaml", full: str | None = None
    ) -> Path:
        text = (
            full
            if full is not None
            else HEADER.format(model=model) + textwrap.indent(textwrap.dedent(fields), "  ")
        )
        path = tmp_path / name
        path.write_text(textwrap.dedent(text) if full is not None else text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def compile_fields(write_map: Callable[..., Path]) -> Callable[..., CompiledMap]:
    """Load and compile a map from its ``fields:`` block (the standard person ⨝ employment header)."""

    def compile_(fields: str, *, model: str = "Employee", **options: Any) -> CompiledMap:
        transforms = options.pop("load_transforms", None)
        options.setdefault("connector", "ukg_pro")
        field_map = load_map(write_map(fields, model=model), transforms=transforms, models=TEST_MODELS)
        return field_map.compile(**options)

    return compile_
