"""What a list read selects beyond paging: filters on fields, deleted records, references to embed.

Every filter, and each reference ``expand`` may embed, is declared here once per unified resource;
the HTTP routes, the Python accessors, the store's SQL and the live reads all follow these tables.
Filters combine with AND. A value a filter cannot take (``employment_status=FOO``), a filter the
resource does not have, or an unknown expansion is an :class:`~hub.errors.InputError` naming what
is allowed, never ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from hub.errors import InputError
from unified_models import EmploymentStatus

__all__ = [
    "EXPANSIONS",
    "FILTERS",
    "Expansion",
    "FilterSpec",
    "Selection",
    "select_for",
]


@dataclass(frozen=True)
class FilterSpec:
    """One filter of a list read: its parameter name, the unified field it tests and how.

    ``member``: the field holds a list of ids and the filter keeps records whose list has the value
    (``group_id`` on ``group_ids``). ``choices``: the values the filter takes (an enum's).
    ``fold_case``: compared without regard to ASCII letter case (e-mail addresses).
    """

    name: str
    field: str
    description: str
    member: bool = False
    choices: tuple[str, ...] | None = None
    fold_case: bool = False

    def normalise(self, value: Any) -> str:
        """``value`` as the filter compares it; :class:`InputError` naming the parameter when it cannot be."""
        if isinstance(value, Enum):
            value = value.value
        if not isinstance(value, str) or not value:
            raise InputError(
                f"{self.name} must be a non-empty text value, not {type(value).__name__}.",
                remedy=f"Pass {self.name} as a text value.",
            )
        if self.choices is not None and value not in self.choices:
            raise InputError(
                f"{self.name} {value!r} is not one of the allowed values: {', '.join(self.choices)}.",
                remedy=f"Use one of {', '.join(self.choices)} for {self.name}.",
            )
        return fold(value) if self.fold_case else value

    def keeps(self, data: Mapping[str, Any], value: str) -> bool:
        """Whether a record (its JSON form, or a model's attributes) passes this filter with ``value``."""
        held = data.get(self.field)
        if isinstance(held, Enum):
            held = held.value
        if self.member:
            return isinstance(held, (list, tuple)) and value in held
        if isinstance(held, str) and self.fold_case:
            held = fold(held)
        return held == value


def fold(text: str) -> str:
    """``text`` with its ASCII capitals lowered: what both databases and Python agree on."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_REMOTE_ID = FilterSpec("remote_id", "remote_id", "Only the record with this provider id (`remote_id`).")
_EMPLOYEE_ID = FilterSpec("employee_id", "employee_id", "Only the records of this employee (hub id).")

FILTERS: Mapping[str, Mapping[str, FilterSpec]] = {
    "employees": {
        spec.name: spec
        for spec in (
            FilterSpec(
                "employment_status",
                "employment_status",
                "Only employees with this employment status.",
                choices=tuple(s.value for s in EmploymentStatus),
            ),
            FilterSpec("company_id", "company_id", "Only employees of this company (hub id)."),
            FilterSpec(
                "group_id",
                "group_ids",
                "Only members of this group (hub id), e.g. a department.",
                member=True,
            ),
            FilterSpec("manager_id", "manager_id", "Only the direct reports of this employee (hub id)."),
            FilterSpec(
                "work_email",
                "work_email",
                "Only the employee with this work e-mail address (ASCII letter case ignored).",
                fold_case=True,
            ),
            _REMOTE_ID,
        )
    },
    "employments": {"employee_id": _EMPLOYEE_ID, "remote_id": _REMOTE_ID},
    "time_off_balances": {"employee_id": _EMPLOYEE_ID, "remote_id": _REMOTE_ID},
    "time_off_requests": {"employee_id": _EMPLOYEE_ID, "remote_id": _REMOTE_ID},
    "time_off_policies": {"remote_id": _REMOTE_ID},
    "groups": {"remote_id": _REMOTE_ID},
    "locations": {"remote_id": _REMOTE_ID},
    "companies": {"remote_id": _REMOTE_ID},
    "dependents": {"employee_id": _EMPLOYEE_ID, "remote_id": _REMOTE_ID},
    "emergency_contacts": {"employee_id": _EMPLOYEE_ID, "remote_id": _REMOTE_ID},
    "bank_accounts": {"employee_id": _EMPLOYEE_ID, "remote_id": _REMOTE_ID},
    "pay_groups": {"remote_id": _REMOTE_ID},
    "payroll_runs": {
        "pay_group_id": FilterSpec("pay_group_id", "pay_group_id", "Only runs of this pay group (hub id)."),
        "remote_id": _REMOTE_ID,
    },
    "employer_benefits": {"remote_id": _REMOTE_ID},
    "benefits": {"employee_id": _EMPLOYEE_ID, "remote_id": _REMOTE_ID},
    "employee_payroll_runs": {
        "employee_id": _EMPLOYEE_ID,
        "payroll_run_id": FilterSpec(
            "payroll_run_id", "payroll_run_id", "Only the statements of this pay run (hub id)."
        ),
        "remote_id": _REMOTE_ID,
    },
}
"""Resource → its filters by parameter name."""


@dataclass(frozen=True)
class Expansion:
    """A reference ``expand`` can embed: the member it adds and the resource it reads.

    ``one``: ``field`` holds one id of ``resource`` (the member is that record, or null); ``many``:
    ``field`` holds a list of ids (the member is a list, in the list's order); ``back``: records of
    ``resource`` whose ``field`` is this record's id (the member is a list, in stored order; deleted
    ones only with ``include_deleted``).
    """

    name: str
    resource: str
    field: str
    kind: Literal["one", "many", "back"]


EXPANSIONS: Mapping[str, Mapping[str, Expansion]] = {
    "employees": {
        e.name: e
        for e in (
            Expansion("manager", "employees", "manager_id", "one"),
            Expansion("company", "companies", "company_id", "one"),
            Expansion("groups", "groups", "group_ids", "many"),
            Expansion("employments", "employments", "employee_id", "back"),
        )
    },
    "employments": {"employee": Expansion("employee", "employees", "employee_id", "one")},
    "time_off_balances": {"employee": Expansion("employee", "employees", "employee_id", "one")},
    "time_off_requests": {"employee": Expansion("employee", "employees", "employee_id", "one")},
    "dependents": {"employee": Expansion("employee", "employees", "employee_id", "one")},
    "emergency_contacts": {"employee": Expansion("employee", "employees", "employee_id", "one")},
    "bank_accounts": {"employee": Expansion("employee", "employees", "employee_id", "one")},
    "benefits": {
        "employee": Expansion("employee", "employees", "employee_id", "one"),
        "employer_benefit": Expansion("employer_benefit", "employer_benefits", "employer_benefit_id", "one"),
    },
    "payroll_runs": {"pay_group": Expansion("pay_group", "pay_groups", "pay_group_id", "one")},
    "employee_payroll_runs": {
        "employee": Expansion("employee", "employees", "employee_id", "one"),
        "payroll_run": Expansion("payroll_run", "payroll_runs", "payroll_run_id", "one"),
    },
}
"""Resource → what ``expand`` may embed in its records, by member name."""


@dataclass(frozen=True)
class Selection:
    """The records a list read keeps and what it embeds in them.

    ``filters`` pairs each filter with its (normalised) value; all must hold.
    """

    filters: tuple[tuple[FilterSpec, str], ...] = ()
    include_deleted: bool = False
    expand: tuple[Expansion, ...] = ()

    def keeps(self, data: Mapping[str, Any]) -> bool:
        """Whether a record (JSON form or a model's ``__dict__``) passes every filter."""
        if not self.include_deleted and data.get("remote_was_deleted"):
            return False
        return all(spec.keeps(data, value) for spec, value in self.filters)


def _names(resource: str, expand: str | Iterable[str] | None) -> list[str]:
    if expand is None:
        return []
    parts = expand.split(",") if isinstance(expand, str) else list(expand)
    names: list[str] = []
    for part in parts:
        name = part.strip() if isinstance(part, str) else part
        if name and name not in names:
            names.append(name)
    return names


def select_for(
    resource: str,
    filters: Mapping[str, Any] | None = None,
    *,
    include_deleted: bool = False,
    expand: str | Iterable[str] | None = None,
) -> Selection:
    """The :class:`Selection` for a read of ``resource``, every input checked.

    ``filters`` maps parameter names to values (None: not filtered); ``expand`` is a comma list or
    an iterable of member names.

    Raises:
        InputError: an unknown filter or expansion, or a value a filter does not take; the message
            names it and what is allowed.

    """
    known = FILTERS.get(resource, {})
    chosen: list[tuple[FilterSpec, str]] = []
    for name, value in (filters or {}).items():
        if value is None:
            continue
        spec = known.get(name)
        if spec is None:
            allowed = ", ".join(known) or "none"
            raise InputError(
                f"{resource} cannot be filtered by {name!r}.",
                remedy=f"Filter {resource} by one of: {allowed}.",
            )
        chosen.append((spec, spec.normalise(value)))
    possible = EXPANSIONS.get(resource, {})
    embedded: list[Expansion] = []
    for name in _names(resource, expand):
        if not isinstance(name, str) or name not in possible:
            allowed = ", ".join(possible) or "nothing (this resource has no references to expand)"
            raise InputError(
                f"expand {name!r} is not a reference of {resource}.",
                remedy=f"expand takes a comma-separated list of: {allowed}.",
            )
        embedded.append(possible[name])
    return Selection(tuple(chosen), include_deleted, tuple(embedded))
