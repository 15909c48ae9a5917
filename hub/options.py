"""Account options: one strict model every way in (HTTP API, CLI, Python API) is checked against.

Strict types and no unknown keys: ``"false"`` is not a boolean (``bool("false")`` is true, and must
never switch sensitive data on), ``"24"`` is not a number, a misspelt option is not silently ignored.
Every problem is reported at once as :class:`hub.errors.InvalidOptions`, naming the option and its fix.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from hub.errors import FieldIssue, InvalidOptions

__all__ = ["FILTER_KEYS", "AccountOptions"]

FILTER_KEYS = ("company", "group", "status")
"""Employee filters an account may set: company and org unit (by the provider's id or code, or the
hub id) and employment status (``ACTIVE``, ``PENDING``, ``INACTIVE``, ``TERMINATED``)."""

_FilterValues = Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]

_FIXES: dict[str, tuple[str, str]] = {
    "include_sensitive": ("must be true or false.", "Send the JSON boolean true or false."),
    "sync_every_hours": ("must be a number of hours from 0.5 to 720.", "Use 0.5 to 720 (default 24)."),
    "time_zone": ("is not a known time zone.", "Use an IANA name such as America/Chicago."),
    "overrides": ("must be an object.", "Send {model: {field: source}}."),
    "filters": ("must be an object.", 'Send {"status": ["ACTIVE"]}.'),
}


def _is_zone(name: str) -> bool:
    if not name or len(name) > 64:
        return False
    try:
        ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return False
    return True


class AccountOptions(BaseModel):
    """Per-account choices: field overrides per model, employee filters, the provider's time zone.

    ``include_sensitive`` lets the account read sensitive fields (national id, date of birth,
    ethnicity); off by default, they are then returned empty. ``filters`` limits which employees
    are imported: ``{"company": [...], "group": [...], "status": [...]}`` (see :data:`FILTER_KEYS`);
    an employee is kept when it matches every filter given. ``sync_every_hours`` is the worker's
    schedule. Building one with a wrong type or an unknown option raises :class:`InvalidOptions`.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    overrides: dict[str, dict[str, Any]] = Field(default_factory=dict)
    include_sensitive: bool = False
    filters: dict[Literal["company", "group", "status"], _FilterValues] = Field(default_factory=dict)
    time_zone: str = "UTC"
    sync_every_hours: float = Field(default=24.0, ge=0.5, le=720, allow_inf_nan=False)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise InvalidOptions(_issues(exc)) from None

    @field_validator("filters")
    @classmethod
    def _known_statuses(cls, filters: dict[str, list[str]]) -> dict[str, list[str]]:
        from unified_models import EmploymentStatus

        valid = {s.value for s in EmploymentStatus}
        wrong = [v for v in filters.get("status", []) if v not in valid]
        if wrong:
            raise PydanticCustomError(
                "option",
                "{shown} is not a status.",
                {
                    "shown": ", ".join(repr(v) for v in wrong),
                    "field": "filters.status",
                    "fix": f"Use {sorted(valid)}.",
                },
            )
        return filters

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, zone: str) -> str:
        if not _is_zone(zone):
            raise PydanticCustomError(
                "option", "is not a known time zone.", {"field": "time_zone", "fix": _FIXES["time_zone"][1]}
            )
        return zone

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "overrides": {k: dict(v) for k, v in self.overrides.items()},
            "include_sensitive": self.include_sensitive,
            "filters": {k: list(v) for k, v in self.filters.items()},
            "time_zone": self.time_zone,
            "sync_every_hours": self.sync_every_hours,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccountOptions:
        """Options from their JSON form, every issue reported at once (:class:`InvalidOptions`)."""
        if not isinstance(data, Mapping):
            raise InvalidOptions([FieldIssue("options", "must be an object.", "Send {option: value, ...}.")])
        try:
            json.dumps(dict(data), ensure_ascii=False).encode("utf-8")
        except (UnicodeEncodeError, TypeError, ValueError):
            raise InvalidOptions(
                [FieldIssue("options", "hold text that is not valid Unicode.", "Send plain UTF-8 text.")]
            ) from None
        odd = [k for k in data if not isinstance(k, str)]
        if odd:
            raise InvalidOptions([FieldIssue(repr(odd[0]), "is not an account option.", _use_one_of())])
        return cls(**dict(data))


def _use_one_of() -> str:
    return f"Use one of {sorted(AccountOptions.model_fields)}."


def _issues(exc: ValidationError) -> list[FieldIssue]:
    """Each pydantic error as the option it concerns, what is wrong, and the fix (once per option)."""
    found: dict[tuple[str, str], FieldIssue] = {}
    for error in exc.errors(include_url=False):
        loc = [str(part) for part in error.get("loc", ())] or ["options"]
        top = loc[0]
        if error["type"] == "extra_forbidden":
            issue = FieldIssue(top, "is not an account option.", _use_one_of())
        elif error["type"] == "option":
            ctx = error.get("ctx") or {}
            issue = FieldIssue(str(ctx.get("field", top)), error["msg"], str(ctx.get("fix", "")))
        elif top == "filters" and len(loc) >= 2:
            if loc[-1] == "[key]":
                issue = FieldIssue(
                    f"filters.{loc[1]}", "is not a filter.", f"Filter by {', '.join(FILTER_KEYS)}."
                )
            else:
                issue = FieldIssue(
                    f"filters.{loc[1]}", "must be a non-empty list of text.", 'Send ["value", ...].'
                )
        elif top == "overrides" and len(loc) >= 2:
            issue = FieldIssue(
                f"overrides.{loc[1]}", "must be an object.", 'Send {"first_name": "person.x"}.'
            )
        else:
            message, fix = _FIXES.get(top, ("is not valid.", _use_one_of()))
            issue = FieldIssue(top, message, fix)
        found.setdefault((issue.field, issue.message), issue)
    return list(found.values())
