from enum import StrEnum


class Gender(StrEnum):
    FEMALE = "FEMALE"
    MALE = "MALE"
    NON_BINARY = "NON_BINARY"
    NOT_DISCLOSED = "NOT_DISCLOSED"
    OTHER = "OTHER"

    def __str__(self) -> str:
        return str(self.value)
