"""Severity rules, instruments (SOAS-R plug-in, Brøset) and duties. Pure functions over domain data."""

from safetylog.classification.severity import Classification, classify

__all__ = ["Classification", "classify"]
