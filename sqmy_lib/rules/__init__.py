"""Rules as data: quotas, rewards, points, thresholds and the body-name → tier mapping.

Rules live in a YAML file per year. The package ships the defaults of
domain.md §5 under ``rules/defaults/``; an office passes its own file.
Files are read with ``yaml.safe_load``: nothing in them is ever evaluated.
"""
from .check import RuleProblem, RulesError, RulesFileError, check_file, check_rules
from .model import Rules, default_rules_path, load_rules
from .show import rules_text

__all__ = ["Rules", "load_rules", "default_rules_path", "RuleProblem", "RulesError", "RulesFileError",
           "check_rules", "check_file", "rules_text"]
