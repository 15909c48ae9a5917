from enum import StrEnum


class LocationType(StrEnum):
    HOME = "HOME"
    WORK = "WORK"

    def __str__(self) -> str:
        return str(self.value)
