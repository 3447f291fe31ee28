"""Computations: DataFrames of quota completion, rewards (to the fen), points and rankings.

Every function takes a :class:`~sqmy_lib.records.Ledger` (rows with validation
errors are left out, ``Counted.left_out`` says why, and a ``LeftOutWarning`` says how many) and a period — a
:class:`Period` or a bare year.
"""
from .base import EmptyPeriodWarning, LeftOutWarning, empty_period_text, records_only
from .counted import Counted, counted
from .instructions import instructions
from .people import names_in_several_units, people
from ..period import Period
from .rewards import reward_lines, rewards, rewards_by_beneficiary, split_fen, to_fen, yuan
from .summary import Summary, summary
from .units import no_unit_list, units

__all__ = [
    "Counted", "counted", "EmptyPeriodWarning", "LeftOutWarning", "empty_period_text", "records_only", "Period", "people", "names_in_several_units", "units", "no_unit_list", "summary", "Summary",
    "instructions", "reward_lines", "rewards", "rewards_by_beneficiary", "split_fen", "to_fen", "yuan",
]
