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
