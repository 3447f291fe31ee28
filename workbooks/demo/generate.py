"""Regenerate the demo office (示例县政协) ledgers in this folder: python workbooks/demo/generate.py"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout without installing

from sqmy_lib.synth import write_demo_office  # noqa: E402

if __name__ == "__main__":
    write_demo_office(Path(__file__).parent)
