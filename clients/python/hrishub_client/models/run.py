from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_models import RunModels
    from ..models.run_report_type_0 import RunReportType0


T = TypeVar("T", bound="Run")


@_attrs_define
class Run:
    """One sync run with its report (per model: read, created, updated, deleted, errors).

    Attributes:
        account_id (str):
        id (str):
        kind (str): `full` (every offered model read in full), `incremental` (every one from the change feed), `mixed`
            (models read differently, or some not read this time: `models` says which), or `auto` while running.
        started_at (datetime.datetime):
        status (str): `queued` (waiting for a worker of the task queue), `running`, `succeeded`, `partial`, `failed`,
            `interrupted` (its process stopped mid-run; a later run resumes) or `skipped` (queued, then not run: the account
            was paused, deleted or already syncing).
        finished_at (datetime.datetime | None | Unset):
        models (RunModels | Unset): What the run did per model: `full` (read in full), `feed` (from the provider's
            change feed), `window` (records dated since the last sync, such as pay statements), `skipped` (not read; the
            report's `reason` says why, e.g. the provider's minimum spacing between feed reads) or `failed`. `kind` sums
            these up; this says which model did what.
        report (None | RunReportType0 | Unset):
    """

    account_id: str
    id: str
    kind: str
    started_at: datetime.datetime
    status: str
    finished_at: datetime.datetime | None | Unset = UNSET
    models: RunModels | Unset = UNSET
    report: None | RunReportType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_report_type_0 import RunReportType0  # noqa: PLC0415

        account_id = self.account_id

        id = self.id

        kind = self.kind

        started_at = self.started_at.isoformat()

        status = self.status

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        models: dict[str, Any] | Unset = UNSET
        if not isinstance(self.models, Unset):
            models = self.models.to_dict()

        report: dict[str, Any] | None | Unset
        if isinstance(self.report, Unset):
            report = UNSET
        elif isinstance(self.report, RunReportType0):
            report = self.report.to_dict()
        else:
            report = self.report

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "id": id,
                "kind": kind,
                "started_at": started_at,
                "status": status,
            }
        )
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if models is not UNSET:
            field_dict["models"] = models
        if report is not UNSET:
            field_dict["report"] = report

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_models import RunModels  # noqa: PLC0415
        from ..models.run_report_type_0 import RunReportType0  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("account_id")

        id = d.pop("id")

        kind = d.pop("kind")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        status = d.pop("status")

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        _models = d.pop("models", UNSET)
        models: RunModels | Unset
        if isinstance(_models, Unset):
            models = UNSET
        else:
            models = RunModels.from_dict(_models)

        def _parse_report(data: object) -> None | RunReportType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_0 = RunReportType0.from_dict(data)

                return report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunReportType0 | Unset, data)

        report = _parse_report(d.pop("report", UNSET))

        run = cls(
            account_id=account_id,
            id=id,
            kind=kind,
            started_at=started_at,
            status=status,
            finished_at=finished_at,
            models=models,
            report=report,
        )

        run.additional_properties = d
        return run

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
