"""Raw provider data at rest: zstd-packed, data packed with zlib before still readable, sealing on write."""

import secrets
import zlib

import orjson
from hypothesis import given
from hypothesis import strategies as st

from hub.secrets import SecretBox
from hub.store.codec import is_sealed_raw, pack_json, pack_raw, unpack_json, unpack_raw
from hub.store.sealing import RecordSeal

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(raw=st.dictionaries(st.text(max_size=12), json_values, max_size=5))
def test_raw_data_packs_to_the_same_bytes_every_time_and_unpacks_whole(raw):
    packed = pack_raw(raw)
    assert packed == pack_raw(raw)
    assert unpack_raw(packed) == raw
    assert unpack_json(packed) == orjson.dumps(raw)
    assert not is_sealed_raw(packed)


def test_raw_data_is_smaller_than_its_json():
    raw = {
        "person-details": [
            {"employeeId": f"E{n}", "firstName": "Ada", "lastName": "Lovelace"} for n in range(40)
        ]
    }
    assert len(pack_raw(raw)) < len(orjson.dumps(raw)) / 3


def test_raw_data_a_store_packed_with_zlib_reads_as_it_was_stored():
    raw = {"person-details": {"employeeId": "E1", "firstName": "Ada"}}
    old = zlib.compress(orjson.dumps(raw), 1)
    assert unpack_raw(old) == raw
    assert unpack_raw(b"S1" + old) == raw  # sealed data of that time too


def test_sealing_raw_json_seals_the_named_members_and_nothing_else():
    seal = RecordSeal(SecretBox([secrets.token_bytes(32)]))
    keys = {"person-details": ["ssn", "address.zip"]}
    raw = {
        "person-details": [
            {"employeeId": "E1", "ssn": "123456789", "address": {"zip": "33326", "city": "W"}}
        ],
        "employment-details": {"employeeID": "E1", "ssn": "not this record's"},
    }
    packed = seal.seal_raw_json("rec-1", orjson.dumps(raw), keys)
    assert is_sealed_raw(packed)
    stored = unpack_raw(packed)
    row = stored["person-details"][0]
    assert "123456789" not in orjson.dumps(stored).decode() and "33326" not in orjson.dumps(stored).decode()
    assert row["address"]["city"] == "W" and stored["employment-details"] == raw["employment-details"]
    assert seal.open_raw("rec-1", stored) == raw

    other = {"employment-details": {"employeeID": "E1", "ssn": "x"}}  # no member to seal
    text = orjson.dumps(other)
    assert seal.seal_raw_json("rec-2", text, keys) == pack_json(text)  # packed as it came
