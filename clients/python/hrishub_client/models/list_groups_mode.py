from enum import StrEnum


class ListGroupsMode(StrEnum):
    AUTO = "auto"
    LIVE = "live"

    def __str__(self) -> str:
        return str(self.value)
