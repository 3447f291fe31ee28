"""The rules in force as a Chinese plain-text appendix, the way an office prints them in a 通知."""
from __future__ import annotations

from decimal import Decimal

from .model import Rules

NUMERALS = "一二三四五六七八九十"
PER_ZH = {"month": "每月", "quarter": "每季度", "year": "每年"}
CIRCULAR_ZH = {"month": "按月", "quarter": "按季度", "half": "每半年"}
ORDER_ZH = {
    "highest_tier": "最高采用层级(高者在前)",
    "instructions": "领导批示件数(多者在前)",
    "adoptions": "被采用次数(多者在前)",
    "earliest_submission": "报送日期(早者在前)",
}
INDENT = "  "
# points.rank_by's keys as a ranking names them.
RANK_ZH = {"points": "积分", "adopted": "采用条数", "submitted": "报送条数", "instructed": "获批示件数"}


def money(value) -> str:
    """Yuan with two decimals: "200.00元". Read through str so a float in the file stays exact."""
    return f"{Decimal(str(value)).quantize(Decimal('0.01'))}元"


def _number(value) -> str:
    """2 → "2", 1.5 → "1.5" (a multiplier as written, without trailing zeros)."""
    d = Decimal(str(value)).normalize()
    return f"{d:f}"


def _joined(words) -> str:
    return "、".join(str(w) for w in words or [])


def _section(n: int, title: str, lines: list[str]) -> list[str]:
    return [f"{NUMERALS[n - 1]}、{title}", *(INDENT + line for line in lines), ""]


def _tiers(rules: Rules) -> list[str]:
    p = rules.data["placement"]
    lines = [f"采用层级由低到高为:{_joined(rules.tiers)}。"]
    if (own := rules.tier_word(rules.own_tier)) != rules.own_tier:  # 区级 in a 区's documents
        lines[0] += f"本会为{rules.own_tier},通报等文件中写作“{own}”。"
    lines.append("按采用单位的名称认定层级:先看是否为本会所在地({}),再看名称中最后出现的层级字词:".format(
        _joined(x for x in (rules.data["office"].get("place"), rules.data["office"].get("city"), rules.data["office"].get("province")) if x)))
    for tier in reversed(rules.tiers):
        words = (p.get("level_words") or {}).get(tier)
        if words:
            lines.append(f"{INDENT}{tier}:{_joined(words)}")
    relative = rules.data["office"].get("relative") or {}
    if relative:  # 市政协 read as this office reads 市 (a county-level city's own, a 直辖市 district's 省级)
        lines.append("名称以层级字开头、前面没有地名的,按本会理解:" + "、".join(
            f"“{w}”为{rules.own_tier if t == 'own' else t}" for w, t in relative.items()) + "(如“市政协”“市级领导”)。")
    lines.append(f"本会信息刊物为《{rules.bulletin}》,其编发即本会编发({rules.own_tier})。")
    products = [(w, rules.own_tier if t == "own" else t) for w, t in (p.get("product_words") or {}).items() if t]
    if products:  # the office's own journal names mapped to a tier (建言参考: own): how its cells are read
        lines.append("名称中没有层级字词的刊物按刊物名认定:" + "、".join(f"“{w}”为{t}" for w, t in products) + "。")
    if own_words := rules.placement.own_words:
        lines.append(f"名称中没有层级字词而含“{_joined(own_words)}”的,按本会编发({rules.own_tier})认定。")
    marks = rules.data.get("marks") or {}
    if marks.get("adopted"):
        lines.append(f"采用栏填写“{_joined(map(str, marks['adopted']))}”的,认定为已采用;填写“"
                     f"{_joined(map(str, marks.get('not_adopted') or []))}”的,认定为未采用。")
    lines.append("采用渠道:" + ";".join(
        f"{name}(含“{_joined(words[:6])}”等){'' if (p.get('channels') or {}).get(name, {}).get('paid') else ',单独统计、不计稿酬'}"
        for name, words in (p.get("channel_words") or {}).items()) + "。")
    if p.get("media_words"):
        lines.append(f"名称中含“{_joined(p['media_words'][:6])}”等的是网站、公众号、报刊等媒体发布,不是采用,不计入采用统计和稿酬。")
    lines.append("上报不等于采用:只报送上级而未被采用的,单独统计,不计稿酬。")
    lines.append("领导批示按批示领导职务中的层级字词认定级别。")
    return lines


