from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.earning_type import EarningType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Earning")


@_attrs_define
class Earning:
    """One earning line of a pay statement (regular pay, overtime, bonus, ...).

    Attributes:
        amount (float | None | Unset): The amount earned in this period.
        code (None | str | Unset): The provider's earning code.
        hours (float | None | Unset): The hours paid in this period.
        name (None | str | Unset): The earning's description on the statement.
        rate (float | None | Unset): The rate paid per hour (or per unit).
        type_ (EarningType | None | Unset): The kind of earning, where the code says it.
        ytd_amount (float | None | Unset): The amount earned so far this year.
        ytd_hours (float | None | Unset): The hours paid so far this year.
    """

    amount: float | None | Unset = UNSET
    code: None | str | Unset = UNSET
    hours: float | None | Unset = UNSET
    name: None | str | Unset = UNSET
    rate: float | None | Unset = UNSET
    type_: EarningType | None | Unset = UNSET
    ytd_amount: float | None | Unset = UNSET
    ytd_hours: float | None | Unset = UNSET

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

        hours: float | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        rate: float | None | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, EarningType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        ytd_amount: float | None | Unset
        if isinstance(self.ytd_amount, Unset):
            ytd_amount = UNSET
        else:
            ytd_amount = self.ytd_amount

        ytd_hours: float | None | Unset
        if isinstance(self.ytd_hours, Unset):
            ytd_hours = UNSET
        else:
            ytd_hours = self.ytd_hours

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if code is not UNSET:
            field_dict["code"] = code
        if hours is not UNSET:
            field_dict["hours"] = hours
        if name is not UNSET:
            field_dict["name"] = name
        if rate is not UNSET:
            field_dict["rate"] = rate
        if type_ is not UNSET:
            field_dict["type"] = type_
        if ytd_amount is not UNSET:
            field_dict["ytd_amount"] = ytd_amount
        if ytd_hours is not UNSET:
            field_dict["ytd_hours"] = ytd_hours

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

        def _parse_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        def _parse_type_(data: object) -> EarningType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = EarningType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EarningType | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_ytd_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ytd_amount = _parse_ytd_amount(d.pop("ytd_amount", UNSET))

        def _parse_ytd_hours(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ytd_hours = _parse_ytd_hours(d.pop("ytd_hours", UNSET))

        earning = cls(
            amount=amount,
            code=code,
            hours=hours,
            name=name,
            rate=rate,
            type_=type_,
            ytd_amount=ytd_amount,
            ytd_hours=ytd_hours,
        )

        return earning
