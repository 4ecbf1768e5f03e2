"""The pages and windows of the app: lists, incident view, overview, PSP, residents, administration."""
