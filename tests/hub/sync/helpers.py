"""Reading whole collections back, to compare the store with the provider."""

from typing import Any

HUB_ONLY = {"created_at", "modified_at", "remote_was_deleted", "remote_data", "field_sources"}


def snapshot(hub: Any, account: Any, resource: str = "employees", mode: str = "auto") -> dict[str, dict]:
    """Every record of one resource by id, without the hub's own metadata."""
    accessor = getattr(hub, resource)(account)
    records: dict[str, dict] = {}
    cursor = None
    while True:
        page = accessor.list(page_size=1000, cursor=cursor, mode=mode)
        for record in page.results:
            assert record.id not in records, f"{record.id} listed twice"
            records[record.id] = record.model_dump(mode="json", exclude=HUB_ONLY)
        cursor = page.next_cursor
        if cursor is None:
            return records


def leaf(sandbox: Any) -> dict:
    """An active employee with a manager and no reports (safe to purge or terminate)."""
    return sandbox.tenant.leaf()
