"""When the change feed names a large share of the tenant, the sync reads in full: fewer requests than by id."""

from collections import Counter

from connectors.ukg_pro.sandbox import Sandbox

from .helpers import fresh_full_sync, stored_data, synced_counting

MODELS = ("Employee", "Employment")


def test_a_mass_change_is_read_in_full_and_stores_what_a_fresh_sync_stores(tmp_path) -> None:
    sandbox = Sandbox(employees=400, seed=5)
    hub, account, counted = synced_counting(sandbox, tmp_path / "hub.db", MODELS)
    changes = sandbox.tenant.advance(hires=20, changes=260, terminations=20)
    assert len(changes.employee_ids) >= 250
    counted.seen.clear()
    report = hub.sync(account, models=MODELS, force=True)
    assert report.status == "succeeded"
    for model in MODELS:
        assert report.models[model].mode == "full"
        assert "the change feed names" in report.models[model].reason
    by_path = Counter(path for path, _, _ in counted.seen.elements())
    assert by_path["/personnel/v1/person-details"] <= 2  # a paged read, not one request per employee
    assert report.requests < len(changes.employee_ids)
    assert report.models["Employee"].created == 20
    incremental = stored_data(hub, account.id)
    hub.close()

    assert incremental == fresh_full_sync(sandbox, tmp_path / "fresh.db", MODELS)