def _quota_line(per: str, items: int) -> str:
    return f"{PER_ZH.get(per, per)}报送{items}条"


def _how_judged(q: dict) -> str:
    """How compute.base.judge_quota judges a rule, in words."""
    if q["per"] == "month":
        if q.get("every_month"):
            return "每月都须完成,逐月考核并列出未完成的月份,完成率按完成的月数计算"
        return "按月累计考核"
    if q.get("prorate"):
        return "按月折算进度考核,不足整条的进为整条"
    if q["per"] == "quarter":
        return "季度结束时考核;季度未结束时(如月度通报)只显示进度,不列入未完成名单"
    return "年度结束时考核;年度中的季度、月度、半年通报只显示进度,不列入未完成名单"


def tie_break_text(keys) -> str:
    """积分相同的,依次比较采用条数、报送条数,仍相同的并列: the tie-breaks of ``points.rank_by``, said
    alike by ``rules show``, the circular's 附件1 and the commendation's 评选依据."""
    rest = [RANK_ZH.get(k, k) for k in list(keys)[1:]]
    if not rest:
        return "积分相同的并列"
    return f"积分相同的,{'依次' if len(rest) > 1 else ''}比较{_joined(rest)},仍相同的并列"


def coauthor_rule(rules: Rules) -> str:
    """How a co-written item is counted (quotas.coauthored_counts_each), one sentence: said by ``rules
    show`` and by a person's 反馈函 that lists a co-written item."""
    quotas = rules.data.get("quotas") or {}
    if quotas.get("coauthored_counts_each", True):
        return "联名报送的信息,每位署名作者各计1条。"
    tags = quotas.get("lead_author_tags") or []
    lead = f"(注明“{_joined(tags)}”的作者优先)" if tags else ""
    return f"联名报送的信息,只计入第一作者{lead}。"


def _quotas(rules: Rules, unit_types=None) -> list[str]:
    """The quotas in words; ``unit_types``, when given, the only unit types described (a circular's
    office's own, not a 专委会 quota of an office that has no 专委会)."""
    quotas = rules.data["quotas"]
    lines = ["(一)个人"]
    for role, q in (quotas.get("people") or {}).items():
        lines.append(f"{INDENT}{role}:每人{_quota_line(q['per'], q['items'])},{_how_judged(q)}。")
    lines.append(f"{INDENT}任务自聘任(任职)当月起计算,至解聘(离任、届满)时止,以当月最后一天在任为准;"
                 "年中任职、离任的,年度、季度任务按在任月数折算,不足整条的进为整条(如折算为1.5条的计为任务2条),"
                 "完成率按整条任务计算。同时具有两种身份的,分别按各自任务考核。")
    lines.append(INDENT + coauthor_rule(rules))
    units = {t: q for t, q in (quotas.get("units") or {}).items() if unit_types is None or t in unit_types}
    if units:
        lines.append("(二)单位")
    for unit_type, q in units.items():
        text = f"{unit_type}:{_quota_line(q['per'], q['items'])}"
        if q.get("adopted"):
            text += f",其中{rules.tier_word(q['adopted_min_tier'])}及以上采用{q['adopted']}条"
        text += f";自{q.get('start_month', 1)}月起计算,{_how_judged(q)}。"
        lines.append(INDENT + text)
    return lines


