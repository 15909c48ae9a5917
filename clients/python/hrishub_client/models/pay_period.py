from enum import StrEnum


class PayPeriod(StrEnum):
    DAY = "DAY"
    EVERY_SIX_MONTHS = "EVERY_SIX_MONTHS"
    EVERY_TWO_WEEKS = "EVERY_TWO_WEEKS"
    HOUR = "HOUR"
    MONTH = "MONTH"
    QUARTER = "QUARTER"
    SEMIMONTHLY = "SEMIMONTHLY"
    WEEK = "WEEK"
    YEAR = "YEAR"

    def __str__(self) -> str:
        return str(self.value)
