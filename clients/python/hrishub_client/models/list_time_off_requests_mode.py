from enum import StrEnum


class ListTimeOffRequestsMode(StrEnum):
    AUTO = "auto"
    LIVE = "live"

    def __str__(self) -> str:
        return str(self.value)
