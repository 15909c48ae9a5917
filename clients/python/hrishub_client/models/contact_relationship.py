from enum import StrEnum


class ContactRelationship(StrEnum):
    CHILD = "CHILD"
    DOMESTIC_PARTNER = "DOMESTIC_PARTNER"
    FRIEND = "FRIEND"
    OTHER = "OTHER"
    PARENT = "PARENT"
    SIBLING = "SIBLING"
    SPOUSE = "SPOUSE"

    def __str__(self) -> str:
        return str(self.value)
