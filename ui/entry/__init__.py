"""The New-incident form: what happened first, then only the sections those types need."""
