"""What a norm keeps of each scale's reliability: its alpha and the spread of its scores,
and so the standard error of measurement that gives a score its 95% band."""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from asn_assess.analysis.measurement_error import standard_error


class ScaleReliability(BaseModel):
    """The reliability of one scale (a pillar or an indicator) in a norm."""

    model_config = ConfigDict(extra="forbid")

    alpha: Optional[float] = Field(
        description="Cronbach's alpha of the scale's items among the norm's respondents, "
        "as analyze reports it (null when it cannot be computed)."
    )
    sd: Optional[float] = Field(
        description="Standard deviation (n - 1) of the scale's scores among them."
    )
    n: int = Field(ge=0, description="Respondents with a score on the scale.")
    sem: Optional[float] = Field(
        description="Standard error of measurement, sd * sqrt(1 - alpha): a score's 95% "
        "band is score ± 1.96 sem, within 0-100 (null without alpha or sd)."
    )

    @classmethod
    def of(cls, alpha: Optional[float], sd: Optional[float], n: int) -> ScaleReliability:
        """The entry of a scale with this alpha, spread and n."""
        return cls(alpha=alpha, sd=sd, n=n, sem=standard_error(sd, alpha))
