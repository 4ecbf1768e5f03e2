"""Period statistics computed in SQL and returned as plain data for reports and the overview."""
