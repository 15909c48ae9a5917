from enum import StrEnum


class PayrollRunType(StrEnum):
    CORRECTION = "CORRECTION"
    OFF_CYCLE = "OFF_CYCLE"
    REGULAR = "REGULAR"
    SIGN_ON_BONUS = "SIGN_ON_BONUS"
    TERMINATION = "TERMINATION"

    def __str__(self) -> str:
        return str(self.value)
