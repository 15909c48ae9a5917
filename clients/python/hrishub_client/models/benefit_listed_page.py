from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.benefit_listed import BenefitListed
    from ..models.record_error import RecordError
    from ..models.value_problem import ValueProblem


T = TypeVar("T", bound="BenefitListedPage")


@_attrs_define
class BenefitListedPage:
    """One page of BenefitListed records; `next_cursor` is null on the last page.

    Attributes:
        results (list[BenefitListed]):
        errors (list[RecordError] | None | Unset): Only when a live read failed to map.
        next_cursor (None | str | Unset):
        problems (list[ValueProblem] | None | Unset): Only when a live read could not use some values (their fields are
            empty).
    """

    results: list[BenefitListed]
    errors: list[RecordError] | None | Unset = UNSET
    next_cursor: None | str | Unset = UNSET
    problems: list[ValueProblem] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        problems: list[dict[str, Any]] | None | Unset
        if isinstance(self.problems, Unset):
            problems = UNSET
        elif isinstance(self.problems, list):
            problems = []
            for problems_type_0_item_data in self.problems:
                problems_type_0_item = problems_type_0_item_data.to_dict()
                problems.append(problems_type_0_item)

        else:
            problems = self.problems

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if problems is not UNSET:
            field_dict["problems"] = problems

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benefit_listed import BenefitListed  # noqa: PLC0415
        from ..models.record_error import RecordError  # noqa: PLC0415
        from ..models.value_problem import ValueProblem  # noqa: PLC0415

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = BenefitListed.from_dict(results_item_data)

            results.append(results_item)

        def _parse_errors(data: object) -> list[RecordError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = RecordError.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RecordError] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        def _parse_problems(data: object) -> list[ValueProblem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                problems_type_0 = []
                _problems_type_0 = data
                for problems_type_0_item_data in _problems_type_0:
                    problems_type_0_item = ValueProblem.from_dict(problems_type_0_item_data)

                    problems_type_0.append(problems_type_0_item)

                return problems_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ValueProblem] | None | Unset, data)

        problems = _parse_problems(d.pop("problems", UNSET))

        benefit_listed_page = cls(
            results=results,
            errors=errors,
            next_cursor=next_cursor,
            problems=problems,
        )

        benefit_listed_page.additional_properties = d
        return benefit_listed_page

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
