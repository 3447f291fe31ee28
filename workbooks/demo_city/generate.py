"""Regenerate the demo city office (示例市政协) and its counties here: python workbooks/demo_city/generate.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout without installing

from sqmy_lib.synth import write_city_office  # noqa: E402

if __name__ == "__main__":
    write_city_office(Path(__file__).parent)
