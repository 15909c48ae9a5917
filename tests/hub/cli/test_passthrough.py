"""``hrishub passthrough`` and ``hrishub passthrough-log``: the provider's own API from the command line."""

import json

from tests.tiny_hris.sandbox.app import ECHO_PATH


def test_passthrough_prints_the_answer_and_the_log_lists_it(cli, linked, tiny):
    sent = cli("passthrough", linked, "/v1/employees", "--param", "page=1", "--param", "per_page=2")
    assert sent.exit_code == 0, sent.output
    answer = json.loads(sent.stdout)
    assert answer["status"] == 200 and len(answer["body"]) == 2

    echoed = cli("passthrough", linked, ECHO_PATH, "-p", "a=1", "-p", "a=2", "-H", "X-Trace: t-9")
    body = json.loads(echoed.stdout)["body"]
    assert body["query"] == {"a": ["1", "2"]} and body["headers"]["x-trace"] == "t-9"
    assert tiny.sandbox.api_key not in echoed.stdout

    refused = cli("passthrough", linked, "//evil.example/x", "-H", "Authorization: Bearer mine")
    assert refused.exit_code == 2
    assert "path" in refused.stderr and "headers.Authorization" in refused.stderr
    assert "nothing was sent" in refused.stderr

    log = json.loads(cli("passthrough-log", linked, "--json").stdout)
    assert [(e["path"], e["status"], e["error"]) for e in log] == [
        ("//evil.example/x", None, "invalid-passthrough"),
        (ECHO_PATH, 200, None),
        ("/v1/employees", 200, None),
    ]
    table = cli("passthrough-log", linked, "--limit", "2")
    assert table.exit_code == 0 and ECHO_PATH in table.stdout and "invalid-passthrough" in table.stdout
    assert "page, per_page" not in table.stdout  # only the two newest

    assert cli("passthrough-log", "acct_nope").exit_code == 2
    bad = cli("passthrough", linked, "/v1/employees", "--param", "oops")
    assert bad.exit_code == 2 and "NAME=VALUE" in bad.stderr
