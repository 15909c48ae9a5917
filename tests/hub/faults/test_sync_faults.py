"""Faults a sync meets in production, each driven by the Tiny HRIS sandbox, each survived.

Every test runs a realistic sync (see ``conftest.py``): a clean full sync, HR changes, then a sync under
the fault. Either that sync completes with every record equal to the provider's, or it stops the models
it cannot finish with an error carrying a message and a remedy, leaving their previous data exactly as
it was. Once the fault clears, a rerun leaves nothing lost, duplicated, stale or wrongly deleted.

A sync killed with SIGKILL mid-run, then rerun: ``tests/hub/sync/test_interrupted.py``.
``bench/faults_table.py`` runs the same scenarios and prints the table.
"""

import pytest

PEOPLE = "/v1/employees"
JOBS = "/v1/jobs"
FEED = "/v1/changes"
READ_PEOPLE = "Read people"
BURST = 3  # failures in a row: one fewer than the 4 attempts make_world allows


def completed(world, report):
    """The faulty run finished every model, and the store equals the provider once the fault is gone."""
    assert report.status == "succeeded", report.errors
    assert not report.errors
    world.sb.faults.reset()
    assert world.settled(report) == []


def stopped(world, report, model, *words):
    """The faulty run stopped ``model`` with a message and a remedy; what it did not finish is intact."""
    assert report.status == "partial"
    error = next(e for e in report.errors if e["model"] == model)
    assert error["message"] and error["remedy"], error
    text = f"{error['message']} {error['remedy']}"
    for word in words:
        assert word in text, text
    assert report.models[model].error.startswith(error["message"])
    return error


# -- 1, 2: 429 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("every, wait", [(3, 0), (15, 1)], ids=["every-3rd-wait-0", "every-15th-wait-1s"])
def test_429_with_retry_after_is_waited_out(make_world, every, wait):
    world = make_world()
    world.sb.faults.update({"rate_limit_every": every, "retry_after": wait})
    report = world.sync()
    assert world.sb.stats.statuses[429] >= 2
    if wait:
        assert report.duration_seconds >= wait  # the provider's wait, not the 2 ms backoff
    completed(world, report)
    world.recovered()


def test_a_retry_after_longer_than_the_retry_budget_stops_at_once(make_world):
    world = make_world()  # a retry budget of 5 s
    faults = {"rate_limit_every": 1, "retry_after": 30}
    report = world.sync(
        full=True,  # each model read in its turn (a change feed's models are read side by side)
        at={
            ("Employment", "start"): lambda: world.sb.faults.update(faults),
            ("Employment", "done"): world.sb.faults.reset,
        },
    )
    assert report.duration_seconds < 5.0  # never asleep past the budget
    stopped(world, report, "Employment", "429", "30 s", "try again later")
    assert world.settled(report) == ["employments"]
    world.recovered()


@pytest.mark.parametrize(
    "faults, each_model",
    [({"rate_limit_every": 3, "retry_after": None}, False), ({"error_burst": (429, BURST)}, True)],
    ids=["every-3rd", "burst-as-each-model-starts"],
)
def test_429_without_retry_after_is_backed_off(make_world, faults, each_model):
    world = make_world()
    if each_model:
        report = world.sync(at={("*", "start"): lambda: world.sb.faults.update(faults)})
    else:
        world.sb.faults.update(faults)
        report = world.sync()
    assert world.sb.stats.statuses[429] >= 3
    completed(world, report)
    world.recovered()


# -- 3: 5xx ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_bursts_are_retried(make_world, status):
    world = make_world()
    burst = {"error_burst": (status, BURST)}
    world.sb.faults.update(burst)  # the change feed's read too
    report = world.sync(at={("*", "start"): lambda: world.sb.faults.update(burst)})
    assert world.sb.stats.statuses[status] >= 6 * BURST
    completed(world, report)
    world.recovered()


# -- 4, 5: the network (real HTTP on loopback) -------------------------------------------------------


def test_dropped_connections_are_retried(make_world):
    world = make_world(loopback=True)
    world.sb.faults.update({"drop_connection": 2})
    report = world.sync(at={("*", "start"): lambda: world.sb.faults.update({"drop_connection": 2})})
    assert world.sb.stats.statuses[0] >= 10  # dropped mid-body
    completed(world, report)
    world.recovered()


def test_reads_past_the_read_timeout_are_retried(make_world):
    world = make_world(loopback=True)  # read timeout 0.5 s
    world.sb.faults.update({"stall_seconds": 2.0, "stall_count": 2})
    report = world.sync()
    assert world.sb.faults.stall_count == 0
    completed(world, report)
    world.recovered()


# -- 6, 7: pages -------------------------------------------------------------------------------------


def test_a_malformed_page_once_is_read_again(make_world):
    world = make_world()
    world.sb.faults.update({"malformed": {PEOPLE: 1}})
    report = world.sync(full=True)
    assert world.sb.faults.malformed[PEOPLE] == 0  # it was served
    completed(world, report)
    world.recovered()


