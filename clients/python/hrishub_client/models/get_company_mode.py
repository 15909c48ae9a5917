from enum import StrEnum


class GetCompanyMode(StrEnum):
    AUTO = "auto"
    LIVE = "live"

    def __str__(self) -> str:
        return str(self.value)
