"""The words of a ledger's header and of the rows that are not items: the reader's vocabulary.

Data, in one place. A header label is compared after normalisation (NFKC, no spaces, no
punctuation or required-field stars): ``信息 标题*`` is ``信息标题``. A label names a field
exactly (``FIELD_LABELS``), else by the first keyword it contains (``FIELD_KEYWORDS``);
``IGNORED_*`` labels are columns the tool computes itself or has no use for (``稿酬``,
``联系电话``): read past on purpose and said once per sheet. Anything else in a header row
is reported (``header.unknown``), so staff see what was not read.

An office adds its own synonyms in its rules file (``headers:`` field → list of labels).
"""
from __future__ import annotations

import re

# field → labels that name it exactly. The first column that names a field takes it.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "item_no": ("编号", "信息编号", "稿件编号", "登记号", "编码", "登记编号", "信息号", "稿号", "收稿编号", "流水号",
                "来稿编号", "原编号", "信息序号", "收文编号",
                # A 采用台账's reference to the 报送台账's 序号 (beside its own 序号): the item's number.
                "报送序号", "原序号", "报送信息序号", "原信息序号", "收稿序号", "来稿序号"),
    "seq": ("序号", "序", "行号", "顺序号", "NO", "No", "排序", "序列"),
    "date": ("收稿日期", "报送日期", "日期", "来稿日期", "收稿时间", "报送时间", "收到日期", "时间", "提交日期", "收稿日",
             "投稿日期", "投稿时间", "来稿时间", "登记日期", "登记时间", "收文日期", "收件日期", "报送日", "撰写日期", "收稿",
             "报送日期时间", "信息报送时间", "信息报送日期", "收集日期", "收集时间"),
    # 收稿时间 written over two narrow columns 月 | 日 (or a 月份 column alone): read as the date.
    "month": ("月", "月份", "收稿月份", "报送月份"),
    "day": ("日",),
    # The year of each row (one sheet kept over several years): a 收稿日期 written without its year (3月5日) is of it.
    "year": ("年度", "年份", "所属年度", "报送年度", "收稿年度", "信息年度", "年"),
    "title": ("信息标题", "标题", "题目", "信息题目", "稿件标题", "信息名称", "稿件题目", "主题", "稿件名称", "信息内容",
              "信息主题", "文章标题", "标题名称", "社情民意信息标题", "反映问题", "反映内容", "内容", "事项", "来稿标题",
              "信息标题内容", "稿件内容", "信息题目名称", "报送信息标题", "名称", "反映事项", "问题", "信息"),
    "author": ("作者", "报送人", "反映人", "撰稿人", "姓名", "提供人", "撰写人", "报送者", "作者姓名", "报送人姓名", "信息员",
               "供稿人", "投稿人", "来稿人", "提供者", "反映者", "报送委员", "委员姓名", "信息员姓名", "撰稿", "执笔人",
               "作者执笔人", "报送人员", "信息提供人", "反映人姓名", "撰稿人姓名", "委员", "上报人", "上报人姓名"),
    "unit": ("单位", "所在单位", "报送单位", "工作单位", "所属单位", "单位界别", "报送单位界别", "单位界别组", "供稿单位",
             "来稿单位", "作者单位", "投稿单位", "报送部门", "部门", "党派", "所属党派", "党派团体", "单位党派", "所在党派",
             "报送单位部门", "提供单位", "作者所在单位", "所属单位界别", "单位及职务", "工作单位及职务"),
    "sector": ("界别", "所属界别", "委员界别", "界别组", "所在界别"),
    "category": ("类别", "分类", "信息类别", "类型", "信息分类", "内容分类", "领域", "所属领域", "信息类型", "主题分类", "门类",
                 "所属类别", "涉及领域", "内容类别", "信息所属类别"),
    "role": ("身份", "作者身份", "人员类别", "报送人身份", "人员身份", "作者类别", "报送人类别", "作者类型"),
    "adopted_flag": ("是否采用", "采用与否", "是否被采用", "是否录用", "是否刊用", "是否编发", "采用否", "是否采纳",
                     "是否刊发", "是否"),
    "adoption": ("采用情况", "采用单位", "采用刊物", "采用", "采用单位刊物", "采用情况及期数", "采用层级", "采用级别",
                 "采用及刊发情况", "刊发情况", "录用情况", "刊用情况", "用稿情况", "采用结果", "采编情况", "编发情况",
                 "刊载情况", "被采用情况", "上级采用情况", "采纳情况", "采用刊物及期号", "采用刊物期数", "采用单位及期数",
                 "刊物", "刊发刊物", "采用载体", "采用及报送情况", "录用", "刊用", "采用批示情况"),
    "issue_no": ("期号", "期数", "刊期", "采用期号", "刊发期号", "编发期数", "期次", "刊号", "编发期号", "采用期数"),
    "adopted_on": ("采用日期", "采用时间", "刊发日期", "编发日期", "刊发时间", "录用日期", "刊用日期", "编发时间",
                   "采用日", "刊登日期", "刊登时间"),
    "product": ("编发形式", "刊发形式", "刊物类型", "编发类别", "编发类型", "报送形式", "编报形式", "信息载体", "刊物类别"),
    "forward": ("上报情况", "报送上级情况", "上报单位", "报送上级", "上报", "是否上报", "上报去向", "报送去向", "上报层级",
                "向上级报送情况", "报送上级单位", "上报对象", "上报至", "是否报送", "是否已报送", "报送与否", "是否报出",
                # 转报 as a column's name is the sending on (the office's own 转报 product is a cell's
                # word: 已转报县委办), the body in each cell; 是否转报 | 是 is a 上报 to the next level up
                "转报情况", "转报单位", "转报去向", "转报对象", "转报至", "是否转报", "是否已转报"),
    "forwarded_on": ("上报日期", "上报日", "报送上级日期", "报送上级时间", "上报时间", "转报日期", "转报时间"),
    "instruction": ("批示", "领导批示", "批示情况", "领导批示情况", "批示件", "获批示情况", "签批情况", "领导签批", "签批",
                    "领导圈阅", "圈阅情况", "领导批示签批情况", "批示签批情况", "领导肯定性批示", "获领导批示情况"),
    "leader": ("批示领导", "批示人", "领导", "领导姓名", "签批领导", "批示领导及职务", "批示领导职务", "批示领导姓名",
               "圈阅领导"),
    "instruction_text": ("批示内容", "批示意见", "批示要求", "签批内容", "领导批示内容", "签批意见", "批示摘要"),
    "instructed_on": ("批示日期", "批示时间", "签批日期", "签批时间", "圈阅日期", "圈阅时间"),
    # 是否办结 | 是: a 批示's follow-up written as yes or no (read into its 落实情况: 已办结 / 未办结).
    "done_flag": ("是否办结", "是否已办结", "办结与否", "是否完成", "是否落实", "是否落实到位", "是否解决", "是否已解决",
                  "是否整改到位"),
    # 是否反馈 | 是: whether the handling unit has replied, yes or no (read into its 落实情况: 已反馈 / 未反馈),
    # not follow-up text 是.
    "reply_flag": ("是否反馈", "是否已反馈", "是否答复", "是否已答复", "是否回复", "是否办复", "是否已办复", "反馈与否"),
    "follow_up": ("落实情况", "反馈情况", "办理情况", "落实反馈", "落实", "落实反馈情况", "批示落实情况", "办理进展",
                  "落实结果", "办理落实情况", "批示件办理情况", "跟踪落实情况", "督办情况", "整改情况",
                  # a 督办 sheet's status column (已办结, 正在办理, 已反馈, 未反馈): the follow-up as the office records it
                  "督办状态", "督办结果", "督办进度", "督办落实情况", "办结状态", "落实状态"),
    "department": ("承办单位", "办理单位", "责任单位", "交办单位", "转送单位", "转送部门", "承办部门", "主办单位"),
    "assigned_on": ("交办时间", "交办日期", "转送日期", "转送时间", "督办时间", "督办日期"),
    "due_on": ("办理时限", "办结时限", "时限", "办理期限", "要求办结时间", "要求办结日期", "截止日期", "截止时间",
               "要求完成时间", "要求完成日期", "要求反馈时间", "要求反馈日期", "反馈时限", "完成时限", "办理截止日期"),
    "replied_on": ("办复日期", "办复时间", "答复日期", "答复时间", "回复日期", "回复时间", "办结日期", "办结时间",
                   "实际办结日期", "实际办结时间", "完成时间", "完成日期", "实际完成时间"),
    "reply": ("办复情况", "办理结果", "办复内容", "答复情况", "部门回复", "回复情况", "答复内容", "办复", "办结情况", "办结结果"),
    "fed_back_on": ("反馈日期", "反馈作者日期", "反馈时间", "反馈作者时间"),
    "note": ("备注", "说明", "附注", "其他", "其它", "备考"),
}

