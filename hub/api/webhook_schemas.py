"""Request and answer bodies of ``/v1/webhook-endpoints`` and ``/v1/events``."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from hub.webhooks.payloads import EventData

__all__ = [
    "DeliveryList",
    "DeliveryOut",
    "EndpointCreate",
    "EndpointList",
    "EndpointOut",
    "EndpointUpdate",
    "EndpointWithSecret",
    "EventList",
    "EventOut",
    "Redeliver",
    "Redelivered",
]


class EndpointCreate(BaseModel):
    """A receiver to register."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(
        description="The https URL that receives the events (http only to loopback, when the operator "
        "allows it with HRISHUB_WEBHOOK_ALLOW=loopback).",
        examples=["https://app.example.com/hrishub/events"],
    )
    event_types: list[str] | None = Field(
        default=None, description="The event types to receive; leave it out for every type."
    )
    account_ids: list[str] | None = Field(
        default=None, description="Only events of these accounts of yours; leave it out for every account."
    )


class EndpointUpdate(BaseModel):
    """What to change; fields left out keep their values (null lists mean every type or account)."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = None
    event_types: list[str] | None = None
    account_ids: list[str] | None = None
    enabled: bool | None = Field(
        default=None,
        description="false stops deliveries (they queue); true resumes them in order and clears a failure.",
    )


class EndpointOut(BaseModel):
    """A registered receiver (its secret is never shown again after it is made)."""

    id: str
    url: str
    event_types: list[str] | None
    account_ids: list[str] | None
    enabled: bool
    disabled_reason: str | None = Field(description="Why deliveries stopped, when they did.")
    failing_since: datetime | None = Field(description="The first failed attempt since the last success.")
    previous_secret_until: datetime | None = Field(
        description="After a rotation: until when the previous secret also signs."
    )
    created_at: datetime


class EndpointWithSecret(EndpointOut):
    """A new endpoint or a rotated secret: ``secret`` is shown only in this answer."""

    secret: str = Field(
        description="The Standard Webhooks signing secret (`whsec_...`): store it now, it is not shown again."
    )


class EndpointList(BaseModel):
    """Your webhook endpoints, oldest first."""

    results: list[EndpointOut]


class AttemptOut(BaseModel):
    """One attempt to deliver."""

    at: datetime
    status: int | None = Field(description="The receiver's HTTP status; null when no answer came.")
    latency_ms: int
    response: str | None = Field(description="The first characters of the receiver's answer.")
    error: str | None = Field(description="Why no answer came (not sent, refused, timed out).")


class DeliveryOut(BaseModel):
    """One event queued for one endpoint, and every attempt to deliver it."""

    id: str
    event_id: str
    event_type: str | None
    account_id: str | None
    state: str = Field(description="`pending`, `delivered` or `failed` (given up after every retry).")
    attempts: list[AttemptOut]
    next_attempt_at: datetime | None
    created_at: datetime
    finished_at: datetime | None


class DeliveryList(BaseModel):
    """One page of deliveries, newest first; `next_cursor` is null on the last page."""

    results: list[DeliveryOut]
    next_cursor: str | None


class Redeliver(BaseModel):
    """What to send again: one event, or every event recorded in a time range."""

    model_config = ConfigDict(extra="forbid")

    event_id: str | None = None
    since: datetime | None = Field(default=None, description="From this instant (inclusive).")
    until: datetime | None = Field(default=None, description="Up to this instant (exclusive).")


class Redelivered(BaseModel):
    """How many deliveries were queued again."""

    queued: int


class EventOut(EventData):
    """One event of the feed: the same ``data`` a webhook delivery carries, with its type."""

    type: str


class EventList(BaseModel):
    """One page of events, oldest first; pass `next_cursor` back to read on (null when none follow yet)."""

    results: list[EventOut]
    next_cursor: str | None

    model_config = ConfigDict(json_schema_extra={"x-retention": "HRISHUB_EVENT_RETENTION_DAYS"})
