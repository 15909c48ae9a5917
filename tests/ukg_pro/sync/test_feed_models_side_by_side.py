"""An incremental sync reads the change feed's models side by side, and still applies them one after another.

A feed's re-reads are small and mostly waiting on UKG: Employment's read starts with Employee's, while
each model is stored, and its change events recorded, in its turn.
"""

from sqlalchemy import select

from connectors.ukg_pro.sandbox import Sandbox
from hub.store import tables as t

from .helpers import fresh_full_sync, stored_data, synced_counting

MODELS = ("Employee", "Employment")


def test_employment_is_read_beside_employee_and_applied_after_it(tmp_path) -> None:
    sandbox = Sandbox(employees=60, seed=3)
    hub, account, _ = synced_counting(sandbox, tmp_path / "hub.db", MODELS)
    sandbox.tenant.advance(hires=2, changes=6, terminations=1)
    stages: list[tuple[str, str]] = []
    report = hub.sync(
        account, models=MODELS, force=True, progress=lambda model, stage, _: stages.append((model, stage))
    )
    assert report.status == "succeeded" and {report.models[m].mode for m in MODELS} == {"feed"}
    assert stages.index(("Employment", "start")) < stages.index(("Employee", "done"))
    assert stages.index(("Employee", "done")) < stages.index(("Employment", "done"))

    e = t.events.c
    with hub.store.engine.connect() as db:
        kinds = [
            row.type.split(".")[0]
            for row in db.execute(
                select(e.type).where(e.account_id == account.id, e.run_id == report.run_id).order_by(e.seq)
            )
        ]
    employees = [i for i, kind in enumerate(kinds) if kind == "employee"]
    employments = [i for i, kind in enumerate(kinds) if kind == "employment"]
    assert employees and employments and max(employees) < min(employments)  # each model's events in turn
    incremental = stored_data(hub, account.id)
    hub.close()
    assert incremental == fresh_full_sync(sandbox, tmp_path / "full.db", MODELS)


def test_a_model_failing_beside_the_other_leaves_the_others_read_to_finish(tmp_path) -> None:
    sandbox = Sandbox(employees=60, seed=3)
    hub, account, _ = synced_counting(sandbox, tmp_path / "hub.db", MODELS)
    sandbox.tenant.advance(changes=6)

    def revoke(model: str, stage: str, _: object) -> None:
        if (model, stage) == ("Employment", "start"):  # Employee's read has not sent its requests yet
            sandbox.revoke(sandbox.username, "Employee Person Details")

    report = hub.sync(account, models=MODELS, force=True, progress=revoke)
    hub.close()
    assert report.status == "partial"
    assert [error["model"] for error in report.errors] == ["Employee"]
    assert "Employee Person Details" in report.models["Employee"].error
    assert report.models["Employment"].complete and report.models["Employment"].read > 0
