from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Tax")


@_attrs_define
class Tax:
    """One tax line of a pay statement (federal income tax, social security, ...).

    Attributes:
        amount (float | None | Unset): The tax withheld this period.
        code (None | str | Unset): The provider's tax code.
        employer_tax (bool | None | Unset): True for a tax the employer pays, False for one withheld from the employee.
        name (None | str | Unset): The tax's description on the statement.
        ytd_amount (float | None | Unset): The tax withheld so far this year.
    """

    amount: float | None | Unset = UNSET
    code: None | str | Unset = UNSET
    employer_tax: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    ytd_amount: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount: float | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        employer_tax: bool | None | Unset
        if isinstance(self.employer_tax, Unset):
            employer_tax = UNSET
        else:
            employer_tax = self.employer_tax

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        ytd_amount: float | None | Unset
        if isinstance(self.ytd_amount, Unset):
            ytd_amount = UNSET
        else:
            ytd_amount = self.ytd_amount

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if code is not UNSET:
            field_dict["code"] = code
        if employer_tax is not UNSET:
            field_dict["employer_tax"] = employer_tax
        if name is not UNSET:
            field_dict["name"] = name
        if ytd_amount is not UNSET:
            field_dict["ytd_amount"] = ytd_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_employer_tax(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        employer_tax = _parse_employer_tax(d.pop("employer_tax", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_ytd_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ytd_amount = _parse_ytd_amount(d.pop("ytd_amount", UNSET))

        tax = cls(
            amount=amount,
            code=code,
            employer_tax=employer_tax,
            name=name,
            ytd_amount=ytd_amount,
        )

        return tax
