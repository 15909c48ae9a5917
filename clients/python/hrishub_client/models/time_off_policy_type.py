from enum import StrEnum


class TimeOffPolicyType(StrEnum):
    BEREAVEMENT = "BEREAVEMENT"
    JURY_DUTY = "JURY_DUTY"
    OTHER = "OTHER"
    PARENTAL = "PARENTAL"
    PERSONAL = "PERSONAL"
    SICK = "SICK"
    VACATION = "VACATION"
    VOLUNTEER = "VOLUNTEER"

    def __str__(self) -> str:
        return str(self.value)
