"""Reading records back: instants in one form whatever their source; raw data redacted on the way out."""

import json
import re
from datetime import UTC, datetime
from types import SimpleNamespace

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, select, type_coerce
from sqlalchemy.types import String

from hub.store.codec import RawRedaction, pack_raw, unpack_raw
from hub.store.reads import _instant_of, encode_rows, to_json_dict, to_model
from hub.store.tables import UTCDateTime
from unified_models import INSTANT_PATTERN, Employee, format_instant

INSTANT = re.compile(INSTANT_PATTERN)


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(9999, 12, 31), timezones=st.just(UTC)))
def test_an_instant_read_as_sqlite_text_is_written_like_the_datetime(moment):
    engine = create_engine("sqlite://")
    with engine.connect() as db:
        stored = db.execute(select(type_coerce(type_coerce(moment, UTCDateTime()), String()))).scalar_one()
        parsed = db.execute(select(type_coerce(moment, UTCDateTime()))).scalar_one()
    assert parsed == moment
    assert _instant_of(stored) == format_instant(moment) == _instant_of(moment)
    assert INSTANT.fullmatch(format_instant(moment))
    assert datetime.fromisoformat(format_instant(moment)) == moment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-31 14:05:09.123456", "2026-01-31T14:05:09.123456Z"),
        ("2026-01-31 14:05:09.000000", "2026-01-31T14:05:09.000000Z"),
        ("2026-01-31 14:05:09", "2026-01-31T14:05:09.000000Z"),
        ("2026-01-31 14:05:09.5", "2026-01-31T14:05:09.500000Z"),
    ],
)
def test_sqlite_text_of_any_width_takes_the_one_form(text, expected):
    assert _instant_of(text) == expected


KEYS = {
    "person-details": frozenset({"ssn", "dateOfBirth", "i9AlienNumber"}),
    "contacts": frozenset({"ssn"}),
    "user-defined-fields": frozenset({"personnel.udf05"}),
}
REDACTION = RawRedaction(KEYS)


def _row(raw, data=None):
    return SimpleNamespace(
        seq=1,
        data=json.dumps(data or {"id": "e1", "remote_id": "E1", "national_id": None}),
        raw=pack_raw(raw) if raw is not None else None,
        deleted=False,
        created_at=datetime(2026, 1, 31, 14, 5, 9, 123456, tzinfo=UTC),
        modified_at=datetime(2026, 2, 1, tzinfo=UTC),
    )


def test_redaction_nulls_declared_members_lists_them_and_leaves_the_rest():
    raw = {
        "person-details": {"employeeId": "E1", "ssn": "123456789", "dateOfBirth": None, "firstName": "Ada"},
        "contacts": [{"ssn": "987654321", "name": "Bo"}, {"name": "Cy"}],
        "user-defined-fields": {"personnel": {"udf05": "secret", "udf01": "open"}},
        "employment-details": {"ssn": "not declared here"},
    }
    before = json.loads(json.dumps(raw))
    redacted, names = REDACTION.apply(raw)
    assert raw == before  # the input is left alone
    assert names == [
        "contacts.ssn",
        "person-details.dateOfBirth",
        "person-details.ssn",
        "user-defined-fields.personnel.udf05",
    ]
    assert redacted == {
        "person-details": {"employeeId": "E1", "ssn": None, "dateOfBirth": None, "firstName": "Ada"},
        "contacts": [{"ssn": None, "name": "Bo"}, {"name": "Cy"}],
        "user-defined-fields": {"personnel": {"udf05": None, "udf01": "open"}},
        "employment-details": {"ssn": "not declared here"},
    }
    assert REDACTION.covers("person-details.ssn") and REDACTION.covers("a.b, contacts.ssn")
    assert REDACTION.covers("user-defined-fields.personnel.udf05.value")
    assert not REDACTION.covers("person-details.firstName") and not REDACTION.covers(None)


def test_every_store_path_gives_the_same_redacted_raw_data():
    raw = {"person-details": {"employeeId": "E1", "ssn": "123456789", "firstName": "Ada"}}
    row = _row(raw)
    spliced = orjson.loads(encode_rows([row], include_raw=True, redaction=REDACTION)[0])
    parsed = to_json_dict(row, include_raw=True, redaction=REDACTION)
    model = to_model(Employee, row, include_raw=True, redaction=REDACTION).model_dump(mode="json")
    assert spliced == parsed
    for body in (spliced, parsed, model):
        assert body["remote_data"]["person-details"] == {"employeeId": "E1", "ssn": None, "firstName": "Ada"}
        assert list(body["remote_data_redacted"]) == ["person-details.ssn"]
        assert INSTANT.fullmatch(body["created_at"]) and INSTANT.fullmatch(body["modified_at"])
    everything = to_json_dict(row, include_raw=True, redaction=None)
    assert everything["remote_data"] == raw and everything["remote_data_redacted"] == []
    assert "remote_data" not in orjson.loads(encode_rows([row])[0])
    assert (
        orjson.loads(encode_rows([_row(None)], include_raw=True, redaction=REDACTION)[0])["remote_data"]
        is None
    )


tokens = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ23456789", min_size=10, max_size=14)
plain = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), st.sampled_from(["Ada", "A ", ""]))
rows = st.fixed_dictionaries(
    {"employeeId": st.just("E1")},
    optional={"ssn": tokens, "dateOfBirth": tokens, "i9AlienNumber": tokens, "firstName": plain, "x": plain},
)


@given(
    person=rows,
    contacts=st.lists(st.fixed_dictionaries({"name": plain}, optional={"ssn": tokens}), max_size=3),
    udf=tokens,
)
def test_no_sensitive_value_survives_any_store_path(person, contacts, udf):
    raw = {
        "person-details": person,
        "contacts": contacts,
        "user-defined-fields": {"personnel": {"udf05": udf}},
    }
    secrets = [v for v in (person.get("ssn"), person.get("dateOfBirth"), person.get("i9AlienNumber")) if v]
    secrets += [c["ssn"] for c in contacts if "ssn" in c] + [udf]
    row = _row(raw)
    bodies = [
        encode_rows([row], include_raw=True, redaction=REDACTION)[0].decode(),
        orjson.dumps(to_json_dict(row, include_raw=True, redaction=REDACTION)).decode(),
        to_model(Employee, row, include_raw=True, redaction=REDACTION).model_dump_json(),
    ]
    for body in bodies:
        assert not [secret for secret in secrets if secret in body]
        answer = json.loads(body)
        kept = {k for k in person if k not in KEYS["person-details"]}
        assert {k: answer["remote_data"]["person-details"][k] for k in kept} == {k: person[k] for k in kept}
        assert set(answer["remote_data_redacted"]) >= {
            f"person-details.{k}" for k in person if k in KEYS["person-details"]
        }
    assert unpack_raw(row.raw) == raw  # the stored data itself is whole


def test_the_store_names_what_is_missing_and_leaves_the_advice_to_the_api_and_the_cli(tmp_path, monkeypatch):
    from hub.errors import NotFound
    from hub.store import Store

    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    store = Store(f"sqlite:///{tmp_path / 'hub.db'}")
    with pytest.raises(NotFound) as missing:
        store.accounts.get("acct_nope")
    assert missing.value.what == "account"
    assert "GET /v1" not in missing.value.remedy and "hrishub" not in missing.value.remedy
