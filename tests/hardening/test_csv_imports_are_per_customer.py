"""Item 4: each customer's CSV accounts read only the customer's own import folder; a refusal names no
folder of the server and reads the same whether or not the file exists."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hub import Hub
from hub.api import create_app
from hub.serving import serve_in_thread
from tests.csv_files.helpers import PEOPLE, people
from tests.hub.api.conftest import GENEROUS


class Hubside:
    """The served hub, its import root and two customers' clients (``acme`` and ``globex``)."""

    def __init__(self, root: Path, url: str, hub: Hub) -> None:
        self.root, self.url, self.hub = root, url, hub
        self.clients: list[httpx.Client] = []

    def customer(self, name: str) -> httpx.Client:
        customer, key = self.hub.store.customers.add(name)
        client = httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
        client.customer_id = customer.id  # type: ignore[attr-defined]
        self.clients.append(client)
        return client


@pytest.fixture
def side(tmp_path, monkeypatch) -> Iterator[Hubside]:
    root = tmp_path / "imports"
    root.mkdir()
    monkeypatch.setenv("HRISHUB_CSV_ROOT", str(root))
    monkeypatch.delenv("HRISHUB_CSV_SHARED_CUSTOMERS", raising=False)
    hub = Hub(plugins=["csv_files"], database_url=f"sqlite:///{tmp_path}/hub.db")
    with serve_in_thread(create_app(hub, rate_limits=GENEROUS)) as url:
        made = Hubside(root, url, hub)
        yield made
        for client in made.clients:
            client.close()
    hub.close()


def link(client: httpx.Client, name: str) -> httpx.Response:
    return client.post(
        "/v1/accounts", json={"connector": "csv_files", "credentials": {"employees_file": name}}
    )


def refusal(answer: httpx.Response, typed: str) -> tuple[str, str]:
    """The employees_file issue's message (the typed name taken out) and fix."""
    assert answer.status_code == 422, answer.text
    [issue] = answer.json()["errors"]
    assert issue["field"] == "employees_file"
    return issue["message"].replace(repr(typed), "NAME"), issue["fix"]


def test_each_customer_reads_only_its_own_folder_and_refusals_reveal_nothing(side):
    acme, globex = side.customer("acme"), side.customer("globex")
    (side.root / acme.customer_id).mkdir()
    (side.root / acme.customer_id / "employees.csv").write_text(people())
    (side.root / globex.customer_id).mkdir()
    (side.root / "shared.csv").write_text(people())  # the operator's own file, in the root

    linked = link(acme, "employees.csv")
    assert linked.status_code == 201, linked.text
    account = linked.json()["id"]
    synced = acme.post(f"/v1/accounts/{account}/sync", params={"wait": "true"})
    assert synced.status_code == 200 and synced.json()["status"] == "succeeded", synced.text
    listed = acme.get("/v1/hris/employees", headers={"X-Account-Id": account}).json()["results"]
    assert sorted(e["remote_id"] for e in listed) == [p[0] for p in PEOPLE]

    # globex tries acme's file every way it can, and files that do not exist: one answer for all.
    theirs = side.root / acme.customer_id / "employees.csv"
    tries = {
        "employees.csv": True,  # exists, but only in acme's folder
        f"../{acme.customer_id}/employees.csv": True,
        str(theirs): True,
        "../shared.csv": True,
        "/etc/passwd": True,
        f"../{acme.customer_id}/nothing.csv": False,
        "nothing.csv": False,
        "/nowhere/nothing.csv": False,
    }
    said = set()
    for typed in tries:
        answer = link(globex, typed)
        said.add(refusal(answer, typed))
        echoed = answer.text.replace(typed, "NAME")  # what globex typed comes back; nothing more
        assert str(side.root) not in echoed and str(side.root.parent) not in echoed
    assert len(said) == 1, said
    [(message, fix)] = said
    assert message == "NAME is not a file the hub can read in your import folder."
    assert globex.customer_id in fix and "operator" in fix
    assert globex.get("/v1/accounts").json()["results"] == []


def test_a_customer_without_a_folder_is_told_so_without_a_path(side):
    acme = side.customer("acme")
    (side.root / "employees.csv").write_text(people())
    message, fix = refusal(link(acme, "employees.csv"), "employees.csv")
    assert "your import folder has not been made" in message
    assert str(side.root) not in message + fix and acme.customer_id in fix


def test_the_operator_may_let_a_customer_use_the_whole_folder(side, monkeypatch):
    acme, globex = side.customer("acme"), side.customer("globex")
    (side.root / "shared.csv").write_text(people())
    monkeypatch.setenv("HRISHUB_CSV_SHARED_CUSTOMERS", f"someone-else, {acme.customer_id}")
    assert link(acme, "shared.csv").status_code == 201
    refusal(link(globex, "shared.csv"), "shared.csv")  # only the customers named


def test_a_linked_file_gone_later_is_reported_without_the_folder(side):
    acme = side.customer("acme")
    (side.root / acme.customer_id).mkdir()
    path = side.root / acme.customer_id / "employees.csv"
    path.write_text(people())
    account = link(acme, "employees.csv").json()["id"]
    path.unlink()
    run = acme.post(f"/v1/accounts/{account}/sync", params={"wait": "true"}).json()
    assert run["status"] == "failed"
    text = str(run)
    assert "your import folder" in text and str(side.root) not in text
