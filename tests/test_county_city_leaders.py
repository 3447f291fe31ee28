"""A city office's ledger (松原市政协, 市级) naming the leaders of a county-level city below it: 扶余市市长,
扶余市副市长, 扶余市常务副市长 are the county tier, as 扶余市委书记 and 扶余市政协 are; the city's own 市长 and
江州 style names of the office's own place stay 市级. Answers by hand: a 县级 批示 adds nothing at 市级."""
from __future__ import annotations

import copy

import sqmy_lib as sq
from sqmy_lib.rules import Rules


def _city_rules() -> Rules:
    data = copy.deepcopy(sq.load_rules(year=2026).data)
    data["office"].update(name="松原市政协", full_name="政协松原市委员会", own_tier="市级", place="松原市", city="",
                          province="吉林省", below=["扶余市"])
    return Rules(data=data, source="<测试>")


def test_a_county_level_citys_own_leaders_are_the_county_tier():
    rules = _city_rules()
    tier = lambda name: rules.place(name).tier
    # Before: 扶余市市长钱某某 and 扶余市副市长王某 were 市级 (the 市 of 市长 read over the place before it).
    assert tier("扶余市市长钱某某") == "县级"
    assert tier("扶余市副市长王某") == "县级"
    assert tier("扶余市常务副市长赵某") == "县级"
    assert tier("扶余市委书记孙某某") == "县级"
    # The office's own city and a post with no place: 市级, as before.
    assert tier("松原市市长李某") == "市级"
    assert tier("市长李某") == "市级"
    assert tier("副市长王某某") == "市级"
