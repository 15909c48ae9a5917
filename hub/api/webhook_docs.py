"""The event types in the OpenAPI document (3.1 ``webhooks``): what each delivery's body holds."""

from fastapi import FastAPI

from hub.events import EVENT_TYPES
from hub.webhooks.payloads import WebhookPayload

__all__ = ["EVENT_DESCRIPTIONS", "document_webhooks"]

_RECORD = {
    "employee": "the unified Employee after the change",
    "employment": "the unified Employment after the change",
    "time_off_balance": "the unified TimeOffBalance after the change",
}

EVENT_DESCRIPTIONS = {
    "account.linked": "An account was linked; `record` holds its id, connector, customer and "
    "permissions report.",
    "account.synced": "A sync finished (succeeded or partial); `record` holds the run id, status, kind, "
    "the number of change events and any errors.",
    "sync.failed": "A sync failed; `record` holds the run id and each error with its remedy.",
    "account.needs_attention": "The provider refused the account's credentials: syncs stop until they are "
    "updated; `record` holds the reason and the remedy.",
    "account.deleted": "An account was deleted with its data (its earlier events too); `record` holds its "
    "id, connector and `deleted_at`.",
    "webhook_endpoint.disabled": "One of your endpoints was disabled (410 Gone, or failing for days); "
    "`record` holds its id, URL, the reason and how to enable it again. Not sent to that endpoint.",
}
for _model, _what in _RECORD.items():
    EVENT_DESCRIPTIONS[f"{_model}.created"] = f"A new record: `record` is {_what}."
    EVENT_DESCRIPTIONS[f"{_model}.updated"] = (
        f"A changed record: `record` is {_what}; `changes` holds each changed field, before and after."
    )
    EVENT_DESCRIPTIONS[f"{_model}.deleted"] = (
        "The provider no longer has the record (a full sync did not find it): `record` is the last copy of "
        f"{_what.replace(' after the change', '')} the hub held; reads now show it with "
        "`remote_was_deleted` true."
    )
EVENT_DESCRIPTIONS["employee.terminated"] = (
    "An employee stopped being employed (status INACTIVE or a termination date newly set): `record` is "
    "the unified Employee after the change; `changes` holds each changed field."
)


def _operation_id(event_type: str) -> str:
    """``employee.updated`` → ``employeeUpdatedWebhook``: the routes' camelCase, one per event type."""
    words = event_type.replace(".", "_").split("_")
    return words[0] + "".join(w.capitalize() for w in words[1:]) + "Webhook"


def document_webhooks(app: FastAPI) -> None:
    """Describe every event type as a webhook of the OpenAPI document (its body: the payload)."""
    missing = EVENT_TYPES - set(EVENT_DESCRIPTIONS)
    if missing:
        raise RuntimeError(f"event types without a description: {sorted(missing)}")
    for event_type in sorted(EVENT_TYPES):

        def receiver(body: WebhookPayload) -> None:
            """Your receiver answers 2xx to accept (anything else is retried)."""

        app.webhooks.add_api_route(
            event_type,
            receiver,
            methods=["POST"],
            summary=event_type,
            description=EVENT_DESCRIPTIONS[event_type]
            + "\n\nHeaders: `webhook-id` (the event id, the same on every retry), `webhook-timestamp`, "
            "`webhook-signature` (Standard Webhooks; verify with your endpoint's secret).",
            operation_id=_operation_id(event_type),
        )
