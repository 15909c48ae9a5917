"""Syncing linked accounts into the store: full loads, change feeds, diffs, events, reports."""

from __future__ import annotations

from hub.sync.report import ModelReport, RecordError, SyncReport
from hub.sync.runner import MODEL_ORDER, Progress, SyncRun, new_run_id

__all__ = ["MODEL_ORDER", "ModelReport", "Progress", "RecordError", "SyncReport", "SyncRun", "new_run_id"]
