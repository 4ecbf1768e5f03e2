"""Use cases. Each public method is one transaction, checks permissions and writes the audit log."""
