"""PDF reports drawn with reportlab from plain data computed by the core."""