# A number column that is the item's number in the office that sent it (原编号 | 白沙区-2025-001 beside the city's
# own 编号 | JZ-2025-004): read as its own field (original_no; the roll-up matches by it), not a second 编号.
# Alone, it is the item's 编号 (FIELD_LABELS).
# A 上报单位 column is where the office sent each item up (市政协), or, in an office whose units 上报 to it, the
# unit that sent the item (民盟县委): the latter when every cell is a unit of the office's own and none a body
# items go up to (read.headers ``_settle_sender_units``); its 上报日期 is then the day the item came in.
SENDER_UNIT_LABELS = ("上报单位", "上报单位名称")

ORIGINAL_NO_LABELS = ("原编号", "原信息编号", "原稿件编号", "原始编号", "下级编号", "来稿原编号")

# When no label matches exactly, the first keyword a label contains decides (order matters:
# 采用日期 before 采用, 批示日期 before 批示, 是否上报 before 是否).
FIELD_KEYWORDS: tuple[tuple[str, str | None], ...] = (
    # A personal ID number (身份证号码, 公民身份号码, 证件号码) names no field: it is not the 身份 (role)
    # its label contains; read past (IGNORED_KEYWORDS), its numbers never echoed.
    ("身份证", None), ("身份号码", None), ("证件号", None),
    # 批示件标题, 督办件名称: the item's title on a 督办 sheet, not a 批示 column.
    ("件标题", "title"), ("件题目", "title"), ("件名称", "title"),
    ("是否办结", "done_flag"), ("是否完成", "done_flag"), ("是否落实", "done_flag"), ("是否解决", "done_flag"),
    ("是否反馈", "reply_flag"), ("是否已反馈", "reply_flag"), ("是否答复", "reply_flag"), ("是否回复", "reply_flag"),
    ("是否办复", "reply_flag"),
    ("采用日期", "adopted_on"), ("采用时间", "adopted_on"), ("刊发日期", "adopted_on"), ("编发日期", "adopted_on"),
    ("刊发时间", "adopted_on"), ("录用日期", "adopted_on"), ("批示日期", "instructed_on"), ("批示时间", "instructed_on"),
    ("签批日期", "instructed_on"), ("上报日期", "forwarded_on"), ("上报时间", "forwarded_on"),
    # A 督办 sheet's days: 办结 (done) is the reply's day; 截止, 要求完成/反馈 the time limit (not the feedback's day).
    ("办结日期", "replied_on"), ("办结时间", "replied_on"), ("完成时间", "replied_on"), ("完成日期", "replied_on"),
    ("截止", "due_on"), ("要求完成", "due_on"), ("要求反馈", "due_on"), ("要求办结", "due_on"),
    ("批示内容", "instruction_text"), ("批示意见", "instruction_text"), ("批示领导", "leader"), ("签批领导", "leader"),
    ("承办", "department"), ("责任单位", "department"), ("转送单位", "department"), ("转送部门", "department"),
    ("交办", "assigned_on"), ("时限", "due_on"), ("办复日期", "replied_on"), ("办复时间", "replied_on"),
    ("办复", "reply"), ("答复", "reply"), ("反馈日期", "fed_back_on"), ("反馈时间", "fed_back_on"),
    # 领导批示及落实情况: one column for the 批示 and how it was followed up, read as the 批示 (the
    # follow-up in its text is read too)
    ("批示及落实", "instruction"), ("批示和落实", "instruction"), ("批示及办理", "instruction"), ("批示及反馈", "instruction"),
    ("落实", "follow_up"), ("反馈", "follow_up"), ("办理", "follow_up"),
    # 采用及批示情况, 批示采用情况: one column for both, read as adoption text (the 批示 in it are read too)
    ("采用及批示", "adoption"), ("采用和批示", "adoption"), ("采用与批示", "adoption"), ("采用批示", "adoption"),
    ("批示及采用", "adoption"), ("批示采用", "adoption"), ("批示", "instruction"),
    ("签批", "instruction"), ("圈阅", "instruction"),
    # 采用刊物及期数, 采用单位期号: the body written with its issue, read as adoption text
    ("采用刊物", "adoption"), ("采用单位", "adoption"),
    # 采用情况（刊物及期数）: the same, under a bracket
    ("刊物及期", "adoption"), ("刊物期", "adoption"), ("单位及期", "adoption"),
    ("期号", "issue_no"), ("期数", "issue_no"), ("期次", "issue_no"),
    ("是否上报", "forward"), ("上报", "forward"), ("报送上级", "forward"),
    # 是否 with an adoption's verb (是否已采用, 是否被录用); 是否原创, 是否重点, 是否公开 say nothing of one.
    ("是否采", "adopted_flag"), ("是否已采", "adopted_flag"), ("是否被", "adopted_flag"), ("是否录", "adopted_flag"),
    ("是否刊", "adopted_flag"), ("是否编", "adopted_flag"), ("是否用", "adopted_flag"), ("是否选用", "adopted_flag"),
    ("采用", "adoption"), ("刊发", "adoption"), ("录用", "adoption"), ("刊用", "adoption"), ("用稿", "adoption"),
    ("编发", "adoption"), ("标题", "title"), ("题目", "title"), ("编号", "item_no"), ("报送序号", "item_no"), ("原序号", "item_no"), ("序号", "seq"),
    ("日期", "date"), ("时间", "date"), ("作者", "author"), ("报送人", "author"), ("反映人", "author"),
    ("撰稿", "author"), ("执笔", "author"), ("姓名", "author"),
    # 报送单位或个人, 单位/个人: a column of authors, some of them units (the reader tells them apart)
    ("个人", "author"), ("单位", "unit"), ("党派", "unit"), ("界别", "sector"),
    ("类别", "category"), ("分类", "category"), ("类型", "category"), ("领域", "category"), ("身份", "role"),
    ("备注", "note"),
)

