from enum import StrEnum


class TimeOffUnit(StrEnum):
    DAYS = "DAYS"
    HOURS = "HOURS"

    def __str__(self) -> str:
        return str(self.value)
