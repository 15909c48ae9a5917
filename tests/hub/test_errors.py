import inspect

import pytest

from hub import errors
from hub.errors import (
    FieldIssue,
    HubError,
    InputError,
    InvalidCredentials,
    MissingPermission,
    NotSupported,
    PluginError,
    ProviderAuthError,
    ProviderError,
    ProviderResponseError,
    ProviderUnreachable,
    RateLimited,
    UnknownAction,
    UnknownConnector,
)

ALL = [
    obj
    for _, obj in inspect.getmembers(errors, inspect.isclass)
    if issubclass(obj, HubError) and obj.__module__ == "hub.errors"
]


def test_the_tree_drawn_in_the_docstring_names_every_error_class():
    for cls in ALL:
        assert cls.__name__ in errors.__doc__, f"{cls.__name__} is missing from the tree in hub.errors"


@pytest.mark.parametrize(
    ("cls", "group"),
    [
        (InvalidCredentials, InputError),
        (UnknownConnector, InputError),
        (UnknownAction, InputError),
        (ProviderAuthError, ProviderError),
        (MissingPermission, ProviderError),
        (ProviderUnreachable, ProviderError),
        (RateLimited, ProviderError),
        (ProviderResponseError, ProviderError),
        (NotSupported, HubError),
        (PluginError, HubError),
    ],
)
def test_errors_are_grouped_by_what_the_caller_should_do(cls, group):
    assert issubclass(cls, group)


def test_every_error_type_slug_is_unique_and_every_class_has_a_remedy():
    slugs = [cls.type for cls in ALL]
    assert len(slugs) == len(set(slugs))
    for cls in ALL:
        assert cls.default_remedy.strip()


def test_invalid_credentials_lists_every_field_with_its_fix_in_message_and_problem():
    error = InvalidCredentials(
        [
            FieldIssue("customer_api_key", "must be exactly 5 letters or digits.", "Copy it from the top."),
            FieldIssue("subdomain", "is missing.", "Enter e.g. service4."),
        ]
    )
    assert error.fields == ["customer_api_key", "subdomain"]
    assert "customer_api_key" in str(error) and "subdomain" in str(error)
    problem = error.to_problem()
    assert problem["status"] == 422
    assert problem["errors"] == [
        {
            "field": "customer_api_key",
            "message": "must be exactly 5 letters or digits.",
            "fix": "Copy it from the top.",
        },
        {"field": "subdomain", "message": "is missing.", "fix": "Enter e.g. service4."},
    ]


def test_missing_permission_names_the_permissions_to_tick():
    error = MissingPermission("403 on person-details", permissions=["Employee Person Details"])
    assert '"Employee Person Details"' in error.remedy
    assert error.to_problem()["permissions"] == ["Employee Person Details"]
    assert error.to_problem()["type"].endswith("/missing-permission")


def test_unknown_connector_lists_what_is_loaded():
    error = UnknownConnector("tiny", ["tiny_hris", "csv"])
    assert "csv, tiny_hris" in error.message
    assert error.status == 404


def test_each_problem_type_names_one_kind_of_error() -> None:
    """A client branches on ``type``: two classes sharing one, or a near-duplicate slug, would mislead it."""
    from hub.api.problems import ROUTE_PROBLEMS

    owners: dict[str, list[str]] = {}
    for cls in ALL:
        owners.setdefault(cls.type, []).append(cls.__name__)
    assert {t: names for t, names in owners.items() if len(names) > 1} == {}
    assert set(ROUTE_PROBLEMS) - set(owners) <= {"method-not-allowed", "http-error", "internal-error"}
    # a request FastAPI refuses and input the hub refuses are one kind for a client
    assert InputError.type == "invalid-request" and "invalid-input" not in owners


def test_the_api_answers_only_documented_problem_types() -> None:
    """Every slug the API's own handlers write is listed in ROUTE_PROBLEMS (and so in docs/problems.md)."""
    import re
    from pathlib import Path

    from hub.api import problems

    source = Path(problems.__file__).read_text()
    written = set(re.findall(r'problem\(\s*"([a-z-]+)"', source))
    assert written and written <= set(problems.ROUTE_PROBLEMS)
