"""Period statistics computed in SQL and returned as plain data for reports and the overview.

This layer may read storage and domain; it never checks permissions or writes the audit log
(the services do both before they call it).

The package itself imports nothing: ``model``, ``records``, ``periods`` and ``report_data`` are
plain data that the PDF reports import, and loading them must not load SQLAlchemy and every
model with it. The SQL lives in ``compute``, ``counts``, ``activity``, ``duties`` and ``listing``;
import those by name.
"""
