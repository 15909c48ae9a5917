from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.time_off_policy_type import TimeOffPolicyType
from ..models.time_off_unit import TimeOffUnit
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.employee import Employee
    from ..models.time_off_balance_listed_field_sources_type_0 import TimeOffBalanceListedFieldSourcesType0
    from ..models.time_off_balance_listed_remote_data_type_0 import TimeOffBalanceListedRemoteDataType0


T = TypeVar("T", bound="TimeOffBalanceListed")


@_attrs_define
class TimeOffBalanceListed:
    """How much time off one employee has under one policy, as of a date.

    In a list, with the references `expand` asked for.

        Attributes:
            id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
                read live from the provider or from the hub's store.
            accrued (float | None | Unset): The time earned in the current period.
            as_of (datetime.date | None | Unset): The date the amounts are valid for.
            balance (float | None | Unset): The time available to take now.
            created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
            employee (Employee | None | Unset): With `expand=employee`: the record of `employee_id`. Absent otherwise.
            employee_id (None | str | Unset): The hub id of the employee.
            field_sources (None | TimeOffBalanceListedFieldSourcesType0 | Unset): For each unified field, keyed by its name
                (dotted for nested values, e.g. `home_address.city`): the provider field's API name, the customer's label and
                the provider's raw value it came from. Only present when requested.
            modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
            pending (float | None | Unset): The time requested and awaiting approval, not yet deducted.
            policy_id (None | str | Unset): The hub id of the time-off policy.
            policy_type (None | TimeOffPolicyType | Unset): The kind of absence the policy covers.
            remote_data (None | TimeOffBalanceListedRemoteDataType0 | Unset): The provider's raw records this record was
                built from, keyed by provider record name. Only present when requested (`include_raw`). Unless the account's
                `include_sensitive` option is on, the members the connector declares sensitive (a national id, a date of birth,
                ethnicity, immigration or health data) are kept but their values are null; `remote_data_redacted` names them.
            remote_data_redacted (list[str] | None | Unset): Beside `remote_data`, always with it: each raw member whose
                value the hub replaced by null because it is sensitive, as `record.member` (e.g. `person-details.ssn`), sorted;
                every sensitive member present is listed, whatever its value. Empty when nothing was redacted (an account with
                `include_sensitive`).
            remote_id (None | str | Unset): The provider's own id for this balance, where the provider has one.
            remote_modified_at (datetime.datetime | None | Unset): When the provider last changed this record, as reported
                by the provider (UTC).
            remote_was_deleted (bool | Unset): True when the record has been deleted in the provider; the hub keeps the last
                copy. Default: False.
            resets_on (datetime.date | None | Unset): The date the balance next resets or rolls over.
            unit (None | TimeOffUnit | Unset): The unit of `balance`, `used`, `accrued` and `pending`.
            used (float | None | Unset): The time taken in the current period.
    """

    id: str
    accrued: float | None | Unset = UNSET
    as_of: datetime.date | None | Unset = UNSET
    balance: float | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    employee: Employee | None | Unset = UNSET
    employee_id: None | str | Unset = UNSET
    field_sources: None | TimeOffBalanceListedFieldSourcesType0 | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    pending: float | None | Unset = UNSET
    policy_id: None | str | Unset = UNSET
    policy_type: None | TimeOffPolicyType | Unset = UNSET
    remote_data: None | TimeOffBalanceListedRemoteDataType0 | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_id: None | str | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False
    resets_on: datetime.date | None | Unset = UNSET
    unit: None | TimeOffUnit | Unset = UNSET
    used: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.time_off_balance_listed_field_sources_type_0 import TimeOffBalanceListedFieldSourcesType0  # noqa: PLC0415
        from ..models.time_off_balance_listed_remote_data_type_0 import TimeOffBalanceListedRemoteDataType0  # noqa: PLC0415

        id = self.id

        accrued: float | None | Unset
        if isinstance(self.accrued, Unset):
            accrued = UNSET
        else:
            accrued = self.accrued

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        balance: float | None | Unset
        if isinstance(self.balance, Unset):
            balance = UNSET
        else:
            balance = self.balance

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        employee: dict[str, Any] | None | Unset
        if isinstance(self.employee, Unset):
            employee = UNSET
        elif isinstance(self.employee, Employee):
            employee = self.employee.to_dict()
        else:
            employee = self.employee

        employee_id: None | str | Unset
        if isinstance(self.employee_id, Unset):
            employee_id = UNSET
        else:
            employee_id = self.employee_id

        field_sources: dict[str, Any] | None | Unset
        if isinstance(self.field_sources, Unset):
            field_sources = UNSET
        elif isinstance(self.field_sources, TimeOffBalanceListedFieldSourcesType0):
            field_sources = self.field_sources.to_dict()
        else:
            field_sources = self.field_sources

        modified_at: None | str | Unset
        if isinstance(self.modified_at, Unset):
            modified_at = UNSET
        elif isinstance(self.modified_at, datetime.datetime):
            modified_at = self.modified_at.isoformat()
        else:
            modified_at = self.modified_at

        pending: float | None | Unset
        if isinstance(self.pending, Unset):
            pending = UNSET
        else:
            pending = self.pending

        policy_id: None | str | Unset
        if isinstance(self.policy_id, Unset):
            policy_id = UNSET
        else:
            policy_id = self.policy_id

        policy_type: None | str | Unset
        if isinstance(self.policy_type, Unset):
            policy_type = UNSET
        elif isinstance(self.policy_type, TimeOffPolicyType):
            policy_type = self.policy_type.value
        else:
            policy_type = self.policy_type

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, TimeOffBalanceListedRemoteDataType0):
            remote_data = self.remote_data.to_dict()
        else:
            remote_data = self.remote_data

        remote_data_redacted: list[str] | None | Unset
        if isinstance(self.remote_data_redacted, Unset):
            remote_data_redacted = UNSET
        elif isinstance(self.remote_data_redacted, list):
            remote_data_redacted = self.remote_data_redacted

        else:
            remote_data_redacted = self.remote_data_redacted

        remote_id: None | str | Unset
        if isinstance(self.remote_id, Unset):
            remote_id = UNSET
        else:
            remote_id = self.remote_id

        remote_modified_at: None | str | Unset
        if isinstance(self.remote_modified_at, Unset):
            remote_modified_at = UNSET
        elif isinstance(self.remote_modified_at, datetime.datetime):
            remote_modified_at = self.remote_modified_at.isoformat()
        else:
            remote_modified_at = self.remote_modified_at

        remote_was_deleted = self.remote_was_deleted

        resets_on: None | str | Unset
        if isinstance(self.resets_on, Unset):
            resets_on = UNSET
        elif isinstance(self.resets_on, datetime.date):
            resets_on = self.resets_on.isoformat()
        else:
            resets_on = self.resets_on

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, TimeOffUnit):
            unit = self.unit.value
        else:
            unit = self.unit

        used: float | None | Unset
        if isinstance(self.used, Unset):
            used = UNSET
        else:
            used = self.used

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if accrued is not UNSET:
            field_dict["accrued"] = accrued
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if balance is not UNSET:
            field_dict["balance"] = balance
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if employee is not UNSET:
            field_dict["employee"] = employee
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if pending is not UNSET:
            field_dict["pending"] = pending
        if policy_id is not UNSET:
            field_dict["policy_id"] = policy_id
        if policy_type is not UNSET:
            field_dict["policy_type"] = policy_type
        if remote_data is not UNSET:
            field_dict["remote_data"] = remote_data
        if remote_data_redacted is not UNSET:
            field_dict["remote_data_redacted"] = remote_data_redacted
        if remote_id is not UNSET:
            field_dict["remote_id"] = remote_id
        if remote_modified_at is not UNSET:
            field_dict["remote_modified_at"] = remote_modified_at
        if remote_was_deleted is not UNSET:
            field_dict["remote_was_deleted"] = remote_was_deleted
        if resets_on is not UNSET:
            field_dict["resets_on"] = resets_on
        if unit is not UNSET:
            field_dict["unit"] = unit
        if used is not UNSET:
            field_dict["used"] = used

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.time_off_balance_listed_field_sources_type_0 import TimeOffBalanceListedFieldSourcesType0  # noqa: PLC0415
        from ..models.time_off_balance_listed_remote_data_type_0 import TimeOffBalanceListedRemoteDataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_accrued(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        accrued = _parse_accrued(d.pop("accrued", UNSET))

        def _parse_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        def _parse_balance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        balance = _parse_balance(d.pop("balance", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_employee(data: object) -> Employee | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                employee_type_0 = Employee.from_dict(data)

                return employee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Employee | None | Unset, data)

        employee = _parse_employee(d.pop("employee", UNSET))

        def _parse_employee_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_id = _parse_employee_id(d.pop("employee_id", UNSET))

        def _parse_field_sources(data: object) -> None | TimeOffBalanceListedFieldSourcesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = TimeOffBalanceListedFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeOffBalanceListedFieldSourcesType0 | Unset, data)

        field_sources = _parse_field_sources(d.pop("field_sources", UNSET))

        def _parse_modified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                modified_at_type_0 = datetime.datetime.fromisoformat(data)

                return modified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        modified_at = _parse_modified_at(d.pop("modified_at", UNSET))

        def _parse_pending(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pending = _parse_pending(d.pop("pending", UNSET))

        def _parse_policy_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_id = _parse_policy_id(d.pop("policy_id", UNSET))

        def _parse_policy_type(data: object) -> None | TimeOffPolicyType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                policy_type_type_0 = TimeOffPolicyType(data)

                return policy_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeOffPolicyType | Unset, data)

        policy_type = _parse_policy_type(d.pop("policy_type", UNSET))

        def _parse_remote_data(data: object) -> None | TimeOffBalanceListedRemoteDataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = TimeOffBalanceListedRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeOffBalanceListedRemoteDataType0 | Unset, data)

        remote_data = _parse_remote_data(d.pop("remote_data", UNSET))

        def _parse_remote_data_redacted(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                remote_data_redacted_type_0 = cast(list[str], data)

                return remote_data_redacted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        remote_data_redacted = _parse_remote_data_redacted(d.pop("remote_data_redacted", UNSET))

        def _parse_remote_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remote_id = _parse_remote_id(d.pop("remote_id", UNSET))

        def _parse_remote_modified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remote_modified_at_type_0 = datetime.datetime.fromisoformat(data)

                return remote_modified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        remote_modified_at = _parse_remote_modified_at(d.pop("remote_modified_at", UNSET))

        remote_was_deleted = d.pop("remote_was_deleted", UNSET)

        def _parse_resets_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resets_on_type_0 = datetime.date.fromisoformat(data)

                return resets_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        resets_on = _parse_resets_on(d.pop("resets_on", UNSET))

        def _parse_unit(data: object) -> None | TimeOffUnit | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_type_0 = TimeOffUnit(data)

                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeOffUnit | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_used(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        used = _parse_used(d.pop("used", UNSET))

        time_off_balance_listed = cls(
            id=id,
            accrued=accrued,
            as_of=as_of,
            balance=balance,
            created_at=created_at,
            employee=employee,
            employee_id=employee_id,
            field_sources=field_sources,
            modified_at=modified_at,
            pending=pending,
            policy_id=policy_id,
            policy_type=policy_type,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_id=remote_id,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
            resets_on=resets_on,
            unit=unit,
            used=used,
        )

        return time_off_balance_listed
