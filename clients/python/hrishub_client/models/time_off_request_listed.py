from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.time_off_policy_type import TimeOffPolicyType
from ..models.time_off_request_status import TimeOffRequestStatus
from ..models.time_off_unit import TimeOffUnit
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.employee import Employee
    from ..models.time_off_request_listed_field_sources_type_0 import TimeOffRequestListedFieldSourcesType0
    from ..models.time_off_request_listed_remote_data_type_0 import TimeOffRequestListedRemoteDataType0


T = TypeVar("T", bound="TimeOffRequestListed")


@_attrs_define
class TimeOffRequestListed:
    """An employee's request for time off, and where it is in approval.

    In a list, with the references `expand` asked for.

        Attributes:
            id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
                read live from the provider or from the hub's store.
            remote_id (str): The provider's own id for this request.
            amount (float | None | Unset): How much time is asked for, in `unit`.
            approver_id (None | str | Unset): The hub id of the employee who approves or approved it.
            created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
            employee (Employee | None | Unset): With `expand=employee`: the record of `employee_id`. Absent otherwise.
            employee_id (None | str | Unset): The hub id of the employee who asked.
            employee_note (None | str | Unset): The employee's note on the request.
            end_time (datetime.datetime | None | Unset): When the time off ends (UTC).
            field_sources (None | TimeOffRequestListedFieldSourcesType0 | Unset): For each unified field, keyed by its name
                (dotted for nested values, e.g. `home_address.city`): the provider field's API name, the customer's label and
                the provider's raw value it came from. Only present when requested.
            modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
            policy_id (None | str | Unset): The hub id of the policy the time comes from.
            remote_data (None | TimeOffRequestListedRemoteDataType0 | Unset): The provider's raw records this record was
                built from, keyed by provider record name. Only present when requested (`include_raw`). Unless the account's
                `include_sensitive` option is on, the members the connector declares sensitive (a national id, a date of birth,
                ethnicity, immigration or health data) are kept but their values are null; `remote_data_redacted` names them.
            remote_data_redacted (list[str] | None | Unset): Beside `remote_data`, always with it: each raw member whose
                value the hub replaced by null because it is sensitive, as `record.member` (e.g. `person-details.ssn`), sorted;
                every sensitive member present is listed, whatever its value. Empty when nothing was redacted (an account with
                `include_sensitive`).
            remote_modified_at (datetime.datetime | None | Unset): When the provider last changed this record, as reported
                by the provider (UTC).
            remote_was_deleted (bool | Unset): True when the record has been deleted in the provider; the hub keeps the last
                copy. Default: False.
            request_type (None | TimeOffPolicyType | Unset): The kind of absence asked for.
            start_time (datetime.datetime | None | Unset): When the time off begins (UTC).
            status (None | TimeOffRequestStatus | Unset): Where the request is in approval.
            unit (None | TimeOffUnit | Unset): The unit of `amount`.
    """

    id: str
    remote_id: str
    amount: float | None | Unset = UNSET
    approver_id: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    employee: Employee | None | Unset = UNSET
    employee_id: None | str | Unset = UNSET
    employee_note: None | str | Unset = UNSET
    end_time: datetime.datetime | None | Unset = UNSET
    field_sources: None | TimeOffRequestListedFieldSourcesType0 | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    policy_id: None | str | Unset = UNSET
    remote_data: None | TimeOffRequestListedRemoteDataType0 | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False
    request_type: None | TimeOffPolicyType | Unset = UNSET
    start_time: datetime.datetime | None | Unset = UNSET
    status: None | TimeOffRequestStatus | Unset = UNSET
    unit: None | TimeOffUnit | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.time_off_request_listed_field_sources_type_0 import TimeOffRequestListedFieldSourcesType0  # noqa: PLC0415
        from ..models.time_off_request_listed_remote_data_type_0 import TimeOffRequestListedRemoteDataType0  # noqa: PLC0415

        id = self.id

        remote_id = self.remote_id

        amount: float | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        approver_id: None | str | Unset
        if isinstance(self.approver_id, Unset):
            approver_id = UNSET
        else:
            approver_id = self.approver_id

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

        employee_note: None | str | Unset
        if isinstance(self.employee_note, Unset):
            employee_note = UNSET
        else:
            employee_note = self.employee_note

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        elif isinstance(self.end_time, datetime.datetime):
            end_time = self.end_time.isoformat()
        else:
            end_time = self.end_time

        field_sources: dict[str, Any] | None | Unset
        if isinstance(self.field_sources, Unset):
            field_sources = UNSET
        elif isinstance(self.field_sources, TimeOffRequestListedFieldSourcesType0):
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

        policy_id: None | str | Unset
        if isinstance(self.policy_id, Unset):
            policy_id = UNSET
        else:
            policy_id = self.policy_id

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, TimeOffRequestListedRemoteDataType0):
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

        remote_modified_at: None | str | Unset
        if isinstance(self.remote_modified_at, Unset):
            remote_modified_at = UNSET
        elif isinstance(self.remote_modified_at, datetime.datetime):
            remote_modified_at = self.remote_modified_at.isoformat()
        else:
            remote_modified_at = self.remote_modified_at

        remote_was_deleted = self.remote_was_deleted

        request_type: None | str | Unset
        if isinstance(self.request_type, Unset):
            request_type = UNSET
        elif isinstance(self.request_type, TimeOffPolicyType):
            request_type = self.request_type.value
        else:
            request_type = self.request_type

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        elif isinstance(self.start_time, datetime.datetime):
            start_time = self.start_time.isoformat()
        else:
            start_time = self.start_time

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, TimeOffRequestStatus):
            status = self.status.value
        else:
            status = self.status

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, TimeOffUnit):
            unit = self.unit.value
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "remote_id": remote_id,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if approver_id is not UNSET:
            field_dict["approver_id"] = approver_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if employee is not UNSET:
            field_dict["employee"] = employee
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if employee_note is not UNSET:
            field_dict["employee_note"] = employee_note
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if policy_id is not UNSET:
            field_dict["policy_id"] = policy_id
        if remote_data is not UNSET:
            field_dict["remote_data"] = remote_data
        if remote_data_redacted is not UNSET:
            field_dict["remote_data_redacted"] = remote_data_redacted
        if remote_modified_at is not UNSET:
            field_dict["remote_modified_at"] = remote_modified_at
        if remote_was_deleted is not UNSET:
            field_dict["remote_was_deleted"] = remote_was_deleted
        if request_type is not UNSET:
            field_dict["request_type"] = request_type
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if status is not UNSET:
            field_dict["status"] = status
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.time_off_request_listed_field_sources_type_0 import TimeOffRequestListedFieldSourcesType0  # noqa: PLC0415
        from ..models.time_off_request_listed_remote_data_type_0 import TimeOffRequestListedRemoteDataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        remote_id = d.pop("remote_id")

        def _parse_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_approver_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approver_id = _parse_approver_id(d.pop("approver_id", UNSET))

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

        def _parse_employee_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_note = _parse_employee_note(d.pop("employee_note", UNSET))

        def _parse_end_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_time_type_0 = datetime.datetime.fromisoformat(data)

                return end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        def _parse_field_sources(data: object) -> None | TimeOffRequestListedFieldSourcesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = TimeOffRequestListedFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeOffRequestListedFieldSourcesType0 | Unset, data)

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

        def _parse_policy_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_id = _parse_policy_id(d.pop("policy_id", UNSET))

        def _parse_remote_data(data: object) -> None | TimeOffRequestListedRemoteDataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = TimeOffRequestListedRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeOffRequestListedRemoteDataType0 | Unset, data)

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

        def _parse_request_type(data: object) -> None | TimeOffPolicyType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                request_type_type_0 = TimeOffPolicyType(data)

                return request_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeOffPolicyType | Unset, data)

        request_type = _parse_request_type(d.pop("request_type", UNSET))

        def _parse_start_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_time_type_0 = datetime.datetime.fromisoformat(data)

                return start_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        def _parse_status(data: object) -> None | TimeOffRequestStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = TimeOffRequestStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeOffRequestStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

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

        time_off_request_listed = cls(
            id=id,
            remote_id=remote_id,
            amount=amount,
            approver_id=approver_id,
            created_at=created_at,
            employee=employee,
            employee_id=employee_id,
            employee_note=employee_note,
            end_time=end_time,
            field_sources=field_sources,
            modified_at=modified_at,
            policy_id=policy_id,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
            request_type=request_type,
            start_time=start_time,
            status=status,
            unit=unit,
        )

        return time_off_request_listed
