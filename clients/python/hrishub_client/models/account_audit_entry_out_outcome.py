from enum import StrEnum


class AccountAuditEntryOutOutcome(StrEnum):
    FAILED = "failed"
    REFUSED = "refused"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