def _rewards(rules: Rules) -> list[str]:
    r = rules.data["rewards"]
    lines = ["被采用的信息按采用层级发放稿酬:"]
    lines += [f"{INDENT}{rules.tier_word(tier)} {money(r['by_tier'][tier])}" for tier in rules.tiers if tier in r["by_tier"]]
    if r.get("tier_mode", "highest") == "sum":
        lines.append("同一条信息被多个层级采用的,逐级累计计发。")
    else:
        lines.append("同一条信息被多个层级采用的,按最高层级计发,不累计。")
    m = Decimal(str(r.get("instruction_multiplier", 1)))
    if m == 2:
        lines.append("有各级领导批示的,稿酬加倍(×2)。")
    elif m != 1:
        lines.append(f"有各级领导批示的,稿酬按{_number(m)}倍计发(×{_number(m)})。")
    lines.append("联名稿件的稿酬由署名作者平均分配,以分为单位,余数归第一作者;以单位名义报送的,稿酬计入该单位。")
    if r.get("top_up"):
        lines.append("信息在以后的期间被更高层级采用或获领导批示的,届时只补发差额(补差),不重复全额计发。")
    else:
        lines.append("每条信息只计发一次:在首次采用的季度,按该季度末已达到的最高层级和批示计发,以后不再补发。")
    return lines


def _points(rules: Rules) -> list[str]:
    p = rules.data["points"]
    by_tier = "、".join(f"{rules.tier_word(t)}{p['adoption_by_tier'][t]}分" for t in rules.tiers if t in p["adoption_by_tier"])
    by_level = "、".join(f"{rules.tier_word(lvl)}{p['instruction_by_level'][lvl]}分" for lvl in rules.leader_levels
                         if p["instruction_by_level"].get(lvl))
    how = "逐件累计" if p.get("instruction_mode") == "sum" else "有多件批示的按最高级别计"
    lines = [
        f"每报送1条计{p['per_submission']}分。",
        f"被采用的按最高采用层级计分:{by_tier}。",
    ]
    if by_level:
        lines.append(f"有领导批示的按批示领导级别加分:{by_level}({how})。")
    lines.append(_points_shared(rules))
    lines.append(_points_growth(rules, p["adoption_by_tier"]))
    lines.append(f"各单位在同类单位中按积分排名,{tie_break_text(rules.rank_by)}(名次相同);"
                 "季度通报的排名和年度表彰候选名单(先进集体、优秀信息员)的排序都按此办理。")
    return lines


def _points_shared(rules: Rules) -> str:
    """Whose an item's points are (the commendation's person scores, ``compute units``), as
    ``coauthor_rule`` says how it counts: a co-written item's whole points for each author, or for its
    first (执笔) author alone (``quotas.coauthored_counts_each``), never shared out as its money is; a
    unit's, the items sent under its name."""
    quotas = rules.data.get("quotas") or {}
    if quotas.get("coauthored_counts_each", True):
        whose = "每位署名作者的个人积分均计该条信息的全部分数(不分摊)"
    else:
        tags = quotas.get("lead_author_tags") or []
        whose = "只计入第一作者" + (f"(注明“{_joined(tags)}”的作者优先)" if tags else "") + "的个人积分"
    return f"联名报送的信息,{whose};单位积分按信息的报送单位计算,以单位名义报送的计入该单位。"


def _points_growth(rules: Rules, by_tier: dict) -> str:
    """How a period's points are counted when an item climbs (compute.units.item_points), with an
    example from the rules' own numbers."""
    tiers = [t for t in rules.tiers if t in by_tier]
    example = ""
    if len(tiers) >= 2:
        (low, a), (high, b) = [(rules.tier_word(t), by_tier[t]) for t in tiers[:2]]
        example = f"(如一季度{low}采用计{a}分,三季度又被{high}采用,三季度计{b}−{a}={b - a}分)"
    return (f"信息在以后的期间被更高层级采用或获领导批示的,该期间只计增加的分数{example},"
            "各月、各季度的积分相加等于全年积分。")


