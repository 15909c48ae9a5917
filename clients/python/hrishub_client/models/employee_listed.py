from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.employment_status import EmploymentStatus
from ..models.employment_type import EmploymentType
from ..models.ethnicity import Ethnicity
from ..models.gender import Gender
from ..models.marital_status import MaritalStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.company import Company
    from ..models.employee import Employee
    from ..models.employee_listed_custom_fields_type_0 import EmployeeListedCustomFieldsType0
    from ..models.employee_listed_field_sources_type_0 import EmployeeListedFieldSourcesType0
    from ..models.employee_listed_remote_data_type_0 import EmployeeListedRemoteDataType0
    from ..models.employment import Employment
    from ..models.group import Group


T = TypeVar("T", bound="EmployeeListed")


@_attrs_define
class EmployeeListed:
    """A person who works, worked or is about to work for the company.

        Fields marked :data:`~unified_models.base.SENSITIVE` (see
        :data:`unified_models.SENSITIVE_FIELDS`) are returned only where the account's settings allow;
        otherwise they are null.


    In a list, with the references `expand` asked for.

        Attributes:
            id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
                read live from the provider or from the hub's store.
            remote_id (str): The provider's own id for this employee.
            company (Company | None | Unset): With `expand=company`: the record of `company_id`. Absent otherwise.
            company_id (None | str | Unset): The hub id of the company that employs them.
            created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
            custom_fields (EmployeeListedCustomFieldsType0 | None | Unset): The provider's custom (user-defined) fields,
                keyed by the customer's own label.
            date_of_birth (datetime.date | None | Unset): The date of birth (sensitive).
            department_id (None | str | Unset): The hub id of the group that is the employee's department (which
                organisation level is the department follows the customer's own labels).
            display_full_name (None | str | Unset): The full name to display, as the HR system formats it.
            employee_number (None | str | Unset): The employee number the company uses for this person.
            employment_status (EmploymentStatus | None | Unset): Whether the person is active, not yet started, on leave or
                gone.
            employment_type (EmploymentType | None | Unset): The kind of work arrangement of the current job.
            employments (list[Employment] | None | Unset): With `expand=employments`: the records of `employee_id` (this
                record's id there). Absent otherwise.
            ethnicity (Ethnicity | None | Unset): The ethnicity recorded in the HR system (sensitive).
            field_sources (EmployeeListedFieldSourcesType0 | None | Unset): For each unified field, keyed by its name
                (dotted for nested values, e.g. `home_address.city`): the provider field's API name, the customer's label and
                the provider's raw value it came from. Only present when requested.
            first_name (None | str | Unset): The legal first (given) name.
            gender (Gender | None | Unset): The gender recorded in the HR system.
            group_ids (list[str] | None | Unset): The hub ids of every group the employee belongs to (departments, teams,
                cost centres).
            groups (list[Group] | None | Unset): With `expand=groups`: the records of `group_ids`. Absent otherwise.
            hire_date (datetime.date | None | Unset): The date of the most recent hire.
            home_address (Address | None | Unset): The home address.
            home_phone (None | str | Unset): The home phone number.
            job_title (None | str | Unset): The current job title.
            last_name (None | str | Unset): The legal last (family) name.
            manager (Employee | None | Unset): With `expand=manager`: the record of `manager_id`. Absent otherwise.
            manager_id (None | str | Unset): The hub id of the employee's manager.
            marital_status (MaritalStatus | None | Unset): The marital status recorded in the HR system.
            middle_name (None | str | Unset): The middle name or names.
            mobile_phone (None | str | Unset): The mobile phone number.
            modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
            national_id (None | str | Unset): The national identification number, such as a US Social Security number
                (sensitive).
            original_hire_date (datetime.date | None | Unset): The date of the first hire, which differs from `hire_date`
                after a rehire.
            personal_email (None | str | Unset): The personal e-mail address.
            preferred_name (None | str | Unset): The first name the person prefers to be called by.
            remote_created_at (datetime.datetime | None | Unset): When the provider created this record (UTC).
            remote_data (EmployeeListedRemoteDataType0 | None | Unset): The provider's raw records this record was built
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
            start_date (datetime.date | None | Unset): The first day of work after the latest hire.
            termination_date (datetime.date | None | Unset): The date employment ended, or null while employed.
            username (None | str | Unset): The person's user name in the HR system.
            work_email (None | str | Unset): The work e-mail address.
            work_location_id (None | str | Unset): The hub id of the location where the person usually works.
            work_phone (None | str | Unset): The work phone number.
    """

    id: str
    remote_id: str
    company: Company | None | Unset = UNSET
    company_id: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    custom_fields: EmployeeListedCustomFieldsType0 | None | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET
    department_id: None | str | Unset = UNSET
    display_full_name: None | str | Unset = UNSET
    employee_number: None | str | Unset = UNSET
    employment_status: EmploymentStatus | None | Unset = UNSET
    employment_type: EmploymentType | None | Unset = UNSET
    employments: list[Employment] | None | Unset = UNSET
    ethnicity: Ethnicity | None | Unset = UNSET
    field_sources: EmployeeListedFieldSourcesType0 | None | Unset = UNSET
    first_name: None | str | Unset = UNSET
    gender: Gender | None | Unset = UNSET
    group_ids: list[str] | None | Unset = UNSET
    groups: list[Group] | None | Unset = UNSET
    hire_date: datetime.date | None | Unset = UNSET
    home_address: Address | None | Unset = UNSET
    home_phone: None | str | Unset = UNSET
    job_title: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    manager: Employee | None | Unset = UNSET
    manager_id: None | str | Unset = UNSET
    marital_status: MaritalStatus | None | Unset = UNSET
    middle_name: None | str | Unset = UNSET
    mobile_phone: None | str | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    national_id: None | str | Unset = UNSET
    original_hire_date: datetime.date | None | Unset = UNSET
    personal_email: None | str | Unset = UNSET
    preferred_name: None | str | Unset = UNSET
    remote_created_at: datetime.datetime | None | Unset = UNSET
    remote_data: EmployeeListedRemoteDataType0 | None | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False
    start_date: datetime.date | None | Unset = UNSET
    termination_date: datetime.date | None | Unset = UNSET
    username: None | str | Unset = UNSET
    work_email: None | str | Unset = UNSET
    work_location_id: None | str | Unset = UNSET
    work_phone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.company import Company  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.employee_listed_custom_fields_type_0 import EmployeeListedCustomFieldsType0  # noqa: PLC0415
        from ..models.employee_listed_field_sources_type_0 import EmployeeListedFieldSourcesType0  # noqa: PLC0415
        from ..models.employee_listed_remote_data_type_0 import EmployeeListedRemoteDataType0  # noqa: PLC0415

        id = self.id

        remote_id = self.remote_id

        company: dict[str, Any] | None | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        elif isinstance(self.company, Company):
            company = self.company.to_dict()
        else:
            company = self.company

        company_id: None | str | Unset
        if isinstance(self.company_id, Unset):
            company_id = UNSET
        else:
            company_id = self.company_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        custom_fields: dict[str, Any] | None | Unset
        if isinstance(self.custom_fields, Unset):
            custom_fields = UNSET
        elif isinstance(self.custom_fields, EmployeeListedCustomFieldsType0):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        else:
            department_id = self.department_id

        display_full_name: None | str | Unset
        if isinstance(self.display_full_name, Unset):
            display_full_name = UNSET
        else:
            display_full_name = self.display_full_name

        employee_number: None | str | Unset
        if isinstance(self.employee_number, Unset):
            employee_number = UNSET
        else:
            employee_number = self.employee_number

        employment_status: None | str | Unset
        if isinstance(self.employment_status, Unset):
            employment_status = UNSET
        elif isinstance(self.employment_status, EmploymentStatus):
            employment_status = self.employment_status.value
        else:
            employment_status = self.employment_status

        employment_type: None | str | Unset
        if isinstance(self.employment_type, Unset):
            employment_type = UNSET
        elif isinstance(self.employment_type, EmploymentType):
            employment_type = self.employment_type.value
        else:
            employment_type = self.employment_type

        employments: list[dict[str, Any]] | None | Unset
        if isinstance(self.employments, Unset):
            employments = UNSET
        elif isinstance(self.employments, list):
            employments = []
            for employments_type_0_item_data in self.employments:
                employments_type_0_item = employments_type_0_item_data.to_dict()
                employments.append(employments_type_0_item)

        else:
            employments = self.employments

        ethnicity: None | str | Unset
        if isinstance(self.ethnicity, Unset):
            ethnicity = UNSET
        elif isinstance(self.ethnicity, Ethnicity):
            ethnicity = self.ethnicity.value
        else:
            ethnicity = self.ethnicity

        field_sources: dict[str, Any] | None | Unset
        if isinstance(self.field_sources, Unset):
            field_sources = UNSET
        elif isinstance(self.field_sources, EmployeeListedFieldSourcesType0):
            field_sources = self.field_sources.to_dict()
        else:
            field_sources = self.field_sources

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, Gender):
            gender = self.gender.value
        else:
            gender = self.gender

        group_ids: list[str] | None | Unset
        if isinstance(self.group_ids, Unset):
            group_ids = UNSET
        elif isinstance(self.group_ids, list):
            group_ids = self.group_ids

        else:
            group_ids = self.group_ids

        groups: list[dict[str, Any]] | None | Unset
        if isinstance(self.groups, Unset):
            groups = UNSET
        elif isinstance(self.groups, list):
            groups = []
            for groups_type_0_item_data in self.groups:
                groups_type_0_item = groups_type_0_item_data.to_dict()
                groups.append(groups_type_0_item)

        else:
            groups = self.groups

        hire_date: None | str | Unset
        if isinstance(self.hire_date, Unset):
            hire_date = UNSET
        elif isinstance(self.hire_date, datetime.date):
            hire_date = self.hire_date.isoformat()
        else:
            hire_date = self.hire_date

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

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        manager: dict[str, Any] | None | Unset
        if isinstance(self.manager, Unset):
            manager = UNSET
        elif isinstance(self.manager, Employee):
            manager = self.manager.to_dict()
        else:
            manager = self.manager

        manager_id: None | str | Unset
        if isinstance(self.manager_id, Unset):
            manager_id = UNSET
        else:
            manager_id = self.manager_id

        marital_status: None | str | Unset
        if isinstance(self.marital_status, Unset):
            marital_status = UNSET
        elif isinstance(self.marital_status, MaritalStatus):
            marital_status = self.marital_status.value
        else:
            marital_status = self.marital_status

        middle_name: None | str | Unset
        if isinstance(self.middle_name, Unset):
            middle_name = UNSET
        else:
            middle_name = self.middle_name

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

        national_id: None | str | Unset
        if isinstance(self.national_id, Unset):
            national_id = UNSET
        else:
            national_id = self.national_id

        original_hire_date: None | str | Unset
        if isinstance(self.original_hire_date, Unset):
            original_hire_date = UNSET
        elif isinstance(self.original_hire_date, datetime.date):
            original_hire_date = self.original_hire_date.isoformat()
        else:
            original_hire_date = self.original_hire_date

        personal_email: None | str | Unset
        if isinstance(self.personal_email, Unset):
            personal_email = UNSET
        else:
            personal_email = self.personal_email

        preferred_name: None | str | Unset
        if isinstance(self.preferred_name, Unset):
            preferred_name = UNSET
        else:
            preferred_name = self.preferred_name

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
        elif isinstance(self.remote_data, EmployeeListedRemoteDataType0):
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

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        termination_date: None | str | Unset
        if isinstance(self.termination_date, Unset):
            termination_date = UNSET
        elif isinstance(self.termination_date, datetime.date):
            termination_date = self.termination_date.isoformat()
        else:
            termination_date = self.termination_date

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        work_email: None | str | Unset
        if isinstance(self.work_email, Unset):
            work_email = UNSET
        else:
            work_email = self.work_email

        work_location_id: None | str | Unset
        if isinstance(self.work_location_id, Unset):
            work_location_id = UNSET
        else:
            work_location_id = self.work_location_id

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
        if company is not UNSET:
            field_dict["company"] = company
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if display_full_name is not UNSET:
            field_dict["display_full_name"] = display_full_name
        if employee_number is not UNSET:
            field_dict["employee_number"] = employee_number
        if employment_status is not UNSET:
            field_dict["employment_status"] = employment_status
        if employment_type is not UNSET:
            field_dict["employment_type"] = employment_type
        if employments is not UNSET:
            field_dict["employments"] = employments
        if ethnicity is not UNSET:
            field_dict["ethnicity"] = ethnicity
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if gender is not UNSET:
            field_dict["gender"] = gender
        if group_ids is not UNSET:
            field_dict["group_ids"] = group_ids
        if groups is not UNSET:
            field_dict["groups"] = groups
        if hire_date is not UNSET:
            field_dict["hire_date"] = hire_date
        if home_address is not UNSET:
            field_dict["home_address"] = home_address
        if home_phone is not UNSET:
            field_dict["home_phone"] = home_phone
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if manager is not UNSET:
            field_dict["manager"] = manager
        if manager_id is not UNSET:
            field_dict["manager_id"] = manager_id
        if marital_status is not UNSET:
            field_dict["marital_status"] = marital_status
        if middle_name is not UNSET:
            field_dict["middle_name"] = middle_name
        if mobile_phone is not UNSET:
            field_dict["mobile_phone"] = mobile_phone
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if national_id is not UNSET:
            field_dict["national_id"] = national_id
        if original_hire_date is not UNSET:
            field_dict["original_hire_date"] = original_hire_date
        if personal_email is not UNSET:
            field_dict["personal_email"] = personal_email
        if preferred_name is not UNSET:
            field_dict["preferred_name"] = preferred_name
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
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if termination_date is not UNSET:
            field_dict["termination_date"] = termination_date
        if username is not UNSET:
            field_dict["username"] = username
        if work_email is not UNSET:
            field_dict["work_email"] = work_email
        if work_location_id is not UNSET:
            field_dict["work_location_id"] = work_location_id
        if work_phone is not UNSET:
            field_dict["work_phone"] = work_phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.company import Company  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.employee_listed_custom_fields_type_0 import EmployeeListedCustomFieldsType0  # noqa: PLC0415
        from ..models.employee_listed_field_sources_type_0 import EmployeeListedFieldSourcesType0  # noqa: PLC0415
        from ..models.employee_listed_remote_data_type_0 import EmployeeListedRemoteDataType0  # noqa: PLC0415
        from ..models.employment import Employment  # noqa: PLC0415
        from ..models.group import Group  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        remote_id = d.pop("remote_id")

        def _parse_company(data: object) -> Company | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                company_type_0 = Company.from_dict(data)

                return company_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Company | None | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_company_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company_id = _parse_company_id(d.pop("company_id", UNSET))

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

        def _parse_custom_fields(data: object) -> EmployeeListedCustomFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = EmployeeListedCustomFieldsType0.from_dict(data)

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmployeeListedCustomFieldsType0 | None | Unset, data)

        custom_fields = _parse_custom_fields(d.pop("custom_fields", UNSET))

        def _parse_date_of_birth(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        def _parse_department_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        def _parse_display_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_full_name = _parse_display_full_name(d.pop("display_full_name", UNSET))

        def _parse_employee_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_number = _parse_employee_number(d.pop("employee_number", UNSET))

        def _parse_employment_status(data: object) -> EmploymentStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employment_status_type_0 = EmploymentStatus(data)

                return employment_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentStatus | None | Unset, data)

        employment_status = _parse_employment_status(d.pop("employment_status", UNSET))

        def _parse_employment_type(data: object) -> EmploymentType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employment_type_type_0 = EmploymentType(data)

                return employment_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentType | None | Unset, data)

        employment_type = _parse_employment_type(d.pop("employment_type", UNSET))

        def _parse_employments(data: object) -> list[Employment] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                employments_type_0 = []
                _employments_type_0 = data
                for employments_type_0_item_data in _employments_type_0:
                    employments_type_0_item = Employment.from_dict(employments_type_0_item_data)

                    employments_type_0.append(employments_type_0_item)

                return employments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Employment] | None | Unset, data)

        employments = _parse_employments(d.pop("employments", UNSET))

        def _parse_ethnicity(data: object) -> Ethnicity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ethnicity_type_0 = Ethnicity(data)

                return ethnicity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Ethnicity | None | Unset, data)

        ethnicity = _parse_ethnicity(d.pop("ethnicity", UNSET))

        def _parse_field_sources(data: object) -> EmployeeListedFieldSourcesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = EmployeeListedFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmployeeListedFieldSourcesType0 | None | Unset, data)

        field_sources = _parse_field_sources(d.pop("field_sources", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_gender(data: object) -> Gender | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = Gender(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_group_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                group_ids_type_0 = cast(list[str], data)

                return group_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        group_ids = _parse_group_ids(d.pop("group_ids", UNSET))

        def _parse_groups(data: object) -> list[Group] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                groups_type_0 = []
                _groups_type_0 = data
                for groups_type_0_item_data in _groups_type_0:
                    groups_type_0_item = Group.from_dict(groups_type_0_item_data)

                    groups_type_0.append(groups_type_0_item)

                return groups_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Group] | None | Unset, data)

        groups = _parse_groups(d.pop("groups", UNSET))

        def _parse_hire_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hire_date_type_0 = datetime.date.fromisoformat(data)

                return hire_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        hire_date = _parse_hire_date(d.pop("hire_date", UNSET))

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

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_manager(data: object) -> Employee | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                manager_type_0 = Employee.from_dict(data)

                return manager_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Employee | None | Unset, data)

        manager = _parse_manager(d.pop("manager", UNSET))

        def _parse_manager_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manager_id = _parse_manager_id(d.pop("manager_id", UNSET))

        def _parse_marital_status(data: object) -> MaritalStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                marital_status_type_0 = MaritalStatus(data)

                return marital_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MaritalStatus | None | Unset, data)

        marital_status = _parse_marital_status(d.pop("marital_status", UNSET))

        def _parse_middle_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        middle_name = _parse_middle_name(d.pop("middle_name", UNSET))

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

        def _parse_national_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        national_id = _parse_national_id(d.pop("national_id", UNSET))

        def _parse_original_hire_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                original_hire_date_type_0 = datetime.date.fromisoformat(data)

                return original_hire_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        original_hire_date = _parse_original_hire_date(d.pop("original_hire_date", UNSET))

        def _parse_personal_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        personal_email = _parse_personal_email(d.pop("personal_email", UNSET))

        def _parse_preferred_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_name = _parse_preferred_name(d.pop("preferred_name", UNSET))

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

        def _parse_remote_data(data: object) -> EmployeeListedRemoteDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = EmployeeListedRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmployeeListedRemoteDataType0 | None | Unset, data)

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

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_termination_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                termination_date_type_0 = datetime.date.fromisoformat(data)

                return termination_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        termination_date = _parse_termination_date(d.pop("termination_date", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_work_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        work_email = _parse_work_email(d.pop("work_email", UNSET))

        def _parse_work_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        work_location_id = _parse_work_location_id(d.pop("work_location_id", UNSET))

        def _parse_work_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        work_phone = _parse_work_phone(d.pop("work_phone", UNSET))

        employee_listed = cls(
            id=id,
            remote_id=remote_id,
            company=company,
            company_id=company_id,
            created_at=created_at,
            custom_fields=custom_fields,
            date_of_birth=date_of_birth,
            department_id=department_id,
            display_full_name=display_full_name,
            employee_number=employee_number,
            employment_status=employment_status,
            employment_type=employment_type,
            employments=employments,
            ethnicity=ethnicity,
            field_sources=field_sources,
            first_name=first_name,
            gender=gender,
            group_ids=group_ids,
            groups=groups,
            hire_date=hire_date,
            home_address=home_address,
            home_phone=home_phone,
            job_title=job_title,
            last_name=last_name,
            manager=manager,
            manager_id=manager_id,
            marital_status=marital_status,
            middle_name=middle_name,
            mobile_phone=mobile_phone,
            modified_at=modified_at,
            national_id=national_id,
            original_hire_date=original_hire_date,
            personal_email=personal_email,
            preferred_name=preferred_name,
            remote_created_at=remote_created_at,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
            start_date=start_date,
            termination_date=termination_date,
            username=username,
            work_email=work_email,
            work_location_id=work_location_id,
            work_phone=work_phone,
        )

        return employee_listed