# Columns read past on purpose: what the tool computes itself (money, points, counts), and what it
# has no use for (phone numbers). Said once per sheet (header.ignored), never an error.
IGNORED_LABELS: tuple[str, ...] = (
    "稿酬", "稿费", "奖励", "奖金", "金额", "奖励金额", "稿酬金额", "稿酬元", "奖励元", "得分", "积分", "分值", "计分",
    "分数", "考核分", "考核得分", "联系电话", "电话", "手机", "手机号", "联系方式", "字数", "审核人", "经办人", "登记人",
    "责任编辑", "编辑", "签收", "签收人", "页码", "附件", "篇数", "条数", "职务", "职称", "性别", "年龄", "民族",
    "签名", "领取人签名", "签字", "经手人", "录入人", "录入时间", "修改时间", "来源",
    # The level of the author's own post (县级, 市级 委员), not of an adoption: no second author column.
    "作者级别", "作者层级", "报送人级别",
    # When the form was filled in, printed or exported, not when the item came: beside 收稿日期 it was a second date.
    "填表日期", "填表时间", "填报日期", "制表日期", "制表时间", "打印日期", "打印时间", "导出日期", "导出时间",
    "身份证", "身份证号", "身份证号码", "证件号码", "公民身份号码", "证件号",
    # The item's content beside its title: the tool counts items, it does not read them.
    "内容摘要", "主要内容", "内容提要", "摘要", "信息摘要", "信息来源", "稿件来源",
    # An online form's: when the respondent began, how long it took (结束答题时间 is when it was sent).
    "开始答题时间", "开始时间", "答题时长", "答题用时", "所用时间",
    # How it came (邮箱, 纸质, 微信): not where it went.
    "报送方式", "报送途径", "来稿方式", "收稿方式",
    "正文", "信息正文", "稿件正文", "全文", "信息全文", "具体内容", "详细内容", "正文内容",
    # Whether the item is 督办ed (督办 | 是): the tool's 督办 list is every 批示's, worked out from the 批示 and
    # its 督办 columns (承办单位, 办理时限, 办复); a mark saying so adds nothing to count.
    "督办", "是否督办", "督办与否", "是否列入督办", "列入督办",
)
IGNORED_KEYWORDS: tuple[str, ...] = ("稿酬", "稿费", "奖金", "奖励", "金额", "得分", "积分", "分值", "电话", "手机", "签名", "签字",
                                     # Points taken off (扣分, 减分): the rules deduct nothing; each cell said (read.sheet).
                                     "扣分", "减分", "扣减",
                                     "身份证", "身份号码", "证件号", "加倍", "倍数",
                                     # A 批示's (or any) reference number (领导签批单号 江政签〔2026〕7号, 批示件编号,
                                     # 文号): not the 批示 its 签批 names, nor a leader; no record keeps it.
                                     "单号", "文号", "件编号", "批示编号", "签批编号", "批示号", "批件号")
