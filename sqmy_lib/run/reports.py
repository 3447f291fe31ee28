"""The reports sqmy produces by running a notebook: the registry of report kinds (see ``sqmy_lib.kinds``)."""
from __future__ import annotations

from ..kinds import CIRCULAR, COMMENDATION, KINDS, ROLLUP, ReportKind, report_kind

__all__ = ["ReportKind", "CIRCULAR", "COMMENDATION", "ROLLUP", "KINDS", "report_kind"]
