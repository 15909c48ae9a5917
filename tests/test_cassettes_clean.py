"""No cassette holds a secret or personal data; the scrubber and scanner catch what they must."""

import json
from pathlib import Path

import pytest

from connectors.ukg_pro.sandbox import Sandbox
from hub.cassettes import scan_cassette, scrub_body

ROOT = Path(__file__).resolve().parents[1] / "cassettes"
CASSETTES = sorted(ROOT.rglob("*.yaml"))


def test_there_are_cassettes_to_check():
    assert CASSETTES


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_cassette_holds_a_secret_or_personal_data(path):
    sb = Sandbox(employees=1, seed=21)
    creds = sb.credentials("http://127.0.0.1")
    assert scan_cassette(path, secrets=[creds["password"], creds["customer_api_key"]]) == []


def test_the_scrubber_replaces_personal_data_consistently_and_keeps_ids():
    record = {
        "employeeId": "EQKKKU000020",
        "firstName": "Dana",
        "lastName": "Reyes",
        "emailAddress": "dana.reyes@acme.com",
        "homePhone": "3125550101",
        "ssn": "917774814",
        "dateOfBirth": "1970-12-28T00:00:00",
        "addressLine1": "6032 Lincoln St",
        "addressZipCode": "60601",
        "supervisorFirstName": "Dana",
    }
    once = json.loads(scrub_body(json.dumps([record]).encode()))[0]
    twice = json.loads(scrub_body(json.dumps([record]).encode()))[0]
    assert once == twice
    assert once["employeeId"] == "EQKKKU000020"
    assert once["firstName"] == once["supervisorFirstName"] != "Dana"
    for key in (
        "lastName",
        "emailAddress",
        "homePhone",
        "ssn",
        "dateOfBirth",
        "addressLine1",
        "addressZipCode",
    ):
        assert once[key] != record[key], key
    assert once["dateOfBirth"].endswith("T00:00:00") and len(once["dateOfBirth"]) == len(
        record["dateOfBirth"]
    )


def test_the_scanner_finds_a_leaked_header_and_real_personal_data(tmp_path):
    leaky = tmp_path / "leak.yaml"
    body = json.dumps([{"firstName": "Dana", "emailAddress": "dana@acme.com"}])
    leaky.write_text(
        "interactions:\n- request:\n    headers:\n      Authorization: [Basic dXNlcjpwYXNz]\n"
        f"  response:\n    body:\n      string: '{body}'\nversion: 1\n"
    )
    findings = scan_cassette(leaky, secrets=["dXNlcjpwYXNz"])
    assert any("Authorization" in f for f in findings)
    assert any("emailAddress" in f for f in findings) and any("firstName" in f for f in findings)
    assert any("known secret" in f for f in findings)