# Of the columns read past, those of money (稿酬（元）, 稿费, 奖金, 奖励金额; not 奖励分, a score): what
# was paid is the tool's to compute, but one that says 不计稿酬 (rules ``unpaid_words``) is heeded.
MONEY_KEYWORDS: tuple[str, ...] = ("稿酬", "稿费", "奖金", "奖励", "金额")


def money_label(label: str) -> bool:
    """Whether a column read past is one of money (``MONEY_KEYWORDS``), not a score (奖励分)."""
    return any(k in label for k in MONEY_KEYWORDS) and not label.endswith(SCORE_ENDINGS)


# Of a money group's columns (稿费发放 over 状态 | 金额 | 日期; 稿酬发放日期, 稿费领取人), those that write something
# about the payment, not its amount: the 金额 beside them is the amount written, checked (validate.money).
MONEY_ASIDE_ENDINGS: tuple[str, ...] = ("状态", "日期", "时间", "领取人", "签收", "签字", "签名", "经办人", "经手人", "备注",
                                        "是否发放", "发放与否")


def money_amount_label(label: str) -> bool:
    """Whether a column of money (``money_label``) writes an item's whole amount (稿酬（元）, 稿费发放/金额), not
    what else a payment has (稿费发放/状态, 稿费发放/日期: ``MONEY_ASIDE_ENDINGS``) nor the 批示's part of it
    (批示奖励 16.67 beside an adoption paid 100: not the item's whole money; 采用及批示奖励 is)."""
    return money_label(label) and not label.endswith(MONEY_ASIDE_ENDINGS) and ("批示" not in label or "采用" in label)


