"""Raw provider data at rest: zstd-packed (with a dictionary trained on the account's records), data packed
with zlib before still readable, sealing on write."""

import secrets
import zlib

import orjson
import pytest
import zstandard
from hypothesis import given
from hypothesis import strategies as st

from hub.accounts import Account, Credentials, PermissionReport
from hub.errors import StorageError
from hub.secrets import SecretBox
from hub.store import Store, codec, utcnow
from hub.store.codec import (
    RawDictionary,
    RawDictionaryMissing,
    RawPacker,
    add_dictionary_source,
    dictionary_id_of,
    is_sealed_raw,
    pack_json,
    pack_raw,
    register_dictionary,
    unpack_json,
    unpack_raw,
)
from hub.store.raw_dictionaries import RawDictionaryStore
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


# -- dictionaries -------------------------------------------------------------------------------------


def _employee(n: int) -> bytes:
    """One raw employee as a sync writes it: records of the same shape, values of their own."""
    return orjson.dumps(
        {
            "person-details": {
                "employeeId": f"E{n:05d}",
                "firstName": ["Ada", "Grace", "Alan", "Edsger", "Barbara"][n % 5],
                "lastName": f"Surname{n * 7919 % 1000}",
                "addressLine1": f"{n % 400} Main Street",
                "city": ["Weston", "Miami", "Austin"][n % 3],
                "emailAddress": f"person{n}@example.com",
                "dateOfBirth": None,
            },
            "employment-details": {
                "employeeID": f"E{n:05d}",
                "companyID": "C0001",
                "jobCode": f"J{n % 12:03d}",
                "employeeStatusCode": "A" if n % 9 else "T",
                "dateOfLastHire": f"20{10 + n % 14}-0{1 + n % 9}-1{n % 10}T00:00:00",
            },
        }
    )


@pytest.mark.parametrize(
    "packer", [RawPacker(), RawPacker(train=True, samples=0)], ids=["no training", "0 samples"]
)
def test_a_packer_without_a_dictionary_packs_as_pack_json(packer):
    for n in range(600):
        assert packer.pack(_employee(n)) == pack_json(_employee(n))
    assert packer.pack(_employee(1), sealed=True) == pack_json(_employee(1), sealed=True)
    assert packer.trained is None


def test_a_packer_trains_a_dictionary_on_its_first_records_and_packs_the_rest_with_it():
    packer = RawPacker(train=True, samples=200)
    texts = [_employee(n) for n in range(600)]
    packed = [packer.pack(text, sealed=n % 2 == 0) for n, text in enumerate(texts)]

    trained = packer.trained
    assert trained is not None and 32_768 <= trained.id < 2**31
    assert [dictionary_id_of(p) for p in packed[:200]] == [0] * 200  # packed before it was trained
    assert {dictionary_id_of(p) for p in packed[200:]} == {trained.id}
    assert [unpack_json(p) for p in packed] == texts
    assert [is_sealed_raw(p) for p in packed] == [n % 2 == 0 for n in range(600)]
    # What a dictionary is for: the same records take far fewer bytes.
    assert sum(map(len, packed[200:])) < 0.6 * sum(len(pack_json(t)) for t in texts[200:])


def test_a_packer_given_a_dictionary_packs_every_record_with_it_and_trains_none():
    trainer = RawPacker(train=True, samples=100)
    for n in range(100):
        trainer.pack(_employee(n))
    assert trainer.trained is not None
    packer = RawPacker(trainer.trained, train=True)
    packed = packer.pack(_employee(1000))
    assert dictionary_id_of(packed) == trainer.trained.id and packer.trained is None
    assert unpack_json(packed) == _employee(1000)


def test_records_with_nothing_to_learn_from_are_packed_without_a_dictionary():
    packer = RawPacker(train=True, samples=5)
    packed = [packer.pack(b'{"a":1}') for _ in range(20)]
    assert packer.trained is None  # zstd found too little to train on: no dictionary, nothing lost
    assert {dictionary_id_of(p) for p in packed} == {0}
    assert {unpack_json(p) for p in packed} == {b'{"a":1}'}


@given(raw=st.dictionaries(st.text(max_size=12), json_values, max_size=5))
def test_any_raw_data_packed_with_a_dictionary_unpacks_whole(raw):
    text = orjson.dumps(raw)
    packed = _TRAINED.pack(text)
    assert dictionary_id_of(packed) == _TRAINED.dictionary.id
    assert unpack_json(packed) == text and unpack_raw(packed) == raw


def _trained_packer() -> RawPacker:
    packer = RawPacker(train=True, samples=100)
    for n in range(100):
        packer.pack(_employee(n))
    return packer


_TRAINED = _trained_packer()


