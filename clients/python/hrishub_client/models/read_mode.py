from enum import StrEnum


class ReadMode(StrEnum):
    AUTO = "auto"
    LIVE = "live"

    def __str__(self) -> str:
        return str(self.value)
