from enum import StrEnum


class PayFrequency(StrEnum):
    ANNUALLY = "ANNUALLY"
    BIWEEKLY = "BIWEEKLY"
    MONTHLY = "MONTHLY"
    QUARTERLY = "QUARTERLY"
    SEMIANNUALLY = "SEMIANNUALLY"
    SEMIMONTHLY = "SEMIMONTHLY"
    WEEKLY = "WEEKLY"

    def __str__(self) -> str:
        return str(self.value)
