from enum import StrEnum


class PayrollRunState(StrEnum):
    APPROVED = "APPROVED"
    CLOSED = "CLOSED"
    DRAFT = "DRAFT"
    FAILED = "FAILED"
    PAID = "PAID"

    def __str__(self) -> str:
        return str(self.value)
