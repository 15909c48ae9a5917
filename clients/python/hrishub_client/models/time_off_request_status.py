from enum import StrEnum


class TimeOffRequestStatus(StrEnum):
    APPROVED = "APPROVED"
    CANCELLED = "CANCELLED"
    DECLINED = "DECLINED"
    DELETED = "DELETED"
    REQUESTED = "REQUESTED"

    def __str__(self) -> str:
        return str(self.value)