def _most(n, word: str) -> str:
    """A commendation limit as the candidates workbook says it: empty no limit, 0 none (as top_n: 0)."""
    if n is None or isinstance(n, str) and not n.strip():
        return ""
    return f",最多表彰{n}{word}" if n else ",名额为0,不评选"


def _grades_and_prizes(c: dict) -> list[str]:
    """The commendation's 奖项等次 and 表彰奖金, a line per category."""
    lines = [f"{INDENT}{category}设奖项等次:" + "、".join(f"{g}{k}名(条、个)" for g, k in grades.items()) + "。"
             for category, grades in (c.get("grades") or {}).items()]
    for category, prize in (c.get("prizes") or {}).items():
        amount = "、".join(f"{g}{money(v)}" for g, v in prize.items()) if isinstance(prize, dict) else money(prize)
        lines.append(f"{INDENT}{category}表彰奖金:{amount}。")
    return lines


def _unit_condition(c: dict) -> str:
    """先进集体's condition (commendations.advanced_units), as the 办法 says it; '' when none is set."""
    need = c.get("advanced_units") or {}
    parts = [f"{word}低于{float(need[key]) * 100:g}%" for key, word in
             (("min_completion", "年度任务完成率"), ("min_adopted_completion", "年度采用任务完成率"))
             if need.get(key) is not None and not (isinstance(need[key], str) and not need[key].strip())]
    if not parts:
        return ""
    return (f";{'或'.join(parts)}的单位不建议表彰,由同类单位中的下一名递补"
            "(没有报送任务的单位不作此要求;两年或按届评选的,所读台账有记录的每一年度都须达到)")


def _commendations(rules: Rules) -> list[str]:
    c = rules.data["commendations"]
    oi = c["outstanding_informant"]
    lines = [f"(一)优秀信息员:年度内报送{oi['min_submitted']}条以上且被采用{oi['min_adopted']}条以上的委员和信息员"
             f"方可参加评选,按得分排序列为候选{_most(oi.get('max_count'), '名')}。"]
    groups = "、".join(f"{g}最多{v['top_n']}个" if v.get("top_n") else f"{g}不评选"
                      for g, v in rules.data["peer_groups"].items())
    if groups:
        lines.append(f"(二)先进集体:各类单位分别按总分排序列为候选,{groups}{_unit_condition(c)}。")
    order = "、".join(ORDER_ZH.get(k, k) for k in c["top_items_order"])
    top = f",最多评选{c['top_items']}条" if c["top_items"] else _most(0, "条")
    lines.append(f"(三)十佳信息:被采用的信息依次比较{order}排序{top}。")
    good = (c.get("good_items") or {}).get("max_count")
    lines.append(f"(四)好信息:领导批示件落实情况为已办结(见“批示件办理”)的信息列为候选{_most(good, '条')}。")
    workers = c.get("advanced_workers") or {}
    n = 5
    if workers.get("roles"):
        lines.append(f"(五)先进工作者:在名册所列{_joined(workers['roles'])}中评选{_most(workers.get('max_count'), '名')}。")
        n = 6
    lines += _grades_and_prizes(c)
    decider = c.get("decided_by") or "评选机构"
    basis = f",依据{c['basis']}" if c.get("basis") else ""
    lines.append(f"({NUMERALS[n - 1]})评选程序:按台账数据生成候选名单及评选依据,由{decider}研究确认{basis}作出表彰决定;"
                 "表彰决定和奖励发放表只按确认的名单生成,确认前的名单标明“草稿”。")
    term = c.get("term")
    span = f";按届评选的,届期为{term['name']}({term['first_year']}—{term['last_year']}年)" if term else ""
    lines.append(f"{INDENT}两年或按届合并评选的,参评条件按年数倍计{span}。")
    return lines


