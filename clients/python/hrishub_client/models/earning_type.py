from enum import StrEnum


class EarningType(StrEnum):
    BONUS = "BONUS"
    OVERTIME = "OVERTIME"
    REGULAR = "REGULAR"
    SALARY = "SALARY"

    def __str__(self) -> str:
        return str(self.value)
