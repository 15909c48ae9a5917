from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.bank_account_type import BankAccountType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bank_info_listed_field_sources_type_0 import BankInfoListedFieldSourcesType0
    from ..models.bank_info_listed_remote_data_type_0 import BankInfoListedRemoteDataType0
    from ..models.employee import Employee


T = TypeVar("T", bound="BankInfoListed")


@_attrs_define
class BankInfoListed:
    """One bank account of an employee's direct deposit: the bank, the account, and the share of pay.

        The account number is served masked (all but its last four characters replaced by ``*``) unless
        the hub's operator enables full numbers; it is sensitive too, so it is null for accounts without
        ``include_sensitive``.


    In a list, with the references `expand` asked for.

        Attributes:
            id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
                read live from the provider or from the hub's store.
            remote_id (str): The provider's own id for this deposit account.
            account_number (None | str | Unset): The account number, masked (`*****6789`) unless the operator enables full
                numbers.
            account_type (BankAccountType | None | Unset): Checking or savings.
            amount (float | None | Unset): The fixed amount deposited each pay, when the deposit is an amount.
            bank_name (None | str | Unset): The bank's name.
            created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
            employee (Employee | None | Unset): With `expand=employee`: the record of `employee_id`. Absent otherwise.
            employee_id (None | str | Unset): The hub id of the employee.
            field_sources (BankInfoListedFieldSourcesType0 | None | Unset): For each unified field, keyed by its name
                (dotted for nested values, e.g. `home_address.city`): the provider field's API name, the customer's label and
                the provider's raw value it came from. Only present when requested.
            is_active (bool | None | Unset): False when the account is no longer used.
            is_prenote (bool | None | Unset): True while the account is being verified (prenote) and not yet paid into.
            is_remainder (bool | None | Unset): True for the account that receives what is left of net pay.
            modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
            order (int | None | Unset): The order in which deposits are made (1 first); the remainder is last.
            percent (float | None | Unset): The percent of net pay deposited, when the deposit is a percent.
            remote_created_at (datetime.datetime | None | Unset): When the account was added in the provider (UTC), where
                known.
            remote_data (BankInfoListedRemoteDataType0 | None | Unset): The provider's raw records this record was built
                from, keyed by provider record name. Only present when requested (`include_raw`). Unless the account's
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
            routing_number (None | str | Unset): The bank's routing (ABA) or transit number.
    """

    id: str
    remote_id: str
    account_number: None | str | Unset = UNSET
    account_type: BankAccountType | None | Unset = UNSET
    amount: float | None | Unset = UNSET
    bank_name: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    employee: Employee | None | Unset = UNSET
    employee_id: None | str | Unset = UNSET
    field_sources: BankInfoListedFieldSourcesType0 | None | Unset = UNSET
    is_active: bool | None | Unset = UNSET
    is_prenote: bool | None | Unset = UNSET
    is_remainder: bool | None | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    order: int | None | Unset = UNSET
    percent: float | None | Unset = UNSET
    remote_created_at: datetime.datetime | None | Unset = UNSET
    remote_data: BankInfoListedRemoteDataType0 | None | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False
    routing_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.bank_info_listed_field_sources_type_0 import BankInfoListedFieldSourcesType0  # noqa: PLC0415
        from ..models.bank_info_listed_remote_data_type_0 import BankInfoListedRemoteDataType0  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415

        id = self.id

        remote_id = self.remote_id

        account_number: None | str | Unset
        if isinstance(self.account_number, Unset):
            account_number = UNSET
        else:
            account_number = self.account_number

        account_type: None | str | Unset
        if isinstance(self.account_type, Unset):
            account_type = UNSET
        elif isinstance(self.account_type, BankAccountType):
            account_type = self.account_type.value
        else:
            account_type = self.account_type

        amount: float | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        bank_name: None | str | Unset
        if isinstance(self.bank_name, Unset):
            bank_name = UNSET
        else:
            bank_name = self.bank_name

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
        elif isinstance(self.field_sources, BankInfoListedFieldSourcesType0):
            field_sources = self.field_sources.to_dict()
        else:
            field_sources = self.field_sources

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        is_prenote: bool | None | Unset
        if isinstance(self.is_prenote, Unset):
            is_prenote = UNSET
        else:
            is_prenote = self.is_prenote

        is_remainder: bool | None | Unset
        if isinstance(self.is_remainder, Unset):
            is_remainder = UNSET
        else:
            is_remainder = self.is_remainder

        modified_at: None | str | Unset
        if isinstance(self.modified_at, Unset):
            modified_at = UNSET
        elif isinstance(self.modified_at, datetime.datetime):
            modified_at = self.modified_at.isoformat()
        else:
            modified_at = self.modified_at

        order: int | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        else:
            order = self.order

        percent: float | None | Unset
        if isinstance(self.percent, Unset):
            percent = UNSET
        else:
            percent = self.percent

        remote_created_at: None | str | Unset
        if isinstance(self.remote_created_at, Unset):
            remote_created_at = UNSET
        elif isinstance(self.remote_created_at, datetime.datetime):
            remote_created_at = self.remote_created_at.isoformat()
        else:
            remote_created_at = self.remote_created_at

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, BankInfoListedRemoteDataType0):
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

        routing_number: None | str | Unset
        if isinstance(self.routing_number, Unset):
            routing_number = UNSET
        else:
            routing_number = self.routing_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "remote_id": remote_id,
            }
        )
        if account_number is not UNSET:
            field_dict["account_number"] = account_number
        if account_type is not UNSET:
            field_dict["account_type"] = account_type
        if amount is not UNSET:
            field_dict["amount"] = amount
        if bank_name is not UNSET:
            field_dict["bank_name"] = bank_name
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if employee is not UNSET:
            field_dict["employee"] = employee
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if is_prenote is not UNSET:
            field_dict["is_prenote"] = is_prenote
        if is_remainder is not UNSET:
            field_dict["is_remainder"] = is_remainder
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if order is not UNSET:
            field_dict["order"] = order
        if percent is not UNSET:
            field_dict["percent"] = percent
        if remote_created_at is not UNSET:
            field_dict["remote_created_at"] = remote_created_at
        if remote_data is not UNSET:
            field_dict["remote_data"] = remote_data
        if remote_data_redacted is not UNSET:
            field_dict["remote_data_redacted"] = remote_data_redacted
        if remote_modified_at is not UNSET:
            field_dict["remote_modified_at"] = remote_modified_at
        if remote_was_deleted is not UNSET:
            field_dict["remote_was_deleted"] = remote_was_deleted
        if routing_number is not UNSET:
            field_dict["routing_number"] = routing_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bank_info_listed_field_sources_type_0 import BankInfoListedFieldSourcesType0  # noqa: PLC0415
        from ..models.bank_info_listed_remote_data_type_0 import BankInfoListedRemoteDataType0  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        remote_id = d.pop("remote_id")

        def _parse_account_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account_number = _parse_account_number(d.pop("account_number", UNSET))

        def _parse_account_type(data: object) -> BankAccountType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_type_type_0 = BankAccountType(data)

                return account_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankAccountType | None | Unset, data)

        account_type = _parse_account_type(d.pop("account_type", UNSET))

        def _parse_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_bank_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_name = _parse_bank_name(d.pop("bank_name", UNSET))

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

        def _parse_field_sources(data: object) -> BankInfoListedFieldSourcesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = BankInfoListedFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankInfoListedFieldSourcesType0 | None | Unset, data)

        field_sources = _parse_field_sources(d.pop("field_sources", UNSET))

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        def _parse_is_prenote(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_prenote = _parse_is_prenote(d.pop("is_prenote", UNSET))

        def _parse_is_remainder(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_remainder = _parse_is_remainder(d.pop("is_remainder", UNSET))

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

        def _parse_order(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        order = _parse_order(d.pop("order", UNSET))

        def _parse_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        percent = _parse_percent(d.pop("percent", UNSET))

        def _parse_remote_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remote_created_at_type_0 = datetime.datetime.fromisoformat(data)

                return remote_created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        remote_created_at = _parse_remote_created_at(d.pop("remote_created_at", UNSET))

        def _parse_remote_data(data: object) -> BankInfoListedRemoteDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = BankInfoListedRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankInfoListedRemoteDataType0 | None | Unset, data)

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

        def _parse_routing_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        routing_number = _parse_routing_number(d.pop("routing_number", UNSET))

        bank_info_listed = cls(
            id=id,
            remote_id=remote_id,
            account_number=account_number,
            account_type=account_type,
            amount=amount,
            bank_name=bank_name,
            created_at=created_at,
            employee=employee,
            employee_id=employee_id,
            field_sources=field_sources,
            is_active=is_active,
            is_prenote=is_prenote,
            is_remainder=is_remainder,
            modified_at=modified_at,
            order=order,
            percent=percent,
            remote_created_at=remote_created_at,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
            routing_number=routing_number,
        )

        return bank_info_listed