@pytest.mark.parametrize(
    "page, full",
    [((PEOPLE, 1), True), ((JOBS, 2), True), ((FEED, 1), False)],
    ids=["employees-page-1", "jobs-page-2", "change-feed-past-the-end"],
)
def test_a_page_served_twice_is_detected_and_read_again(make_world, page, full):
    world = make_world()
    world.sb.faults.update({"serve_page_twice": page})
    report = world.sync(full=full)
    assert world.sb.faults.serve_page_twice is None  # it was served
    completed(world, report)
    world.recovered()


# -- faults that outlast the retries -----------------------------------------------------------------

OUTLASTING = [
    pytest.param({"rate_limit_every": 1, "retry_after": 0}, False, ("429", "try again later"), id="429"),
    pytest.param({"error_burst": (503, 10_000)}, False, ("503", "try again later"), id="503"),
    pytest.param(
        {"drop_connection": 10_000}, True, ("dropped the connection", "sync again later"), id="drops"
    ),
    pytest.param(
        {"stall_seconds": 2.0, "stall_count": 10_000}, True, ("in time", "try again later"), id="timeouts"
    ),
    pytest.param(
        {"malformed": {JOBS: 10_000}},
        False,
        ("malformed JSON", JOBS),
        id="malformed",
    ),
]


@pytest.mark.parametrize("faults, loopback, words", OUTLASTING)
def test_a_fault_outlasting_the_retries_stops_the_model_and_keeps_its_data(
    make_world, faults, loopback, words
):
    world = make_world(loopback=loopback, **({"max_attempts": 2} if "stall_count" in faults else {}))
    # The provider is down while employments are read, and back by the time the next model starts (a full
    # sync reads each model in its turn; a change feed's models are read side by side).
    down = {("Employment", "start"): lambda: world.sb.faults.update(faults)}
    report = world.sync(full=True, at={**down, ("Employment", "done"): world.sb.faults.reset})
    stopped(world, report, "Employment", *words)
    assert [e["model"] for e in report.errors] == ["Employment"]  # the other models went on
    assert world.status() == "linked"
    assert world.settled(report) == ["employments"]
    world.recovered()


def test_an_unreadable_change_feed_keeps_employees_and_employments(make_world):
    world = make_world()
    world.sb.faults.update({"error_burst": (503, 10_000)})
    report = world.sync(at={("Company", "start"): world.sb.faults.reset})  # down while the feed is read
    for model in ("Employee", "Employment"):
        stopped(world, report, model, "503", FEED)
    assert world.settled(report) == ["employees", "employments"]
    world.recovered()


# -- 8, 9: the service account changes mid-sync ------------------------------------------------------


# -- 8, 9: the API key changes mid-sync --------------------------------------------------------------


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full"])
def test_a_permission_revoked_mid_sync_stops_what_needs_it(make_world, full):
    world = make_world()
    sb = world.sb
    # Revoked as Employment's read starts: a full sync has stored Employee by then; an incremental one
    # reads the change feed's models side by side, so Employee's read (it needs the permission too) stops.
    report = world.sync(full=full, at={("Employment", "start"): lambda: sb.revoke(READ_PEOPLE)})
    error = stopped(world, report, "Employment", "403", READ_PEOPLE)
    assert error["type"] == "missing-permission"
    stopped_models = ["Employment"] if full else ["Employee", "Employment"]
    assert [e["model"] for e in report.errors] == stopped_models
    assert report.models["TimeOffBalance"].complete  # needs no such permission
    assert world.status() == "linked"  # the credentials are fine
    sb.grant(READ_PEOPLE)
    assert world.settled(report) == (["employments"] if full else ["employees", "employments"])
    world.recovered()


def test_a_key_revoked_mid_sync_stops_the_run_and_asks_for_attention(make_world):
    world = make_world()
    sb = world.sb
    old = sb.api_key
    # Replaced once the change feed's models are stored (Employee and Employment are read side by side).
    report = world.sync(at={("Employment", "done"): lambda: sb.replace_key("Rotated-Api-Key-0002")})
    error = stopped(world, report, "TimeOffPolicy", "401", "revoked or replaced")
    assert error["type"] == "provider-credentials-rejected"
    refused = [e["model"] for e in report.errors]
    assert refused == ["TimeOffPolicy", "TimeOffBalance"]  # nothing more is read
    assert report.models["Employee"].complete and report.models["Employment"].complete
    assert world.status() == "needs_attention"

    # The admin made a new key; until the hub has it, syncs are still refused.
    again = world.hub.sync(world.account, force=True)
    assert again.status == "failed" and world.status() == "needs_attention"
    assert sb.api_key != old
    world.hub.update_credentials(world.account, sb.credentials(world.base))
    assert world.settled(report) == ["time_off_balances"]
    world.recovered()
