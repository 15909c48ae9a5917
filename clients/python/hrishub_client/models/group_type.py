from enum import StrEnum


class GroupType(StrEnum):
    BUSINESS_UNIT = "BUSINESS_UNIT"
    COST_CENTER = "COST_CENTER"
    DEPARTMENT = "DEPARTMENT"
    DIVISION = "DIVISION"
    OTHER = "OTHER"
    REGION = "REGION"
    TEAM = "TEAM"

    def __str__(self) -> str:
        return str(self.value)
