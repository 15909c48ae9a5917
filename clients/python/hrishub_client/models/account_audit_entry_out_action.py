from enum import StrEnum


class AccountAuditEntryOutAction(StrEnum):
    CREDENTIALS = "credentials"
    DELETE = "delete"
    LINK = "link"
    OPTIONS = "options"
    PAUSE = "pause"
    RESUME = "resume"
    SYNC = "sync"

    def __str__(self) -> str:
        return str(self.value)
