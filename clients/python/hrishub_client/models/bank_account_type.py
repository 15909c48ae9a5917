from enum import StrEnum


class BankAccountType(StrEnum):
    CHECKING = "CHECKING"
    SAVINGS = "SAVINGS"

    def __str__(self) -> str:
        return str(self.value)
