import pytest

from hub.connector import Action, Connector
from hub.errors import NotSupported, UnknownAction


def make(**actions: Action) -> Connector:
    return Connector(
        name="acme",
        title="Acme HR",
        docs="",
        credentials_schema={"type": "object", "properties": {}},
        actions=actions,
        field_maps="acme",
        client_factory=lambda creds, settings: None,  # type: ignore[arg-type,return-value]
    )


def test_required_scopes_are_the_declared_names_in_order():
    c = make(**{"employees.list": Action(scopes=("People View", "Jobs View"))})
    assert c.required_scopes("employees.list") == ["People View", "Jobs View"]


def test_scopes_for_is_the_union_in_first_seen_order_and_skips_unsupported():
    c = make(
        **{
            "employees.list": Action(scopes=("People View", "Jobs View")),
            "groups.list": Action(scopes=("Org View", "People View")),
            "time_off_requests.list": Action.unsupported("no such data"),
        }
    )
    assert c.scopes_for(["groups.list", "employees.list"]) == ["Org View", "People View", "Jobs View"]
    assert c.scopes_for() == ["People View", "Jobs View", "Org View"]
    assert c.supported_actions == ["employees.list", "groups.list"]


def test_unsupported_action_says_why_and_unknown_action_lists_valid_ones():
    c = make(**{"employees.list": Action(), "time_off_requests.list": Action.unsupported("no requests API")})
    with pytest.raises(NotSupported, match="no requests API"):
        c.required_scopes("time_off_requests.list")
    with pytest.raises(UnknownAction) as info:
        c.required_scopes("payroll.list")
    assert "employees.list" in info.value.remedy


def test_a_connector_without_a_normaliser_is_validated_by_its_schema_with_every_field_named():
    from hub.connector import HttpSettings
    from hub.errors import InvalidCredentials
    from hub.linking.accounts import validate_credentials

    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {
            "token": {
                "type": "string",
                "title": "API token",
                "format": "password",
                "writeOnly": True,
                "minLength": 8,
            },
            "region": {"type": "string", "title": "Region", "enum": ["eu", "us"]},
        },
        "required": ["token", "region"],
    }
    c = Connector(
        name="acme",
        title="Acme HR",
        docs="",
        credentials_schema=schema,
        actions={},
        field_maps="acme",
        client_factory=lambda creds, settings: None,  # type: ignore[arg-type,return-value]
    )
    assert validate_credentials(c, {"token": "t" * 8, "region": "eu"}, HttpSettings()) == {
        "token": "t" * 8,
        "region": "eu",
    }
    with pytest.raises(InvalidCredentials) as info:
        validate_credentials(c, {"token": "short-x", "region": "mars"}, HttpSettings())
    assert set(info.value.fields) == {"token", "region"}
    assert "short-x" not in str(info.value)  # a secret is never echoed back
    with pytest.raises(InvalidCredentials) as missing:
        validate_credentials(c, {}, HttpSettings())
    assert set(missing.value.fields) == {"token", "region"}
