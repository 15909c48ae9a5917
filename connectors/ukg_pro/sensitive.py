"""The personal-sensitive members of UKG Pro's raw records, by the record names the field maps use.

Declared on the connector (``Connector.sensitive_raw_keys``): accounts without the ``include_sensitive``
option get these members of ``remote_data`` as null, named in ``remote_data_redacted``. The names are
UKG's own, as in its published OpenAPI description (spelling and casing differ per endpoint, so each
record lists its own). What counts: government identity numbers, date of birth, ethnicity and national
origin, immigration (I-9, visa), health and disability, veteran status and trade-union membership. Gender
and marital status are not on the list: the unified model returns them to every account.
"""

from __future__ import annotations

__all__ = ["SENSITIVE_RAW_KEYS"]

_IDENTITY = frozenset({"ssn", "previousSSN", "dateOfBirth"})
_ORIGIN = frozenset(
    {"ethnicDescription", "nationality1", "nationality2", "nationality3", "originCountry", "originLocation"}
)
_HEALTH = frozenset(
    {
        "healthBloodType",
        "healthEyes",
        "healthHair",
        "healthHeightFeet",
        "healthHeightInches",
        "healthLastDonateDate",
        "healthWeight",
        "disabilityType",
        "isDisabled",
        "isSmoker",
    }
)
_IMMIGRATION = frozenset(
    {
        "i9AlienNumber",
        "i9DocA",
        "i9DocB",
        "i9DocC",
        "i9Verified",
        "i9VisaType",
        "i9VisaExpirationDate",
        "i9WorkAuth",
        "dateOfI9Expiration",
    }
)
_MILITARY = frozenset(
    {
        "militaryService",
        "militaryBranchServed",
        "militaryEra",
        "militaryIsActiveWartimeVet",
        "militaryIsDisabledVet",
        "militaryIsMedalVet",
        "militaryIsOthEligVet",
        "militaryIsOthEligVetBasis",
        "militarySeparationDate",
    }
)
_CONTACT = frozenset(
    {"ssn", "nationalId", "nationalIdExpirationDate", "dateOfBirth", "healthCareId", "isDisabled", "isSmoker"}
)
_UNION = frozenset({"unionLocal", "unionNational", "dateOfLocalUnion", "dateOfNationalUnion"})

SENSITIVE_RAW_KEYS: dict[str, frozenset[str]] = {
    "person-details": _IDENTITY
    | _ORIGIN
    | _HEALTH
    | _IMMIGRATION
    | _MILITARY
    | {"nationalId", "nationalIdCountry", "ethnicIDCode"},
    "employee-demographic-details": _IDENTITY | _ORIGIN | _HEALTH | {"ethnicIdCode"},
    "contacts": _CONTACT,
    "dependent-contacts": _CONTACT,  # derived from contacts
    "emergency-contacts": _CONTACT,  # derived from contacts
    # Masked by the client unless the operator enables full numbers; hidden unless include_sensitive too.
    "direct-deposit": frozenset({"account", "foreignAccountNumber"}),
    # The pay statement's own SSN; its netpay[].accountnumber is masked by the client.
    "pay-statements": frozenset({"ssn"}),
    "employment-details": _UNION,
    "employee-job-history-details": frozenset({"unionNational"}),
    "job-history-periods": frozenset({"unionNational"}),  # derived from employee-job-history-details
}
"""Record type → the API names of its sensitive members."""
