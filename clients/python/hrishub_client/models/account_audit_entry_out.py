from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_audit_entry_out_action import AccountAuditEntryOutAction
from ..models.account_audit_entry_out_actor import AccountAuditEntryOutActor
from ..models.account_audit_entry_out_outcome import AccountAuditEntryOutOutcome

if TYPE_CHECKING:
    from ..models.account_audit_entry_out_details import AccountAuditEntryOutDetails


T = TypeVar("T", bound="AccountAuditEntryOut")


@_attrs_define
class AccountAuditEntryOut:
    """One account action as audited: who, when, from where, what, and its outcome; never a secret.

    Attributes:
        account_id (None | str):
        action (AccountAuditEntryOutAction): `link`, `credentials` (rotated), `options` (changed), `pause`, `resume`,
            `delete`, or `sync` (started).
        actor (AccountAuditEntryOutActor): `api` (an API key), `link_page` (an HR admin on a linking page) or `cli`.
        address (None | str): The client address the hub's server saw (no forwarded header).
        at (datetime.datetime): When the action was asked for.
        customer_id (None | str):
        details (AccountAuditEntryOutDetails): Non-secret details: the option names changed, the credential field names
            sent, `full`/`force`/`wait` and the `run_id` of a sync, the `connector` of a link.
        id (int):
        key_prefix (None | str): The first characters of the API key used; never the key.
        outcome (AccountAuditEntryOutOutcome):
        problem (None | str): The problem type slug the action was refused with (`provider-credentials-rejected`,
            `account-paused`, ...); null when it succeeded.
        user (None | str): The operating-system user of a command-line action.
    """

    account_id: None | str
    action: AccountAuditEntryOutAction
    actor: AccountAuditEntryOutActor
    address: None | str
    at: datetime.datetime
    customer_id: None | str
    details: AccountAuditEntryOutDetails
    id: int
    key_prefix: None | str
    outcome: AccountAuditEntryOutOutcome
    problem: None | str
    user: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id: None | str
        account_id = self.account_id

        action = self.action.value

        actor = self.actor.value

        address: None | str
        address = self.address

        at = self.at.isoformat()

        customer_id: None | str
        customer_id = self.customer_id

        details = self.details.to_dict()

        id = self.id

        key_prefix: None | str
        key_prefix = self.key_prefix

        outcome = self.outcome.value

        problem: None | str
        problem = self.problem

        user: None | str
        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "action": action,
                "actor": actor,
                "address": address,
                "at": at,
                "customer_id": customer_id,
                "details": details,
                "id": id,
                "key_prefix": key_prefix,
                "outcome": outcome,
                "problem": problem,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_audit_entry_out_details import AccountAuditEntryOutDetails  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))

        action = AccountAuditEntryOutAction(d.pop("action"))

        actor = AccountAuditEntryOutActor(d.pop("actor"))

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_customer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))

        details = AccountAuditEntryOutDetails.from_dict(d.pop("details"))

        id = d.pop("id")

        def _parse_key_prefix(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_prefix = _parse_key_prefix(d.pop("key_prefix"))

        outcome = AccountAuditEntryOutOutcome(d.pop("outcome"))

        def _parse_problem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        problem = _parse_problem(d.pop("problem"))

        def _parse_user(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user = _parse_user(d.pop("user"))

        account_audit_entry_out = cls(
            account_id=account_id,
            action=action,
            actor=actor,
            address=address,
            at=at,
            customer_id=customer_id,
            details=details,
            id=id,
            key_prefix=key_prefix,
            outcome=outcome,
            problem=problem,
            user=user,
        )

        account_audit_entry_out.additional_properties = d
        return account_audit_entry_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
