from enum import StrEnum


class FlsaStatus(StrEnum):
    EXEMPT = "EXEMPT"
    NONEXEMPT = "NONEXEMPT"
    OWNER = "OWNER"
    SALARIED_NONEXEMPT = "SALARIED_NONEXEMPT"

    def __str__(self) -> str:
        return str(self.value)