# Of the columns read past, a hand-kept 积分 of the item (积分, 得分, 分值): what it writes is checked against
# the points the rules give the row (validate.points), never obeyed; not a part of it (采用分: SCORE_ENDINGS),
# a running or grand total (累计积分, 总分), nor points taken off (DEDUCTION_KEYWORDS).
POINTS_KEYWORDS: tuple[str, ...] = ("积分", "得分", "分值", "计分", "分数")
_NOT_THE_ROWS_POINTS: tuple[str, ...] = ("累计", "合计", "总", "排名", "名次")
# A column of points taken off (扣分, 减分, 扣减分值): each cell that writes some is said (cell.deduction_unapplied).
DEDUCTION_KEYWORDS: tuple[str, ...] = ("扣分", "减分", "扣减", "倒扣")


def deduction_label(label: str) -> bool:
    """Whether a column read past writes points taken off (扣分, 扣减分值)."""
    return any(k in label for k in DEDUCTION_KEYWORDS)


def points_label(label: str) -> bool:
    """Whether a column read past is the item's whole hand-kept points (积分, 得分), not a part (采用分),
    a total (累计积分), money or points taken off."""
    return (any(k in label for k in POINTS_KEYWORDS) and not label.endswith(SCORE_ENDINGS) and not money_label(label)
            and not deduction_label(label) and not any(k in label for k in _NOT_THE_ROWS_POINTS))


# A 督办 sheet's status column (督办状态: 已办结, 督办中, 已反馈) beside its own 落实情况 column, whichever comes
# first: read as the 是否办结 column is, into the follow-up with the 落实情况 (已办结；区卫健局已于4月10日书面反馈),
# not a second 落实情况 column set aside (header.duplicate) with the reply days it writes.
FOLLOW_UP_STATUS_LABELS: tuple[str, ...] = ("督办状态", "督办进度", "办结状态", "落实状态")


# A hand-kept score named by what earned it (积分 over 报送分 | 采用分 | 批示分, or 采用分 alone): the tool
# computes points itself; not an adoption or a 批示 column. A label ending in one of these is read past (said).
SCORE_ENDINGS: tuple[str, ...] = ("报送分", "采用分", "批示分", "上报分", "录用分", "刊用分", "编发分", "签批分", "加分",
                                  "基础分", "奖励分", "考核分")

# Title labels that may name the item's text (信息内容, 内容): the title when no column says 标题/题目,
# else the content beside it, read past (said), wherever the two stand.
CONTENT_TITLE_LABELS: tuple[str, ...] = ("信息内容", "内容", "反映内容", "稿件内容", "反映问题", "问题", "事项", "反映事项")

# A column naming who filled in, sent, reviewed or is the contact for a row (online forms: 填报人姓名,
# 联系人姓名, 审核人姓名, 提交者, 1、您的姓名): not the item's author beside a real 作者 column (read past,
# said); the respondent's the authors when no other column names them (said: read.headers settles which).
# Of these, the respondent's own (填报人, 提交者, 您的姓名) may be the authors; a contact, a reviewer or a
# clerk (联系人, 审核人, 经办人) never is (a unit's item with its 联系人 stays the unit's).
RESPONDENT_KEYWORDS: tuple[str, ...] = ("填报人", "填表人", "填写人", "提交人", "提交者", "您的姓名", "你的姓名", "您的名字",
                                        "您的真实姓名", "答题人", "答卷人")
FILLER_KEYWORDS: tuple[str, ...] = (*RESPONDENT_KEYWORDS, "联系人", "审核人", "审批人", "发起人", "经办人", "录入人", "登记人")

# The labels of a column of counts: a tally's or a table of figures' (采用级别 | 条数, 报送信息（条）),
# never an item's. A label counts when it contains one of ``COUNT_WORDS`` (采用条数, 批示件数) or ends
# in one of ``COUNT_UNITS`` in brackets (报送信息（条）); 期数, 字数 are no counts.
COUNT_WORDS: tuple[str, ...] = ("条数", "件数", "篇数", "次数", "个数", "人数", "总数", "数量", "合计", "小计", "总计",
                                "报送数", "采用数", "批示数", "上报数", "编发数", "录用数", "刊用数", "采纳数", "转报数")
COUNT_UNITS: tuple[str, ...] = ("条", "件", "篇", "次", "个", "项", "人")
# What a title block's ``单位：条`` names: the unit of measure of the table's figures (条, 篇, 元), never the
# 填报单位 (it was: every item of a sheet with no 单位 column counted for a unit named 条).
MEASURE_WORDS: tuple[str, ...] = (*COUNT_UNITS, "份", "则", "名", "期", "元", "万元")

