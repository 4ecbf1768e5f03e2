"""Value objects, enums, validation and taxonomy loading. No I/O beyond reading resources."""
