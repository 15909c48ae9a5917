"""The built-in named transforms: tables of input → output; bad input is a MappingError."""

from __future__ import annotations

from typing import Any

import pytest

from field_maps import BUILTIN_TRANSFORMS, MappingError

STABLE_NAMES = {"strip", "upper", "lower", "country_alpha2", "yes_no"}  # no provider's names


def test_builtin_names_are_stable_public_api() -> None:
    assert set(BUILTIN_TRANSFORMS) == STABLE_NAMES


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("strip", "  Ada  ", "Ada"),
        ("strip", "   ", None),
        ("upper", "fl", "FL"),
        ("lower", "Ada@Example.COM", "ada@example.com"),
        ("country_alpha2", "USA", "US"),
        ("country_alpha2", "CAN", "CA"),
        ("country_alpha2", "usa", "US"),
        ("country_alpha2", "US", "US"),
        ("country_alpha2", "GBR", "GB"),
        ("country_alpha2", "UK", "GB"),
        ("country_alpha2", "United States", "US"),
        ("country_alpha2", "Germany", "DE"),
        ("country_alpha2", " mex ", "MX"),
        ("country_alpha2", "840", "US"),
        ("country_alpha2", 124, "CA"),
        ("country_alpha2", "Atlantis", None),
        ("country_alpha2", "ZZZ", None),
        ("yes_no", "Y", True),
        ("yes_no", "N", False),
        ("yes_no", "true", True),
        ("yes_no", "0", False),
    ],
)
def test_transform(name: str, value: Any, expected: Any) -> None:
    assert BUILTIN_TRANSFORMS[name](value) == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("strip", 12),
        ("upper", None.__class__),
        ("lower", ["a"]),
        ("country_alpha2", ["US"]),
        ("country_alpha2", True),
        ("yes_no", "perhaps"),
    ],
)
def test_transform_refuses_bad_input_with_a_mapping_error(name: str, value: Any) -> None:
    with pytest.raises(MappingError):
        BUILTIN_TRANSFORMS[name](value)