# Labels over a group of sub-columns, by what the group is about. A sub-label is read in its
# group's context: 日期 under 采用情况 is the adoption date, under 领导批示 the instruction's.
GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "forward": ("上报", "报送上级", "向上级报送"),
    "instruction": ("批示", "签批", "圈阅", "督办", "办理"),
    "adoption": ("采用", "刊发", "录用", "刊用", "用稿", "编发", "刊载", "采纳"),
    "submission": ("报送信息", "基本信息", "信息情况", "来稿情况", "收稿情况", "信息基本情况", "报送情况"),
}

# Inside a group, short sub-labels mean the group's fields.
GROUP_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "adoption": (("日期", "adopted_on"), ("时间", "adopted_on"), ("期", "issue_no"), ("单位", "adoption"),
                 ("刊物", "adoption"), ("层级", "adoption"), ("级别", "adoption"), ("情况", "adoption"),
                 ("形式", "product"), ("类型", "product")),
    "instruction": (("是否办结", "done_flag"), ("是否落实", "done_flag"), ("是否反馈", "reply_flag"), ("是否答复", "reply_flag"), ("办结", "replied_on"), ("完成", "replied_on"), ("截止", "due_on"), ("要求", "due_on"),
                    ("日期", "instructed_on"), ("时间", "instructed_on"), ("内容", "instruction_text"),
                    ("意见", "instruction_text"), ("落实", "follow_up"), ("反馈", "follow_up"), ("办理情况", "follow_up"),
                    ("进展", "follow_up"), ("承办", "department"), ("责任", "department"), ("交办", "assigned_on"),
                    ("时限", "due_on"), ("办复", "reply"), ("结果", "reply"), ("领导", "leader"), ("姓名", "leader"),
                    ("批示人", "leader"), ("职务", "leader_post"),
                    # 批示 over 领导 | 级别 | 内容: the leader's level (市级 | 王某某 is a 市级 leader's 批示), read with the
                    # leader; beside a 职务 that places the leader the 职务 decides, a 级别 against it said
                    ("级别", "leader_level"), ("层级", "leader_level")),
    "forward": (("日期", "forwarded_on"), ("时间", "forwarded_on"), ("单位", "forward"), ("对象", "forward"),
                ("层级", "forward"), ("去向", "forward"), ("情况", "forward")),
}

ROSTER_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "人员姓名", "委员姓名", "信息员姓名"),
    "role": ("身份", "人员类别", "类别", "人员身份", "类型", "委员类别", "委员类型", "身份类别", "政协身份", "人员类型",
             "聘任类别", "聘任身份"),
    "unit": ("单位", "所在单位", "工作单位", "所属单位", "报送单位"),
    "sector": ("界别", "所属界别", "所在界别", "界别名称", "委员界别"),
    "appointed_on": ("聘任日期", "聘任时间", "聘用日期", "任职日期", "聘任", "聘任年月", "聘期开始", "任职时间", "任职年月",
                     "聘用时间", "聘任起始日期", "聘期起始", "受聘日期", "受聘时间", "任期开始", "任期开始日期",
                     "担任信息员时间", "担任信息员日期",
                     # a 委员's start: elected at a 全会, or added (增补) between them
                     "当选时间", "当选日期", "增补时间", "增补日期", "增补为委员时间", "当选委员时间",
                     # 任职（聘任）时间: one column for both roles' start (as 解聘（离任）日期 for the end)
                     "任职聘任日期", "任职聘任时间", "聘任任职日期", "聘任任职时间"),
    "unit_name": ("单位名称", "名称", "单位全称"),
    "unit_type": ("单位类型", "类型", "分组", "组别", "单位类别", "类别", "同类组"),
    "note": ("备注", "说明"),
}

# An author column of the item's other authors (合作者, 第二作者, 联名人): beside an 作者 column, more authors; with
# none, on a sheet named for its person (one sheet per 委员), that person's co-authors (read.attribute).
COAUTHOR_LABEL_WORDS: tuple[str, ...] = ("合作者", "合作人", "合著者", "联名人", "联名作者", "第二作者", "第三作者", "其他作者")
# A later author column whose label says it holds more authors: a co-author's word above, a 执笔人's (rules
# ``authors.scribe_words``), or a number after the first's label (作者2, 作者（二）, 第四作者). Any other (报送人 |
# 信息员, 作者 | 提供人, 作者 | 作者) is read as co-authors too, but said (header.second_author): it may name who
# sent or handled the item, and its people would share the 稿酬 and each count the item.
COAUTHOR_LABEL = re.compile("|".join(map(re.escape, COAUTHOR_LABEL_WORDS))
                            + r"|联名|合写|合撰|第[二三四五六七八九2-9]作者|[(（]?[2-9二三四五六七八九][)）]?$")

# A roster column read as the role only when no column above names it (职务 is often a job title: 副局长).
ROSTER_ROLE_FALLBACK = ("职务", "职别", "现任职务")

