from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_data_changes import EventDataChanges
    from ..models.event_data_record_type_0 import EventDataRecordType0


T = TypeVar("T", bound="EventData")


@_attrs_define
class EventData:
    """The event itself.

    Attributes:
        account_id (None | str): The linked account the event belongs to (null for an event of the customer's, such as
            `webhook_endpoint.disabled`).
        changes (EventDataChanges): For `*.updated`: each changed field, before and after.
        id (str): The event's stable id (also the `webhook-id` header).
        occurred_at (str): When the hub recorded the change (RFC 3339, UTC).
        record (EventDataRecordType0 | None): The unified record after the change.
        record_id (None | str): The hub id of the record that changed, if any.
    """

    account_id: None | str
    changes: EventDataChanges
    id: str
    occurred_at: str
    record: EventDataRecordType0 | None
    record_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_data_record_type_0 import EventDataRecordType0  # noqa: PLC0415

        account_id: None | str
        account_id = self.account_id

        changes = self.changes.to_dict()

        id = self.id

        occurred_at = self.occurred_at

        record: dict[str, Any] | None
        if isinstance(self.record, EventDataRecordType0):
            record = self.record.to_dict()
        else:
            record = self.record

        record_id: None | str
        record_id = self.record_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "changes": changes,
                "id": id,
                "occurred_at": occurred_at,
                "record": record,
                "record_id": record_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_data_changes import EventDataChanges  # noqa: PLC0415
        from ..models.event_data_record_type_0 import EventDataRecordType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))

        changes = EventDataChanges.from_dict(d.pop("changes"))

        id = d.pop("id")

        occurred_at = d.pop("occurred_at")

        def _parse_record(data: object) -> EventDataRecordType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                record_type_0 = EventDataRecordType0.from_dict(data)

                return record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventDataRecordType0 | None, data)

        record = _parse_record(d.pop("record"))

        def _parse_record_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        record_id = _parse_record_id(d.pop("record_id"))

        event_data = cls(
            account_id=account_id,
            changes=changes,
            id=id,
            occurred_at=occurred_at,
            record=record,
            record_id=record_id,
        )

        event_data.additional_properties = d
        return event_data

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
