"""The built-in UKG Pro connector loads through the entry-point group, with its own sensitive raw keys."""

from hub import Hub


def test_the_built_in_ukg_pro_connector_loads_through_the_entry_point_group():
    hub = Hub(plugins=["ukg_pro"])
    assert "ukg_pro" in hub.connectors, [str(f) for f in hub.failures]
    assert hub.origin("ukg_pro").package == "hrishub"
    assert hub.connectors["ukg_pro"].required_scopes("employees.list") == [
        "Employee Person Details",
        "Personnel Integration",
    ]


def test_ukg_pro_declares_its_sensitive_raw_keys():
    declared = Hub(plugins=["ukg_pro"]).connectors["ukg_pro"].sensitive_raw_keys
    assert {"ssn", "previousSSN", "dateOfBirth", "ethnicIDCode", "i9AlienNumber", "i9VisaType"} <= declared[
        "person-details"
    ]
    assert {"ssn", "nationalId", "dateOfBirth"} <= declared["contacts"]
    assert "firstName" not in declared["person-details"] and "gender" not in declared["person-details"]