# 单位 cells that say the item has no unit (filed by a person as such): no unit, not a unit called 个人.
NO_UNIT_WORDS = frozenset(("个人", "委员个人", "本人", "个人报送", "无", "/", "-", "—", "——",
                           "退休", "已退休", "离退休", "农民", "个体", "个体户", "自由职业", "自由职业者", "无业", "务农"))

# What a 期号 cell writes for "no number" (a 全国政协 adoption has none): not that the adoption was not made.
# A 期号 that says so in words (退稿, 未采用, 待定: the rules' marks) takes the row's adoption back.
NO_ISSUE_WORDS = frozenset(("无", "否", "没有", "暂无", "尚无", "无期号", "没有期号", "暂无期号", "未编号", "无编号", "空"))

# Rows that are not items.
# Ranks written before a post, one person's titles (市委常委、副市长; 县委副书记、县长): in a 批示
# that names posts only, a rank goes with the post after it; other posts are a leader each.
# A cell that says "the same as the cell above" (同上, 〃, a lone quotation mark): that cell's value.
DITTO_MARKS = frozenset(("同上", "同前", "仝上", "同上栏", "〃", "々", '"', "”", "“", "''", "’’", "‘‘"))
SUBTOTAL_WORDS = ("小计", "合计", "总计", "共计", "累计", "本月小计", "本季小计", "本季度小计", "本页小计", "汇总", "总数",
                  "截至", "截止")
NOTE_WORDS = ("注", "备注", "说明", "填表说明", "填表人", "填报人", "审核人", "制表人", "制表", "审核", "联系人", "联系电话",
              "负责人", "单位负责人", "填表日期", "填报日期", "制表日期", "统计人", "经办人", "附", "附注",
              # A system's footer (导出人：admin | 导出时间：2025-12-31 16:20:11), as a 制表人's line.
              "导出人", "导出时间", "导出日期", "打印人", "打印时间", "打印日期", "生成时间", "生成日期")
# A row that says the month (quarter) had no item, in whatever column the clerk wrote it (本月无信息,
# 本月未报送社情民意信息, 暂无, 无): no item; set aside with its words as a comment row, never an item
# titled 本月无信息 lacking its author and date.
NOTHING_IN_PERIOD = re.compile(
    r"(?:(?:本|当|该|[一二三四五六七八九十\d]{1,3})月份?|本季度?|本期|本旬)?[,，:：]?(?:暂|均|尚|仍)?"
    r"(?:无|没有|未(?:报送|收到|上报|报|收))(?:任何)?(?:社情民意)?(?:信息|稿件|报送|记录|内容|来稿)?[。.!！]?")
# A line above the header saying who filed the sheet (填报单位：民革县委, 单位：…, 填表人：张三): a ``word：value``
# line, never a header label, even merged over part of the header's width.
FILING_WORDS: tuple[str, ...] = ("填报单位", "报送单位", "填表单位", "制表单位", "单位名称", "单位", "填表人", "填报人", "制表人",
                                 "审核人", "联系人", "联系电话", "负责人", "单位负责人", "统计人", "经办人", "填表日期",
                                 "填报日期", "制表日期", "导出人", "导出时间", "导出日期", "打印时间", "打印日期")
# Sheet and file names that say a sheet repeats others (全年汇总 over the month sheets).
SUMMARY_SHEET_WORDS = ("汇总", "全年", "合计", "总表", "总台账", "年度")
# A file's name that says it is a copy of another (Windows' “ - 副本”, XP's “复件 ”, a download's “(1)”, a 备份):
# of two files that repeat each other, the copy is the one set aside, the ledger kept where staff keep it.
COPY_FILE_NAME = re.compile(r"副本|复件|复制|拷贝|备份|(?i:\bcopy\b)|[(（]\d{1,2}[)）]\s*$")
# Title labels that name no item by themselves: a sheet of a date and one of these, and nothing else a ledger has (作者,
# 单位, 采用, 批示), is a work log or contact record (日期 | 内容 | 联系人 | 电话), not a unit's sheet of items.
VAGUE_TITLE_LABELS = ("内容", "事项", "名称", "问题", "信息", "主题")
# A sheet named as last year's (上年, 去年台账, 上年度) or the year before (前年) in a year's workbook: its dates
# written without a year are that many years before the year the file (or folder, or --year) names.
YEARS_BACK_SHEET_WORDS: tuple[tuple[str, int], ...] = (("前年", 2), ("上一年", 1), ("前一年", 1), ("上年", 1), ("去年", 1))
# What a void word in a sheet's or file's name (rules ``void_sheet_words``) may be followed by when it says what was
# taken out of a ledger that stands (汇总（删除重复后）, 台账（已删除空行）), not that the ledger was struck out.
VOID_SHEET_NOT_AFTER: tuple[str, ...] = ("重复", "后", "线", "空", "多余", "无效", "错误")
# Sheets of instructions or drop-down lists beside a ledger (the templates have 填表说明 and 列表).
NOTE_SHEETS = ("填表说明", "填报说明", "说明", "使用说明", "列表", "下拉列表", "下拉选项", "下拉菜单", "数据字典", "选项", "代码表",
               "数据源", "数据有效性", "参数表")