@pytest.fixture
def store(tmp_path):
    """A SQLite store holding account acct_1 (dictionaries belong to an account)."""
    store = Store(f"sqlite:///{tmp_path / 'hub.db'}", box=SecretBox([secrets.token_bytes(32)]))
    store.accounts.add(
        Account(
            id="acct_1",
            connector="tiny_hris",
            credentials=Credentials({"api_key": "k" * 20}),
            permissions=PermissionReport(granted=(), missing=(), actions={}),
        )
    )
    yield store
    store.close()


def test_a_dictionary_no_store_holds_is_a_clear_error_and_a_store_that_holds_it_is_asked(store):
    dictionary_id = 2**31 - 7  # drawn by no test: ids are random above 32768
    data = zstandard.train_dictionary(
        16_384, [_employee(n) for n in range(200)], dict_id=dictionary_id, level=1
    ).as_bytes()
    packed = zstandard.ZstdCompressor(level=1, dict_data=zstandard.ZstdCompressionDict(data)).compress(
        _employee(7)
    )
    with pytest.raises(
        RawDictionaryMissing, match=f"dictionary {dictionary_id}, which no open store holds"
    ) as missing:
        unpack_json(packed)
    assert "Restore the raw_dictionaries table" in missing.value.remedy  # what to do, not just what broke

    # Once the store holds it, it is looked up there by the id the frame names.
    with store.begin() as db:
        RawDictionaryStore.add(db, "acct_1", "Employee", RawDictionary(dictionary_id, data), utcnow())
    assert unpack_json(packed) == _employee(7)


def test_two_dictionaries_under_one_id_are_refused():
    dictionary = _TRAINED.dictionary
    assert register_dictionary(dictionary) is register_dictionary(dictionary)
    with pytest.raises(ValueError, match="share the id"):
        register_dictionary(RawDictionary(dictionary.id, dictionary.data[:-1] + b"x"))


def test_raw_data_sealed_again_under_a_new_key_keeps_its_dictionary():
    old_key, new_key = secrets.token_bytes(32), secrets.token_bytes(32)
    keys = {"person-details": ["emailAddress"]}
    text = _employee(4242)
    packed = RecordSeal(SecretBox([old_key])).seal_raw_json("rec-1", text, keys, _TRAINED)
    assert dictionary_id_of(packed) == _TRAINED.dictionary.id and is_sealed_raw(packed)

    rotated = RecordSeal(SecretBox([new_key, old_key]))  # `hrishub keys reencrypt`
    again = rotated.reseal_raw("rec-1", packed)
    assert again is not None and dictionary_id_of(again) == _TRAINED.dictionary.id
    assert abs(len(again) - len(packed)) < 16  # as small as it was: not packed without the dictionary
    assert rotated.open_raw("rec-1", unpack_raw(again)) == orjson.loads(text)
    assert RecordSeal(SecretBox([new_key])).open_raw("rec-1", unpack_raw(again)) == orjson.loads(text)


def test_a_store_that_fails_to_answer_does_not_hide_a_dictionary_another_holds():
    dictionary_id = 2**31 - 11
    data = zstandard.train_dictionary(
        16_384, [_employee(n) for n in range(200)], dict_id=dictionary_id, level=1
    ).as_bytes()
    packed = zstandard.ZstdCompressor(level=1, dict_data=zstandard.ZstdCompressionDict(data)).compress(
        _employee(9)
    )

    class Source:
        def __init__(self, held: dict[int, bytes] | None) -> None:
            self.held = held

        def data(self, wanted: int) -> bytes | None:
            if self.held is None:
                raise StorageError("The store does not answer.", remedy="Start the database.")
            return self.held.get(wanted)

    holding, gone = Source({dictionary_id: data}), Source(None)
    add_dictionary_source(holding.data)
    add_dictionary_source(gone.data)  # asked first: the newest
    assert unpack_json(packed) == _employee(9)

    other = 2**31 - 13
    data = zstandard.train_dictionary(
        16_384, [_employee(n) for n in range(200)], dict_id=other, level=1
    ).as_bytes()
    packed = zstandard.ZstdCompressor(level=1, dict_data=zstandard.ZstdCompressionDict(data)).compress(b"{}")
    with pytest.raises(StorageError, match="does not answer"):  # nobody holds it: the failure is the reason
        unpack_json(packed)


def test_a_new_dictionary_id_is_one_no_dictionary_in_the_store_has(store, monkeypatch):
    taken = 2**31 - 101  # another account's, in the store but never loaded by this process
    with store.begin() as db:
        RawDictionaryStore.add(
            db, "acct_1", "Employee", RawDictionary(taken, b"\x37\xa4\x30\xec" * 9), utcnow()
        )
    draws = iter([taken - 32_768, taken - 32_768 + 1])
    monkeypatch.setattr(codec.secrets, "randbelow", lambda _: next(draws))
    assert store.raw_dictionaries.unused_id() == taken + 1
