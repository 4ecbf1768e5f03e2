"""Period statistics computed in SQL and returned as plain data for reports and the overview.

This layer may read storage and domain; it never checks permissions or writes the audit log
(the services do both before they call it).
"""

from safetylog.summaries.compute import compute_summary
from safetylog.summaries.model import PeriodSummary, SummaryScope

__all__ = ["PeriodSummary", "SummaryScope", "compute_summary"]
