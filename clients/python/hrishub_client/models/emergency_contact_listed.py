from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contact_relationship import ContactRelationship
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.emergency_contact_listed_field_sources_type_0 import EmergencyContactListedFieldSourcesType0
    from ..models.emergency_contact_listed_remote_data_type_0 import EmergencyContactListedRemoteDataType0
    from ..models.employee import Employee


T = TypeVar("T", bound="EmergencyContactListed")


@_attrs_define
class EmergencyContactListed:
    """A person to call about an employee in an emergency.

    In a list, with the references `expand` asked for.

        Attributes:
            id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
                read live from the provider or from the hub's store.
            remote_id (str): The provider's own id for this contact.
            created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
            email (None | str | Unset): The contact's e-mail address.
            employee (Employee | None | Unset): With `expand=employee`: the record of `employee_id`. Absent otherwise.
            employee_id (None | str | Unset): The hub id of the employee.
            field_sources (EmergencyContactListedFieldSourcesType0 | None | Unset): For each unified field, keyed by its
                name (dotted for nested values, e.g. `home_address.city`): the provider field's API name, the customer's label
                and the provider's raw value it came from. Only present when requested.
            first_name (None | str | Unset): The contact's first name.
            home_address (Address | None | Unset): The contact's home address.
            home_phone (None | str | Unset): The contact's home phone number.
            is_active (bool | None | Unset): False when the contact is no longer current.
            last_name (None | str | Unset): The contact's last name.
            mobile_phone (None | str | Unset): The contact's other (mobile) phone number.
            modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
            relationship (ContactRelationship | None | Unset): How the contact is related to the employee.
            relationship_name (None | str | Unset): The customer's own name for the relationship.
            remote_data (EmergencyContactListedRemoteDataType0 | None | Unset): The provider's raw records this record was
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
            work_phone (None | str | Unset): The contact's work phone number.
    """

    id: str
    remote_id: str
    created_at: datetime.datetime | None | Unset = UNSET
    email: None | str | Unset = UNSET
    employee: Employee | None | Unset = UNSET
    employee_id: None | str | Unset = UNSET
    field_sources: EmergencyContactListedFieldSourcesType0 | None | Unset = UNSET
    first_name: None | str | Unset = UNSET
    home_address: Address | None | Unset = UNSET
    home_phone: None | str | Unset = UNSET
    is_active: bool | None | Unset = UNSET
    last_name: None | str | Unset = UNSET
    mobile_phone: None | str | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    relationship: ContactRelationship | None | Unset = UNSET
    relationship_name: None | str | Unset = UNSET
    remote_data: EmergencyContactListedRemoteDataType0 | None | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False
    work_phone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.emergency_contact_listed_field_sources_type_0 import EmergencyContactListedFieldSourcesType0  # noqa: PLC0415
        from ..models.emergency_contact_listed_remote_data_type_0 import EmergencyContactListedRemoteDataType0  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415

        id = self.id

        remote_id = self.remote_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

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
        elif isinstance(self.field_sources, EmergencyContactListedFieldSourcesType0):
            field_sources = self.field_sources.to_dict()
        else:
            field_sources = self.field_sources

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        home_address: dict[str, Any] | None | Unset
        if isinstance(self.home_address, Unset):
            home_address = UNSET
        elif isinstance(self.home_address, Address):
            home_address = self.home_address.to_dict()
        else:
            home_address = self.home_address

        home_phone: None | str | Unset
        if isinstance(self.home_phone, Unset):
            home_phone = UNSET
        else:
            home_phone = self.home_phone

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        mobile_phone: None | str | Unset
        if isinstance(self.mobile_phone, Unset):
            mobile_phone = UNSET
        else:
            mobile_phone = self.mobile_phone

        modified_at: None | str | Unset
        if isinstance(self.modified_at, Unset):
            modified_at = UNSET
        elif isinstance(self.modified_at, datetime.datetime):
            modified_at = self.modified_at.isoformat()
        else:
            modified_at = self.modified_at

        relationship: None | str | Unset
        if isinstance(self.relationship, Unset):
            relationship = UNSET
        elif isinstance(self.relationship, ContactRelationship):
            relationship = self.relationship.value
        else:
            relationship = self.relationship

        relationship_name: None | str | Unset
        if isinstance(self.relationship_name, Unset):
            relationship_name = UNSET
        else:
            relationship_name = self.relationship_name

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, EmergencyContactListedRemoteDataType0):
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

        work_phone: None | str | Unset
        if isinstance(self.work_phone, Unset):
            work_phone = UNSET
        else:
            work_phone = self.work_phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "remote_id": remote_id,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if email is not UNSET:
            field_dict["email"] = email
        if employee is not UNSET:
            field_dict["employee"] = employee
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if home_address is not UNSET:
            field_dict["home_address"] = home_address
        if home_phone is not UNSET:
            field_dict["home_phone"] = home_phone
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if mobile_phone is not UNSET:
            field_dict["mobile_phone"] = mobile_phone
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if relationship is not UNSET:
            field_dict["relationship"] = relationship
        if relationship_name is not UNSET:
            field_dict["relationship_name"] = relationship_name
        if remote_data is not UNSET:
            field_dict["remote_data"] = remote_data
        if remote_data_redacted is not UNSET:
            field_dict["remote_data_redacted"] = remote_data_redacted
        if remote_modified_at is not UNSET:
            field_dict["remote_modified_at"] = remote_modified_at
        if remote_was_deleted is not UNSET:
            field_dict["remote_was_deleted"] = remote_was_deleted
        if work_phone is not UNSET:
            field_dict["work_phone"] = work_phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.emergency_contact_listed_field_sources_type_0 import EmergencyContactListedFieldSourcesType0  # noqa: PLC0415
        from ..models.emergency_contact_listed_remote_data_type_0 import EmergencyContactListedRemoteDataType0  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        remote_id = d.pop("remote_id")

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

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

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

        def _parse_field_sources(data: object) -> EmergencyContactListedFieldSourcesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = EmergencyContactListedFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmergencyContactListedFieldSourcesType0 | None | Unset, data)

        field_sources = _parse_field_sources(d.pop("field_sources", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_home_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                home_address_type_0 = Address.from_dict(data)

                return home_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Address | None | Unset, data)

        home_address = _parse_home_address(d.pop("home_address", UNSET))

        def _parse_home_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        home_phone = _parse_home_phone(d.pop("home_phone", UNSET))

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_mobile_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobile_phone = _parse_mobile_phone(d.pop("mobile_phone", UNSET))

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

        def _parse_relationship(data: object) -> ContactRelationship | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relationship_type_0 = ContactRelationship(data)

                return relationship_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactRelationship | None | Unset, data)

        relationship = _parse_relationship(d.pop("relationship", UNSET))

        def _parse_relationship_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relationship_name = _parse_relationship_name(d.pop("relationship_name", UNSET))

        def _parse_remote_data(data: object) -> EmergencyContactListedRemoteDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = EmergencyContactListedRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmergencyContactListedRemoteDataType0 | None | Unset, data)

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

        def _parse_work_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        work_phone = _parse_work_phone(d.pop("work_phone", UNSET))

        emergency_contact_listed = cls(
            id=id,
            remote_id=remote_id,
            created_at=created_at,
            email=email,
            employee=employee,
            employee_id=employee_id,
            field_sources=field_sources,
            first_name=first_name,
            home_address=home_address,
            home_phone=home_phone,
            is_active=is_active,
            last_name=last_name,
            mobile_phone=mobile_phone,
            modified_at=modified_at,
            relationship=relationship,
            relationship_name=relationship_name,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
            work_phone=work_phone,
        )

        return emergency_contact_listed
