"""Item 5: national id and date of birth are not in the SQLite file in plain text, yet read back."""

import sqlite3

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub
from hub.store.codec import unpack_raw


def test_sensitive_values_are_sealed_in_the_file_and_opened_on_read(hub_home):
    sandbox = Sandbox(employees=5, seed=3)
    hub = Hub(transport=sandbox.transport(), settings=HttpSettings(retry_initial_wait=0.001))
    account = hub.link("ukg_pro", sandbox.credentials(), options={"include_sensitive": True})
    hub.sync(account.id)
    employees = hub.employees(account.id).list(include_raw=True).results
    ids = [e.national_id for e in employees if e.national_id]
    assert ids, "the sandbox gives national ids"
    hub.close()
    blob = b"".join(p.read_bytes() for p in hub_home.glob("hub.db*"))
    for value in ids:
        assert value.encode() not in blob
    with sqlite3.connect(hub_home / "hub.db") as db:
        raws = [unpack_raw(r) for (r,) in db.execute("SELECT raw FROM records WHERE raw IS NOT NULL")]
    assert not any(value in str(raw) for raw in raws for value in ids)
