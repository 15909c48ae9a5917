"""The session's secret guard (tests/conftest.py) catches a planted leak in each place it watches."""

import base64
import logging
import secrets
import sqlite3

from hub.accounts import Credentials
from hub.errors import ProviderAuthError


def fresh_secret() -> str:
    return "Planted-" + secrets.token_urlsafe(12)


def test_the_guard_is_watching(secret_guard):
    assert secret_guard in logging.getLogger().handlers
    assert logging.getLogger().level == logging.DEBUG


def test_linked_credentials_teach_the_guard_their_secrets(secret_guard):
    password = fresh_secret()
    Credentials({"username": "Guarded", "password": password, "customer_api_key": "ZQ9X7"})
    token = base64.b64encode(f"Guarded:{password}".encode()).decode()  # the Basic-auth header value
    try:
        assert {password, "ZQ9X7", token} <= secret_guard.secrets
    finally:  # planted secrets: nothing of the real run must be judged by them
        secret_guard.secrets -= {password, "ZQ9X7", token}


def test_a_secret_in_a_log_line_or_a_traceback_is_found(secret_guard):
    password = fresh_secret()
    logging.getLogger("hub.somewhere").debug("probing with %s", password)
    assert secret_guard.leaks({password})
    other = fresh_secret()
    try:
        raise RuntimeError(f"boom {other}")
    except RuntimeError:
        logging.getLogger("hub.api").exception("unexpected")
    found = secret_guard.leaks({other})
    assert found and other not in "\n".join(found)  # the report masks what it found


def test_a_secret_in_an_error_message_is_found(secret_guard):
    password = fresh_secret()
    ProviderAuthError(f"refused {password}")
    assert any(leak.startswith("error:") for leak in secret_guard.leaks({password}))


def test_a_secret_in_a_database_file_or_cassette_is_found(secret_guard, tmp_path):
    password, key = fresh_secret(), "QK4Z2"
    db = tmp_path / "leaky.db"
    with sqlite3.connect(db) as connection:
        connection.execute("create table t (v text)")
        connection.execute("insert into t values (?)", (f"password={password};key={key}",))
    cassette = tmp_path / "cassette.yaml"
    cassette.write_text(f"headers:\n  US-Customer-Api-Key: [{key}]\n")
    assert [f"file: {db}"] == secret_guard.leaks({password}, files=[db, cassette])
    assert {f"file: {db}", f"file: {cassette}"} == set(secret_guard.leaks({key}, files=[db, cassette]))
    # An API key of five characters is found only as a whole word, not inside other text.
    (tmp_path / "clean.yaml").write_text("id: XQK4Z2Y\n")
    assert secret_guard.leaks({key}, files=[tmp_path / "clean.yaml"]) == []
    db.unlink()
    cassette.unlink()


LEAKY_SESSION = """
import logging
import sqlite3

from hub.accounts import Credentials

PASSWORD = "Leaky-Passw0rd-4711"


def test_links_cleanly():
    Credentials({"username": "Clean", "password": "Clean-Passw0rd-0815", "customer_api_key": "CL3AN"})


def test_leaks_the_password_of_what_it_linked(tmp_path):
    Credentials({"username": "Leaky", "password": PASSWORD, "customer_api_key": "LK9Z1"})
    logging.getLogger("hub.somewhere").debug("linked with %s", PASSWORD)
    with sqlite3.connect(tmp_path / "hub.db") as connection:
        connection.execute("create table t (v text)")
        connection.execute("insert into t values ('LK9Z1')")
"""


def test_a_session_that_leaks_fails_at_its_end(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "conftest.py").write_text((Path(__file__).parent / "conftest.py").read_text())
    (tmp_path / "test_leaky.py").write_text(LEAKY_SESSION)
    run = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"]
    base = ["--basetemp", str(tmp_path / "base"), "--rootdir", str(tmp_path)]
    leaky = subprocess.run([*run, *base, "test_leaky.py"], cwd=tmp_path, capture_output=True, text=True)
    assert leaky.returncode != 0, leaky.stdout
    assert "2 passed, 1 error" in leaky.stdout, leaky.stdout  # the error: at the session's end
    assert "a linked account's secret leaked" in leaky.stdout
    assert "log: 'hub.somewhere DEBUG linked with <SECRET>'" in leaky.stdout
    assert "hub.db" in leaky.stdout  # the five-character key, found as a word in the database file
