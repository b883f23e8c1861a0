"""Offline analysis: lint findings and who-can reports."""
