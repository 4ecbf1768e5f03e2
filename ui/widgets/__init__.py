"""Small widgets shared by the windows: field errors, pickers, date-time input, enum labels."""
