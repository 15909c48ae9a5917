"""``hrishub link-pages``: linking pages made, listed and withdrawn from the command line."""

import json

import httpx

from hub.api import create_app
from hub.hub import Hub
from hub.serving import serve_in_thread


def test_a_page_made_on_the_command_line_opens_in_the_served_hub_then_is_withdrawn(cli):
    made = json.loads(cli("customers", "add", "Review tool", "--json").stdout)

    def new_page(customer: str, *options: str):
        return cli("link-pages", "new", "tiny_hris", "--customer", customer, "--reference", "t-1", *options)

    missing = new_page("cus_nobody")
    assert missing.exit_code == 2 and "No customer 'cus_nobody'" in missing.stderr
    bad = new_page(made["id"], "--action", "payroll.run")
    assert bad.exit_code == 2 and "'payroll.run' is not an action Tiny HRIS supports" in bad.stderr

    hub = Hub()
    with serve_in_thread(create_app(hub)) as base:
        page = json.loads(
            new_page(made["id"], "--action", "employees.list", "--base-url", base, "--json").stdout
        )
        assert page["url"].startswith(f"{base}/link/")
        opened = httpx.get(page["url"], timeout=10)
        assert opened.status_code == 200 and "Read people" in opened.text

        listed = json.loads(cli("link-pages", "list", "--customer", made["id"], "--json").stdout)
        assert [(p["id"], p["reference"], p["status"]) for p in listed] == [(page["id"], "t-1", "open")]
        assert "/link/" not in json.dumps(listed)  # the URL's token is never shown again

        assert "revoked" in cli("link-pages", "revoke", page["id"], "--customer", made["id"]).stdout
        assert httpx.get(page["url"], timeout=10).status_code == 410
    hub.close()


def test_a_page_url_on_the_default_address_says_how_to_set_the_public_one(cli, monkeypatch):
    monkeypatch.delenv("HRISHUB_PUBLIC_URL", raising=False)
    made = json.loads(cli("customers", "add", "Review tool", "--json").stdout)
    args = ("link-pages", "new", "tiny_hris", "--customer", made["id"], "--reference", "t-1", "--json")
    guessed = cli(*args)
    assert guessed.exit_code == 0, guessed.output
    assert json.loads(guessed.stdout)["url"].startswith("http://127.0.0.1:8000/link/")
    assert "HRISHUB_PUBLIC_URL" in guessed.stderr and "--base-url" in guessed.stderr

    monkeypatch.setenv("HRISHUB_PUBLIC_URL", "https://hub.example.com")
    told = cli(*args)
    assert json.loads(told.stdout)["url"].startswith("https://hub.example.com/link/")
    assert "HRISHUB_PUBLIC_URL" not in told.stderr
