"""The linking form, generated from a connector's credential JSON Schema: any connector gets one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hub.accounts import PermissionReport
from hub.connector import Connector

__all__ = ["ActionLine", "FormField", "action_lines", "action_title", "form_fields"]


@dataclass(frozen=True)
class FormField:
    """One input of the form, with what the page needs to label, explain and check it."""

    name: str
    title: str
    help: str
    example: str
    default: str
    secret: bool
    required: bool
    must_fill: bool
    min_length: int | None
    max_length: int | None
    pattern: str | None

    @property
    def input_type(self) -> str:
        """``password`` for masked fields (never shown, never filled back), ``text`` otherwise."""
        return "password" if self.secret else "text"

    @property
    def autocomplete(self) -> str:
        """Keep browsers from offering the admin's own saved logins for a service account."""
        return "new-password" if self.secret else "off"


def _example(spec: Mapping[str, Any]) -> str:
    examples = [e for e in spec.get("examples", ()) if isinstance(e, str)]
    return examples[0] if examples else ""


def form_fields(connector: Connector) -> list[FormField]:
    """The form's inputs, in the schema's order."""
    schema = connector.credentials_schema
    required = set(schema.get("required", ()))
    fields = []
    for name, spec in schema.get("properties", {}).items():
        default = spec.get("default")
        fields.append(
            FormField(
                name=name,
                title=str(spec.get("title") or name.replace("_", " ").capitalize()),
                help=str(spec.get("description", "")),
                example="" if spec.get("format") == "password" else _example(spec),
                default=default if isinstance(default, str) else "",
                # Masked on the page: a password. A writeOnly value that an admin reads off a screen
                # (UKG's customer API key) stays visible and is kept after a failed submit; the API
                # never returns it and the hub never logs it either way.
                secret=spec.get("format") == "password",
                required=name in required,
                # JSON Schema's "required" means present, which every form field is; empty is refused
                # before submit only where the schema refuses an empty string.
                must_fill=name in required and (spec.get("minLength") or 0) >= 1,
                min_length=spec.get("minLength"),
                max_length=spec.get("maxLength"),
                pattern=spec.get("pattern"),
            )
        )
    return fields


def action_title(action: str) -> str:
    """``time_off_balances.list`` → ``List time off balances``: an action as an HR admin reads it."""
    model, _, verb = action.partition(".")
    words = model.replace("_", " ")
    if verb == "get":
        return f"Read one of the {words}"
    return f"{verb.replace('_', ' ').capitalize()} {words}" if verb else words.capitalize()


@dataclass(frozen=True)
class ActionLine:
    """One action of the permissions summary: enabled, or the permissions still to tick."""

    action: str
    title: str
    enabled: bool
    missing: tuple[str, ...]
    reason: str


def action_lines(report: PermissionReport, wanted: Iterable[str]) -> list[ActionLine]:
    """The summary's lines: the session's actions (every supported one when none were named)."""
    names = list(wanted) or [a for a, s in report.actions.items() if s.enabled or s.missing]
    lines = []
    for action in names:
        status = report.actions.get(action)
        if status is None:
            continue
        lines.append(ActionLine(action, action_title(action), status.enabled, status.missing, status.reason))
    return lines
