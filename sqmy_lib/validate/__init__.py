"""Validation: a declarative table of checks run over the record tables (see ``checks.CHECKS``)."""
from .checks import CHECKS, Check
from .engine import error_rows, validate
from .report import Issue, Report

__all__ = ["validate", "error_rows", "Report", "Issue", "CHECKS", "Check"]
