"""An account's employee filters (company, org unit, status), applied while a sync stages records."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from hub.store import Store
from hub.store import tables as t
from unified_models import stable_id

__all__ = ["EmployeeFilter"]


class EmployeeFilter:
    """Decides which employees an account imports; records of other models follow their employee.

    Filter values may be the provider's id or code of a company or org unit, its name, or the hub
    id. They are resolved against the companies and groups this account already synced (the sync
    reads those first).
    """

    def __init__(self, store: Store, account_id: str, connector: str, filters: Mapping[str, Any]) -> None:
        self.store, self.account_id, self.connector = store, account_id, connector
        self.filters = filters
        self.status = set(filters.get("status", ()))
        self.companies: set[str] | None = None
        self.groups: set[str] | None = None
        self.kept: set[str] = set()
        self.resolve_units()
        self.refresh_kept()

    def resolve_units(self) -> None:
        """Match the company and org-unit filters against the companies and groups stored now."""
        self.companies = self._resolve(
            self.store, self.account_id, self.connector, "Company", self.filters.get("company")
        )
        self.groups = self._resolve(
            self.store, self.account_id, self.connector, "Group", self.filters.get("group")
        )

    def refresh_kept(self) -> None:
        """Read which employees the store holds now (records of other models follow them)."""
        r = t.records.c
        query = select(r.id).where(
            r.account_id == self.account_id, r.model == "Employee", r.deleted.is_(False)
        )
        with self.store.engine.connect() as db:
            self.kept = set(db.execute(query).scalars())

    def keeps_record(self, model: str, record: Any) -> bool:
        """Whether the account imports this record of ``model``."""
        return self.keeps_employee(record) if model == "Employee" else self.keeps(record)

    @staticmethod
    def _resolve(store: Store, account_id: str, connector: str, model: str, values: Any) -> set[str] | None:
        if not values:
            return None
        wanted = {str(v) for v in values}
        ids = set(wanted) | {stable_id(connector, model, (v,)) for v in wanted}
        r = t.records.c
        query = select(r.id, r.remote_id, r.data).where(r.account_id == account_id, r.model == model)
        with store.engine.connect() as db:
            for row in db.execute(query):
                data = json.loads(row.data)
                # A composite remote id's last part is the provider's own code (a group's 3:SUP → SUP).
                last = row.remote_id.rsplit(":", 1)[-1] if row.remote_id else None
                names = {row.remote_id, last, data.get("name"), data.get("code")}
                if wanted & {str(n) for n in names if n}:
                    ids.add(row.id)
        return ids

    def keeps_employee(self, employee: Any) -> bool:
        """Whether the account imports this employee."""
        status = employee.employment_status
        if self.status and getattr(status, "value", status) not in self.status:
            return False
        if self.companies is not None and employee.company_id not in self.companies:
            return False
        if self.groups is not None:
            units = {employee.department_id, *(employee.group_ids or ())}
            if not units & self.groups:
                return False
        return True

    def keeps(self, record: Any) -> bool:
        """Whether a record of another model belongs to a kept employee (or to no employee)."""
        employee_id = getattr(record, "employee_id", None)
        return employee_id is None or employee_id in self.kept
