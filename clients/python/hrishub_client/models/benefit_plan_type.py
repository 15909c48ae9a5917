from enum import StrEnum


class BenefitPlanType(StrEnum):
    DENTAL = "DENTAL"
    HEALTH_SAVINGS = "HEALTH_SAVINGS"
    INSURANCE = "INSURANCE"
    MEDICAL = "MEDICAL"
    OTHER = "OTHER"
    RETIREMENT = "RETIREMENT"
    VISION = "VISION"

    def __str__(self) -> str:
        return str(self.value)
