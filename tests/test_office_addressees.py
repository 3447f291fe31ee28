"""An office that is no 县 keeping the shipped addressees and 抄送, which name a 县's bodies, is told.

The shipped 主送 (各民主党派县委，县工商联) and 抄送 (县委办公室, 县人民政府办公室) hold no 示 as the other
【必改】 placeholders do, so a 区 office that set its name and place printed them in its circular unwarned."""
import yaml

from sqmy_lib.rules import load_rules
from sqmy_lib.rules.model import default_rules_path

from conftest import sqmy


def _office_rules(tmp_path, place: str, name: str, full_name: str, **set_too):
    data = yaml.safe_load(default_rules_path(2026)[0].read_text(encoding="utf-8"))
    data["office"].update(name=name, full_name=full_name, place=place, city="江城市", province="江南省")
    data["commendations"]["basis"] = f"《{name}社情民意信息工作考核奖励办法》"
    data["commendations"]["decided_by"] = f"{name}主席会议"
    for key in ("circular", "commendation"):
        data["documents"][key]["number"] = "南政协办〔{year}〕{n}号"
    for dotted, value in set_too.items():
        section, key = dotted.split("__")
        data[section][key] = value
    path = tmp_path / "规则.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_district_keeping_the_countys_addressees_is_told(tmp_path):
    path = _office_rules(tmp_path, "南岭区", "南岭区政协", "政协江城市南岭区委员会")
    notes = [n for n in load_rules(path).notes if "与本单位(南岭区)不符" in n]
    # By hand: the three keys still as shipped name 县委 / 县工商联 / 县人民政府.
    assert sorted(n.split(" ")[1] for n in notes) == ["circular.addressee", "commendations.addressee", "documents.cc"]
    ran = sqmy("rules", "check", path)
    assert ran.returncode == 0 and "documents.cc" in ran.stdout + ran.stderr


def test_set_addressees_or_a_county_are_not_told(tmp_path):
    path = _office_rules(tmp_path, "南岭区", "南岭区政协", "政协江城市南岭区委员会",
                         circular__addressee="各民主党派区委，区工商联", commendations__addressee="各界别组，各民主党派区委",
                         documents__cc=["区委办公室", "区人民政府办公室"])
    assert not [n for n in load_rules(path).notes if "不符" in n]
    county = _office_rules(tmp_path, "东山县", "东山县政协", "政协东山县委员会")
    assert not [n for n in load_rules(county).notes if "不符" in n]


def test_init_marks_the_cc_to_set(tmp_path):
    assert sqmy("init", tmp_path / "office").returncode == 0
    line = next(l for l in (tmp_path / "office" / "规则.yaml").read_text(encoding="utf-8").splitlines() if l.lstrip().startswith("cc:"))
    assert "【必改】" in line
