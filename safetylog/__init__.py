"""SafetyLog core: domain, classification, storage and services (no Qt, no reportlab)."""

__version__ = "0.1.0"
