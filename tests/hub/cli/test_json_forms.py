"""Every ``--json`` output of the CLI writes instants and amounts as the HTTP API does."""

import json

import typer.main

from hub.cli import app


def _json_commands() -> set[str]:
    """Every command (``customers add``) that takes ``--json`` or ``--jsonl``."""
    found = set()

    def walk(command, prefix):
        if any(o in ("--json", "--jsonl") for p in command.params for o in getattr(p, "opts", ())):
            found.add(" ".join(prefix))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*prefix, name))

    walk(typer.main.get_command(app), ())
    return found


def test_every_json_output_uses_the_one_instant_form_and_json_numbers(
    cli, tiny, linked, tmp_path, json_forms
):
    customer = json.loads(cli("customers", "add", "Forms", "--json").stdout)["id"]
    hook = ("webhooks", "add", "https://app.example.com/hooks", "--customer", customer, "--json")
    endpoint = json.loads(cli(*hook).stdout)["id"]
    values = tmp_path / "again.json"
    values.write_text(json.dumps(tiny.credentials))
    # Something to audit (`passthrough` prints the provider's own JSON, in the provider's forms).
    assert cli("passthrough", linked, "/v1/employees").exit_code == 0
    runs = [
        ("link", ("link", "tiny_hris", "--json-file", values, "--customer", customer, "--json")),
        ("sync", ("sync", linked, "--json")),
        ("employees", ("employees", linked, "--json", "--limit", "0")),
        ("employees live", ("employees", linked, "--json", "--limit", "5", "--mode", "live")),
        ("employees jsonl", ("employees", linked, "--jsonl", "--limit", "5")),
        ("customers", ("customers", "--json")),
        ("customers add", ("customers", "add", "Other", "--json")),
        ("customers rotate-key", ("customers", "rotate-key", customer, "--json")),
        ("accounts", ("accounts", "--json")),
        ("accounts audit", ("accounts", "audit", linked, "--json")),
        ("check", ("check", linked, "--json")),
        ("options", ("options", linked, "--json")),
        ("connectors", ("connectors", "--json")),
        (
            "link-pages new",
            ("link-pages", "new", "tiny_hris", "--customer", customer, "--reference", "t1", "--json"),
        ),
        ("link-pages list", ("link-pages", "list", "--customer", customer, "--json")),
        ("webhooks add", hook),
        ("webhooks", ("webhooks", "--json")),
        ("webhooks rotate-secret", ("webhooks", "rotate-secret", endpoint, "--json")),
        ("webhooks deliveries", ("webhooks", "deliveries", endpoint, "--json")),
        ("passthrough-log", ("passthrough-log", linked, "--json")),
        ("keys", ("keys", "--json")),
        ("keys reencrypt", ("keys", "reencrypt", "--json")),
        ("records", ("records", linked, "employments", "--json")),
        ("migrate", ("migrate", "--json")),
    ]
    assert {name.split(" live")[0].split(" jsonl")[0] for name, _ in runs} >= _json_commands()
    wrong: list[str] = []
    seen: set[str] = set()
    models = {"employees": "Employee"}
    for name, args in runs:
        result = cli(*args)
        assert result.exit_code == 0, (name, result.output)
        bodies = (
            [json.loads(line) for line in result.stdout.splitlines()]
            if "--jsonl" in args
            else [json.loads(result.stdout)]
        )
        for body in bodies:
            wrong += json_forms.problems(body, name)
            if args[0] in models:
                for i, record in enumerate(body if isinstance(body, list) else [body]):
                    wrong += json_forms.record_problems(record, models[args[0]], f"{name}[{i}]", seen)
    assert not wrong, "\n".join(wrong[:20])
    report = json.loads(cli("sync", linked, "--json", "--force").stdout)
    assert json_forms.problems(report, "sync") == [] and report["started_at"].endswith("Z")
    listed = json.loads(cli("accounts", "--json").stdout)
    assert any(a["last_sync"] and a["last_sync"]["started_at"].endswith("Z") for a in listed)