def _instructions(rules: Rules) -> list[str]:
    d = rules.data.get("instructions") or {}
    words = d.get("status_words") or {}
    lines = [f"领导批示件参照政协提案办理跟踪督办:台账未写明办理时限的,自交办之日(未交办的自批示之日)起{d.get('due_days', 30)}日内办复。",
             f"办理状态按落实情况和办复内容认定:写明“{_joined(words.get('已办结'))}”的为已办结;"
             f"写明“{_joined(words.get('办理中'))}”的为办理中。"]
    if d.get("negations"):
        lines.append(f"办结字词(或去掉“已”字后,如“落实”)前紧接“{_joined(d['negations'])}”等否定词的"
                     "(如“问题尚未得到解决”“未采纳”“仍未落实”),不算已办结;同一条落实情况既有办结又有否定的,按办理中统计。")
    no_report = f"及只写“{_joined(words.get('未反馈'))}”的" if words.get("未反馈") else ""
    lines += [f"无法认定的按办理中统计并在校验报告中提示核实;未填写的{no_report}为未反馈。超过办理时限仍未办复的列为逾期,排在跟踪表最前。",
              "好信息只从已办结的批示件中评选。"]
    return lines


def _periods(rules: Rules) -> list[str]:
    every = (rules.data.get("periods") or {}).get("circular", "quarter")
    return [
        f"社情民意信息工作情况{CIRCULAR_ZH.get(every, every)}统计通报,全年排名,年度表彰。",
        "报送按报送日期计入所属期间;采用、批示按各自日期计入(未写日期的按报送日期计;批示未写日期而同一行写有采用日期的,按采用日期计)。",
        "采用率为本期收到的信息中截至期末已被采用的比例;本期被采用的信息含此前收到的,故不按被采用条数除以收到条数计算。",
        "上报按上报日期计入;被上级采用而未另记上报的信息,视为已向采用单位上报,按采用日期计入"
        "(台账未记录任何上报时,不统计上报)。",
        "上报的信息被任一上级单位采用即计为被上级采用(如报全国政协、被市政协采用的)。" if rules.forwarded_adopted_above_own
        else "上报的信息须被其所报最高一级或更高一级单位采用,才计为被上级采用(如报全国政协、仅被市政协采用的,不计)。",
    ]


def _appraisal(rules: Rules) -> list[str]:
    a = rules.data.get("appraisal") or {}
    if not a:
        return ["规则文件未设信息员考核标准(使用内置规则的标准)。"]
    lines = [f"考核对象:{_joined(a.get('roles') or [])}。按年度内有信息的月份占应报月份的比例(按月完成率)和被采用条数评定等次,"
             "依次对照下列标准,取第一个全部达到的等次:"]
    for name, need in (a.get("grades") or {}).items():
        need = need or {}
        parts = []
        if need.get("min_completion") is not None:
            parts.append(f"按月完成率不低于{float(need['min_completion']) * 100:g}%")
        if need.get("min_adopted"):
            parts.append(f"被采用{need['min_adopted']}条以上")
        lines.append(f"  {name}:{'、'.join(parts) if parts else '其余'}。")
    lines.append("年度内没有应报月份的(年后才聘任、年前已离任,或没有月末在任的月份),不参加评定,不列入任何等次。")
    lines.append("续聘意见由工作人员填写。")
    return lines


def rules_text(rules: Rules) -> str:
    """The rules as a numbered Chinese appendix; a fallback note comes first as "说明:…"."""
    year = f"{rules.year}年度" if rules.year else ""
    out = [f"说明:{note}" for note in rules.notes]
    if out:
        out.append("")
    out += [f"附件:{year}社情民意信息工作规则(版本 {rules.version})", ""]
    sections = [
        ("采用层级与认定", _tiers),
        ("报送任务", _quotas),
        ("稿酬标准", _rewards),
        ("计分办法", _points),
        ("评选表彰", _commendations),
        ("通报周期", _periods),
        ("批示件办理", _instructions),
        ("信息员考核", _appraisal),
    ]
    for n, (title, build) in enumerate(sections, 1):
        out += _section(n, title, build(rules))
    return "\n".join(out).rstrip() + "\n"
