from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Deduction")


@_attrs_define
class Deduction:
    """One deduction line of a pay statement (401(k), medical, ...), with the employer's part.

    Attributes:
        code (None | str | Unset): The provider's deduction code.
        company_deduction (float | None | Unset): The employer's contribution this period.
        employee_deduction (float | None | Unset): The employee's amount this period.
        is_pre_tax (bool | None | Unset): True when taken before taxes are computed.
        name (None | str | Unset): The deduction's description on the statement.
        ytd_company_deduction (float | None | Unset): The employer's contribution so far this year.
        ytd_employee_deduction (float | None | Unset): The employee's amount so far this year.
    """

    code: None | str | Unset = UNSET
    company_deduction: float | None | Unset = UNSET
    employee_deduction: float | None | Unset = UNSET
    is_pre_tax: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    ytd_company_deduction: float | None | Unset = UNSET
    ytd_employee_deduction: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        company_deduction: float | None | Unset
        if isinstance(self.company_deduction, Unset):
            company_deduction = UNSET
        else:
            company_deduction = self.company_deduction

        employee_deduction: float | None | Unset
        if isinstance(self.employee_deduction, Unset):
            employee_deduction = UNSET
        else:
            employee_deduction = self.employee_deduction

        is_pre_tax: bool | None | Unset
        if isinstance(self.is_pre_tax, Unset):
            is_pre_tax = UNSET
        else:
            is_pre_tax = self.is_pre_tax

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        ytd_company_deduction: float | None | Unset
        if isinstance(self.ytd_company_deduction, Unset):
            ytd_company_deduction = UNSET
        else:
            ytd_company_deduction = self.ytd_company_deduction

        ytd_employee_deduction: float | None | Unset
        if isinstance(self.ytd_employee_deduction, Unset):
            ytd_employee_deduction = UNSET
        else:
            ytd_employee_deduction = self.ytd_employee_deduction

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if company_deduction is not UNSET:
            field_dict["company_deduction"] = company_deduction
        if employee_deduction is not UNSET:
            field_dict["employee_deduction"] = employee_deduction
        if is_pre_tax is not UNSET:
            field_dict["is_pre_tax"] = is_pre_tax
        if name is not UNSET:
            field_dict["name"] = name
        if ytd_company_deduction is not UNSET:
            field_dict["ytd_company_deduction"] = ytd_company_deduction
        if ytd_employee_deduction is not UNSET:
            field_dict["ytd_employee_deduction"] = ytd_employee_deduction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_company_deduction(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        company_deduction = _parse_company_deduction(d.pop("company_deduction", UNSET))

        def _parse_employee_deduction(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        employee_deduction = _parse_employee_deduction(d.pop("employee_deduction", UNSET))

        def _parse_is_pre_tax(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_pre_tax = _parse_is_pre_tax(d.pop("is_pre_tax", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_ytd_company_deduction(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ytd_company_deduction = _parse_ytd_company_deduction(d.pop("ytd_company_deduction", UNSET))

        def _parse_ytd_employee_deduction(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ytd_employee_deduction = _parse_ytd_employee_deduction(d.pop("ytd_employee_deduction", UNSET))

        deduction = cls(
            code=code,
            company_deduction=company_deduction,
            employee_deduction=employee_deduction,
            is_pre_tax=is_pre_tax,
            name=name,
            ytd_company_deduction=ytd_company_deduction,
            ytd_employee_deduction=ytd_employee_deduction,
        )

        return deduction
