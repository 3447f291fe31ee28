"""Scheduled report runs: schedule files, run history, a per-schedule lock, the runner, Airflow export.

One small module per job: ``spec`` (read and check ``schedules/*.yaml``, fill in
period placeholders), ``history`` (SQLite record of every run), ``lock`` (two
runners never run the same schedule at once), ``runner`` (what is due, retries,
the failure note), ``airflow`` (the same schedules as an Airflow DAG file).
"""
from .spec import Schedule, ScheduleError, load_schedule, load_schedules

__all__ = ["Schedule", "ScheduleError", "load_schedule", "load_schedules"]