# Words in a sheet's name that say it is something kept beside the ledger, not one (单位通讯录, 联系方式, 报送要求,
# 选题参考, 工作备忘): when it has no ledger header, said as such (sheet.not_ledger, 提示), not as a ledger whose header
# was not found. A 名单 or 名册 is not among them: a roster not read is worth a warning.
NOT_LEDGER_SHEET_WORDS = ("通讯录", "联系方式", "联系表", "联络表", "联系电话", "要求", "选题", "参考", "备忘", "要点", "通知")
# A sheet (or its title) that shares out the year's quotas among the units: the quotas are the rules' (quotas.units).
QUOTA_SHEET_WORDS = ("任务分解", "任务分配", "任务下达", "目标任务", "任务表")
# A roster column of each unit's or person's quota (年度任务, 任务数, 考核指标): not read (quotas are the
# rules' by unit type and role), said as such (roster.quota_column), not as any unread column.
QUOTA_COLUMN_WORDS = ("任务", "指标")
# A roster column naming the committee's term (届次: 第十届, 第十一届): not read; two terms in it with no dates in
# post say a 换届 the quotas cannot see (roster.term_column).
TERM_COLUMN_WORDS = ("届次", "届别", "届数", "所属届", "任届")

# A ledger's own count of its items on a 小计/合计 row (小计 | 4条, 合计：12条, 报送 | 4): the words before a
# count that make it a count of something else (采用1条, 批示 | 1, 上报2条, 稿酬 | 300), never of the items;
# the words that make the row a count over more than the sheet's rows (累计报送25条, 截至3月31日共报送: the
# year so far, other sheets' items with it), not compared; and the words of a part total (小计), which
# counts the items since the row of the tally before it (合计 counts them all, or since that row).
TALLY_OTHER_WORDS: tuple[str, ...] = ("采用", "采纳", "批示", "编发", "录用", "刊用", "刊发", "上报", "转报", "稿酬", "稿费",
                                      "奖励", "积分", "得分", "分值", "办结", "落实", "反馈", "人数", "作者")
TALLY_BEYOND_WORDS: tuple[str, ...] = ("累计", "截至", "截止", "全年", "年度", "以来")
TALLY_PART_WORDS: tuple[str, ...] = ("小计",)
# A 小计/合计's amount of money (合计 | | 1,250.00 under the 稿酬 column, 稿酬合计：1250元) is set against the
# 稿酬 cells above it and what the rules pay for those items (``money.tally_differs``); an amount it says was
# carried over from before (含上季度结转200元) is no part of those, and is taken off what it writes first.
MONEY_CARRIED_WORDS: tuple[str, ...] = ("结转", "结余", "上期", "上季", "上月", "上年", "往期", "前期", "以前", "之前", "历年")
# The words of a tally row's count of adoptions (小计 | 4条 | 采用2条, 采用 | 2, 其中采用：二条), set against the
# adoptions of the items it counts (``row.tally_adopted_differs``); one of a tier or body (市政协采用2条) is not.
TALLY_ADOPTED_WORDS: tuple[str, ...] = ("采用", "被采用")
# A 汇总 sheet of units (单位 | 报送 | 采用 | 批示 | 稿酬, a row per unit and a 合计): the word of the column it
# counts the items in (报送, 报送条数, 报送信息（条）), set against the items the workbook's sheets count per unit
# (the check ``sheet.tally_sheet_differs``).
TALLY_SHEET_ITEM_WORDS: tuple[str, ...] = ("报送",)
# Its columns of the items adopted (采用, 采用条数, 被采用（条）) and of the 批示 (批示, 领导批示件数, 获批示) per
# unit, and of their money (稿酬, 稿酬（元）, 奖励金额), set against the month sheets' too (``sheet.tally_sheet_figure_differs``):
# a count of adoptions as the items adopted or the adoption records, with or without the office's own tier.
TALLY_SHEET_ADOPTED_WORDS: tuple[str, ...] = ("采用", "被采用", "采纳", "录用")
TALLY_SHEET_INSTRUCTED_WORDS: tuple[str, ...] = ("批示", "领导批示", "获批示", "获领导批示", "签批")
TALLY_SHEET_MONEY_WORDS: tuple[str, ...] = ("稿酬", "稿费", "奖金", "奖励金额", "稿酬金额", "稿费金额", "奖励")
# Words in a 汇总's name or title that say a part of the year no quarter or month gives (上半年, 1—5月): not compared.
TALLY_SHEET_PART_WORDS: tuple[str, ...] = ("季", "月", "半年", "旬", "周")
