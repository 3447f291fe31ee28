"""One catalog of every finding code: its severity, Chinese title and message template.

Frictionless keeps each error type as a catalog entry and generates its docs from them;
so does sqmy. The reader's findings (a file it cannot open, a header it does not
understand, a mark it cannot read) and the check table's findings (a missing title, a date
in the future) are all entries here: a code is stable English, the title and message are
what staff read. ``validate/checks.py`` says *where* each check looks; the words live here.

Severities: ``error`` (the row is left out of every figure, exit 1; for ``file``/``sheet``
codes the input could not be read at all, exit 2), ``warning`` (counted, but look at it),
``info`` (what the reader did on purpose, said once).

Message templates are filled by name from the finding: ``{value}`` (the cell as written),
``{detail}``, ``{year}`` (the ledger's year) and the record's own columns.
"""
from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Code:
    """One catalog entry."""

    code: str
    severity: str
    title: str
    message: str
    unreadable: bool = False  # the input (file or sheet) could not be read: exit 2
    counting: bool = False  # a reason the computations give for leaving a record out, not a finding


# What a 单位 cell that names no unit (a 身份, the author again) is counted as, in its message.
_NO_UNIT_READ = "未作单位读取(有名册的按作者在名册中的单位计入,否则不计入任何单位);请填写作者所在单位"

_ENTRIES = [
    # -- files and sheets that could not be read at all (exit 2)
    Code("file.not_found", ERROR, "文件不存在", "{message}", True),
    Code("file.not_regular", ERROR, "不是普通文件", "{message}", True),
    Code("file.empty", ERROR, "空文件", "{message}", True),
    Code("file.corrupt", ERROR, "文件损坏", "{message}", True),
    Code("file.encrypted", ERROR, "文件加密", "{message}", True),
    Code("file.not_excel", ERROR, "不是 Excel 工作簿", "{message}", True),
    Code("file.encoding", ERROR, "CSV 编码无法识别", "{message}", True),
    Code("file.zip_bomb", ERROR, "疑为压缩炸弹", "{message}", True),
    Code("file.unreadable", ERROR, "无法读取", "{message}", True),
    Code("file.crashed", ERROR, "读取时解析程序崩溃", "{message}", True),
    Code("file.too_slow", ERROR, "读取超时", "{message}", True),
    Code("file.sqmy_output", INFO, "sqmy 生成的文件", "{message}"),
    Code("file.not_read", INFO, "不是表格文件,未读取", "台账文件夹中的这个“{value}”文件不是表格,未读取;如其中记有台账(网页、文本或 Word 登记表),请另存为 .xlsx 后放回,或在命令中直接指定该文件"),
    Code("file.format_unsupported", ERROR, "文件格式无法读取", "台账文件夹中的“{value}”格式文件无法读取,其中的信息未计入;请在 WPS 或 Excel 中另存为 .xlsx 后放回"),
    Code("file.no_ledger", ERROR, "未找到台账", "{message}", True),
    Code("input.no_files", ERROR, "文件夹中没有台账", "文件夹“{value}”中没有可读取的台账文件(.xlsx、.xlsm、.xls、.ods、.csv){detail};请检查路径", True),
    Code("sheet.too_large", ERROR, "工作表范围异常", "{message}", True),
    Code("sheet.corrupt", ERROR, "工作表损坏", "{message}", True),
    Code("roster.not_found", ERROR, "名册无法识别", "{message}", True),
    Code("roster.blank", INFO, "空白名册,按台账中的名册计", "{message}"),
    Code("roster.unfilled", WARNING, "名册尚未填写", "{message}"),
    # -- what the reader saw in a readable workbook
    Code("sheet.unrecognised", WARNING, "工作表未识别",
         "工作表中有 {detail} 个非空单元格,但找不到台账表头(应含“标题”及“日期/作者/单位”等列),未读取;如是台账,请补齐表头"),
    Code("sheet.repeats", WARNING, "工作表重复其他工作表",
         "本表有 {detail},与其他工作表的记录重复,已按重复处理、未重复计入(如本表是汇总表,可忽略本提示)"),
    Code("repeat.unique", WARNING, "汇总表中独有的行", "本表重复其他工作表,但本行“{value}”在其他工作表中没有相同的记录(标题、作者或日期不同),已单独计入;如是同一条信息,请统一写法"),
    Code("repeat.fills", WARNING, "重复行记有原表没有的采用或批示",
         "本行与 {value} 重复,已按重复处理;本行记有的{detail}在 {value} 中没有,已作为该条信息的记录计入(按本行所写日期);请核对,并在一处登记完整"),
    Code("repeat.differs", WARNING, "重复行的记录不一致", "本行与 {value} 重复,已按重复处理,但两处的采用或批示不同({detail}),以 {value} 为准;请核对"),
    Code("sheet.quotas", INFO, "任务分解表未读取",
         "工作表“{value}”是任务分解表,其中 {detail} 个单元格未读取:各单位的任务按规则文件(规则.yaml)中 quotas.units 的设定考核;如本表的任务与之不同,请在规则文件中修改"),
    Code("sheet.tally_sheet", INFO, "统计表未读取",
         "工作表“{value}”是统计表(各单位或个人的条数,或公式),其中 {detail} 个单元格未作为信息读取,其中的数字不计入统计;统计以各台账工作表中的信息为准"),
    Code("sheet.notes", INFO, "说明或下拉列表工作表", "工作表“{value}”是填表说明或下拉列表,其中 {detail} 个单元格未作为台账读取"),
    Code("sheet.year_conflict", WARNING, "表头年份与表名不一致",
         "表头上方写的是“{value}”,而{detail};请核对并改正年份"),
    Code("ledger.several_years", INFO, "台账含多个年度",
         "台账中有 {detail} 年度的工作表,未指定年度,按 {value} 年统计;统计其他年度请指定年度(命令行 --year,或 Python 中 year=)"),
    Code("sheet.author_by_name", WARNING, "按表名定作者",
         "本表没有作者列,表中 {detail} 条信息的作者按工作表名“{value}”(名册中的人员)计入;如不对,请补上作者列"),
    Code("date.from_sheet", WARNING, "收稿日期为空,按表名定月份",
         "收稿日期为空,按工作表名计入 {detail};如不对,请补上收稿日期"),
    Code("sheet.unit_as_author", WARNING, "按单位计作者",
         "本表没有作者(报送人)列,{detail} 条信息按“{value}”列计为以单位名义报送;如有个人作者,请增加作者列"),
    Code("sheet.unit_by_name", WARNING, "按单位计作者",
         "本表没有作者(报送人)列和单位列,{detail} 条信息按本表所属单位“{value}”(工作表名、文件名、文件夹名或填报单位)计为以单位名义报送;如有个人作者,请增加作者列"),
    Code("sheet.unit_from_name", INFO, "按表名定单位",
         "本表 {detail} 条信息没有写单位,已按工作表名、表头上方的标题、文件名或文件夹名计入单位“{value}”;如不对,请在“单位”列写明(没有单位列请增加)"),
    Code("sheet.no_unit", INFO, "未写明单位",
         "本表没有单位列,表名、文件名和填报单位也未写明单位:表中 {detail} 条信息不计入任何单位的统计;如需按单位统计,请增加“单位”列,或在表头上方写明“填报单位:××”"),
    Code("sheet.dated_by_name", WARNING, "按表名定月份", "本表没有收稿日期列,表中 {detail} 计入(依工作表名“{value}”);如不对,请补上收稿日期列"),
    Code("sheet.items_from_adoptions", WARNING, "只有采用台账",
         "本单位没有报送台账,本表 {detail} 条记录已按报送信息计入(收稿日期按采用或批示日期计);如另有报送台账,请一并放入"),
    Code("cell.ditto", INFO, "“同上”已按上一行读取", "本表 {detail} 个单元格写“同上/〃”({value}),已按上一行同列的内容读取"),
    Code("cell.ditto_empty", WARNING, "“同上”上方无内容", "写了“{value}”,但上一行同列没有内容可沿用,按空白处理;请填写实际内容"),
    Code("row.hidden", WARNING, "隐藏行中的信息已计入", "本表第 {value} 行被隐藏(手动隐藏或筛选后保存),其中 {detail} 条信息已照常计入;如不应计入,请删除这些行"),
    Code("row.hidden_records", WARNING, "隐藏行中的采用、批示记录已计入",
         "本表第 {value} 行被隐藏(手动隐藏或筛选后保存),其中的 {detail}已照常读取并计入统计(采用、批示照算稿酬和积分);如不应计入,请删除这些行"),
    Code("column.hidden", WARNING, "隐藏列已计入", "隐藏的“{value}”列中 {detail} 个单元格已照常读取;如不应计入,请删除该列"),
    Code("sheet.hidden", WARNING, "隐藏的工作表已计入",
         "隐藏的工作表“{value}”中的 {detail} 条信息已读取,按各自的日期计入统计(本年度的计入本年度);如其中有不应计入的,请删除这些信息"),
    Code("sheet.hidden_records", WARNING, "隐藏的工作表中的采用、批示记录已计入",
         "隐藏的工作表“{value}”中的 {detail}已读取,按各自的日期计入统计(采用、批示照算稿酬和积分);如其中有不应计入的,请删除这些记录"),
    Code("sheet.hidden_other_year", INFO, "隐藏的工作表不在本年度",
         "隐藏的工作表“{value}”中的信息({detail})已读取,日期都不在本次统计的年度内,不计入本年度的统计;该表可照常保留"),
    Code("header.unknown", WARNING, "表头无法识别",
         "表头“{value}”无法识别,该列 {detail} 个单元格未读取;如需读取,请改用常用列名(如“采用情况”“领导批示”)或在规则文件 headers 中登记"),
    Code("header.unknown_empty", INFO, "表头无法识别(该列为空)",
         "表头“{value}”无法识别,该列目前没有内容,今后填写的内容不会读取;如需读取,请改用常用列名(如“采用情况”“领导批示”)或在规则文件 headers 中登记"),
    Code("header.ignored", INFO, "列未读取(按设计)", "“{value}”列由本工具自行计算或无需读取,该列 {detail} 个单元格未读取"),
    Code("header.ignored_empty", INFO, "列不读取(按设计,该列为空)", "“{value}”列由本工具自行计算或无需读取,该列目前没有内容,今后填写的内容也不会读取"),
    Code("header.filler_as_author", WARNING, "填表人列按作者读取",
         "表中没有“作者”列,“{value}”列(填表人)按作者读取;如填表人不是作者,请增加“作者”列填写作者姓名"),
    Code("header.sender_units", INFO, "上报单位列按报送单位读取",
         "“{value}”列所填都是本级的单位(没有市政协等上级机关),按报送信息的单位读取,该列的上报日期按收稿日期读取;"
         "如该列是向上级报送的去向,请改填上级机关名称(如“市政协”)"),
    Code("header.second_author", WARNING, "第二个作者列按合作者读取",
         "“{value}”列与前面的“{detail}”列都是作者列,该列所填的人已按本条信息的合作者读取(每人各计报送 1 条,稿酬平分);"
         "如该列不是作者(而是报送经办人、联系人),请把列名改为“经办人”或“联系人”;如确是合作者,请把列名改为“合作者”"),
    Code("header.duplicate", WARNING, "重复的列", "“{value}”与前面的列含义相同,该列 {detail} 个单元格未读取;请合并为一列"),
    Code("row.unit_heading", INFO, "按分组标题计单位", "“{value}”是一组信息的标题,其下未填单位的 {detail} 条信息计入该单位"),
    Code("row.body_heading", INFO, "按分组标题计采用单位",
         "“{value}”是一组采用记录的标题,其下未写采用单位的 {detail} 条记录按该单位的采用计入;如不对,请在各行写明采用单位"),
    Code("cell.merged_records", WARNING, "采用/批示单元格合并跨多条信息",
         "“{value}”是跨{detail}条信息的合并单元格,已按每条信息各记一次(采用、批示、上报均各计一次,稿酬各付一次);如只是其中一条的记录,请取消合并,只填在那一条"),
    Code("cell.merged_across", WARNING, "合并单元格跨越多个采用栏",
         "单元格 {value} 合并跨越了多个采用栏,只按第一栏计入;如在多级被采用,请取消合并并在每一栏分别填写"),
    Code("column.no_header", WARNING, "无表头的列", "该列没有表头,其中 {detail} 个单元格未读取(如“{value}”);请补写表头或删除"),
    Code("adoption.void", WARNING, "采用已作废或撤稿", "“{value}”写明作废或撤稿,未计为采用;如仍应计入,请删去作废、撤稿字样"),
    Code("adoption.unpaid", INFO, "不计稿酬", "“{value}”:该条信息的采用照常计入条数和积分,不计稿酬"),
    Code("money.written_differs", WARNING, "台账所写稿酬与按规则计算的不一致",
         "稿酬栏写的是“{value}”,{detail};稿酬按规则计算发放,台账所写的只作核对,请核实是否写错、少发或多发"),
    Code("money.tally_differs", WARNING, "台账自己的稿酬小计、合计与各条不一致",
         "“{value}”{detail};稿酬按规则计算发放,台账所写的合计只作核对;请核对合计是否算错或未更新,各条稿酬是否写错、漏写"),
    Code("points.written_differs", WARNING, "台账所写积分与按规则计算的不一致",
         "积分栏写的是“{value}”,{detail};积分按规则计算,台账所写的只作核对,请核实是否写错,或规则文件 points 的计分办法与本单位的是否一致"),
    Code("points.written_unread", INFO, "台账所写积分无法识别",
         "积分栏写的是“{value}”,不是一个分数,未作核对;积分按规则计算(如需核对,请写成“11”或“11分”)"),
    Code("cell.deduction_unapplied", WARNING, "扣分未计入积分",
         "“{value}”写有扣分,本工具按规则计分,规则中没有扣分项,该信息的单位和作者积分及排名均未扣减;"
         "如确需扣分,请在通报和表彰排名前手工调整,或删去扣分字样"),
    Code("adoption.note_denies", WARNING, "备注与采用记录矛盾",
         "备注“{value}”说{detail},本行却记有采用,已按采用计入(计条数、积分和稿酬);请核对,未采用或尚未确定采用的请删去采用标记"),
    Code("adoption.note_against_record", WARNING, "备注与采用台账矛盾",
         "备注“{value}”说{detail},已按采用计入(计条数、积分和稿酬);请核对,未采用或尚未确定采用的请删去那条采用记录,已采用的请改正备注"),
    Code("sheet.colour_legend", WARNING, "表格以颜色标示信息",
         "“{value}”说明表中以颜色(底纹或字体颜色)标示信息{detail};本工具不读取颜色,只以颜色标示的信息未按其含义计入(如只标了黄色的采用未计为采用);请在采用情况、批示、备注等相应栏中用文字写明"),
    Code("sheet.appendix", INFO, "表格下方的统计表未读取", "表格下方自“{value}”起({detail})是附表或统计数字,未作为信息读取"),
    Code("row.tally_differs", WARNING, "台账自己的小计、合计与计入的条数不一致",
         "“{value}”{detail};统计以计入的各条信息为准,不按小计、合计所写的数字;请核对是否漏登、删去了行、作废、重复或有错误,或小计、合计未更新"),
    Code("row.tally_adopted_differs", WARNING, "台账自己的小计、合计所写采用条数与采用记录不一致",
         "“{value}”{detail};统计以各条信息的采用记录为准,不按小计、合计所写的数字;请核对是否漏记或多记了采用、采用情况未写明,或小计、合计未更新"),
    Code("sheet.tally_sheet_differs", WARNING, "汇总表的报送条数与各工作表计入的条数不一致",
         "汇总表中“{value}”的报送条数{detail};统计以各工作表中计入的各条信息为准,不按汇总表所写的数字;请核对汇总表是否未更新,或各工作表是否漏登、删去了行、重复或有错误"),
    Code("sheet.tally", INFO, "表格旁的统计表未读取", "表格右侧空列之后的“{value}”({detail})是统计表,未作为信息读取,其中的数字不计入统计"),
    Code("date.from_issue", INFO, "采用日期按同一期的日期计", "本行未写采用日期,“{value}”按{detail}计入"),
    Code("date.year_read", INFO, "未写年份的日期按上下文定年", "日期“{value}”未写年份,{detail}"),
    Code("date.year_unclear", WARNING, "未写年份的日期年份不明", "日期“{value}”未写年份,{detail};请核对并写明年份"),
    Code("date.year_assumed", WARNING, "工作表未写明年度",
         "工作表未写明年度(表头、工作表名、文件名都没有年份),不带年份的日期(如{value})按 {detail} 年读取(运行时指定的年度,换一个年度统计就按那一年读取);请写完整日期或在表头写明年度"),
    Code("cell.note", WARNING, "单元格批注未读取",
         "单元格有批注“{value}”;批注不计入统计,如其中写明了采用、批示等情况,请填入对应的栏目"),
    Code("cell.picture", WARNING, "单元格中是图片",
         "单元格中是 WPS 嵌入单元格的图片(=DISPIMG),图片内容无法读取,按空白处理;如是批示、采用证明等,请用文字填写"),
    Code("cell.format_hidden", WARNING, "单元格内容被格式隐藏",
         "单元格的{detail}使内容“{value}”在屏幕上显示为空白,已照常读取;请核对,不应计入的请删除内容"),
    Code("cell.error_value", WARNING, "单元格是错误值", "单元格是 Excel 错误值“{value}”(公式出错),未读取,按空白处理;请改正公式或直接填写内容"),
    Code("cell.volatile_date", WARNING, "日期是随当天变化的公式",
         "单元格是公式 ={value},每次打开文件都按当天的日期重新计算(保存时为 {detail}),不是信息的实际日期,未读取,按空白处理;请填写实际日期"),
    Code("formula.no_value", WARNING, "公式没有计算结果",
         "公式单元格没有计算结果(文件未经 Excel/WPS 计算保存),无法读取其值;请在 Excel/WPS 中打开后保存"),
    Code("adoption.level_differs", WARNING, "采用级别与采用单位不符", "采用级别“{value}”与采用单位“{detail}”的层级不一致,已按采用单位计入;请核对"),
    Code("adoption.level_not_adopted", WARNING, "采用级别与未采用矛盾",
         "采用单位写的是“{detail}”,采用级别却填了“{value}”;未计为采用,如已被采用请在采用单位中写明采用单位"),
    Code("adoption.level_code", WARNING, "采用级别是代码",
         "采用级别“{value}”是代码,表中没有说明各代码的含义(如“注：1=全国 2=省级 3=市级 4=县级”),未按代码确定层级,{detail};"
         "请写明级别(如“市级”),或在表格下方注明各代码的含义"),
    Code("sheet.level_legend", INFO, "采用级别代码按表中说明读取",
         "“{value}”说明了采用级别各代码的含义,本表采用级别栏中的代码按此读取({detail});请核对"),
    Code("mark.other_body", WARNING, "单元格所写单位与所在列不符", "“{value}”写在“{detail}”列,写的却是另一单位(另一层级,或同级的另一渠道、媒体),已按单元格所写读取;请核对并移到对应的列"),
    Code("mark.unknown", WARNING, "无法判断是否采用",
         "无法判断“{value}”是否表示采用,未计入;采用请填“√”、期号(如“第3期”)或采用日期,未采用请留空或填“否”"),
    Code("forward.flag_conflict", WARNING, "是否上报与上报单位不一致", "“是否上报”填的是“{value}”,但本行上报单位填了“{detail}”;已按上报单位计为上报,请核对"),
    Code("issue.which_adoption", WARNING, "期号未写明是哪一次采用的", "本行有多次采用,期号“{value}”未写明是哪一级的,已记作{detail}的期号;请在期号前写明采用单位(如“市政协第3期”)"),
    Code("header.numbering_restarts", INFO, "编号列按序号读取", "“{value}”列的号码分段从1重新编起,是流水号而不是信息编号,按序号读取(同号的信息不算重复)"),
    Code("mark.flag_conflict", WARNING, "是否采用与采用情况不一致", "“是否采用”填的是“{value}”,但有该信息的采用记录({detail});已按采用记录计入,请核对"),
    Code("issue.unknown", WARNING, "期号无法识别", "期号“{value}”无法识别,未读取;请填数字,如 12 或“第12期”"),
    Code("issue.not_adopted", WARNING, "期号栏写明未采用",
         "本行{value}的采用,期号栏写的是“{detail}”(未采用或尚未确定采用),不是期号;该采用未计入采用条数、稿酬和积分。如确已采用,请在期号栏填写期号"),
    Code("link.nothing_recorded", INFO, "台账本行没有记下采用、批示或上报",
         "本行写的是“{value}”,没有记下{detail}的采用、批示或上报(未采用、退稿、未上报或尚未批示一类),本行未计入采用、批示、上报和稿酬,该信息的报送照常统计;如确已采用或有批示,请写明采用单位和期号,或批示领导"),
    Code("issue.not_adopted_which", WARNING, "期号栏写明未采用,不知是哪一次采用",
         "期号栏写的是“{value}”(未采用或尚未确定采用),本行却记有{detail}的采用,不知是哪一次未采用,已全部按采用计入;请核对,未采用的请删去其采用单位"),
    Code("adoption.own_beside_forward", WARNING, "未写明哪一级的刊物",
         "“{value}”未写明是哪一级的刊物,已按本级编发计入;本行上报至{detail},如是{detail}采用,请写明“{detail}”"),
    Code("issue.several", WARNING, "写有多个期号", "“{value}”写有多个期号,无法确定各是哪一次采用的期号,期号未计入;请每次采用分别填写(如“市政协第3期、省政协第5期”)"),
    Code("adoption.issue_only", WARNING, "只填了期号", "只填了期号“{value}”,没有写明采用单位;已按本级编发计入,请核对"),
    Code("cell.orphan", WARNING, "单元格没有对应记录", "“{value}”填在{detail}栏,但本行没有对应的{detail}记录,未读取"),
    Code("cell.date_invalid", WARNING, "日期无法识别", "无法识别的日期“{value}”({detail}),未读取;请写成 {year}-03-05 或 {year}年3月5日"),
    Code("product.unknown", WARNING, "编发形式无法识别", "无法识别的编发形式“{value}”,未读取;应为 专报/转报/转送/社情民意 等"),
    Code("role.whose", WARNING, "身份不知是哪位作者的", "身份“{value}”写在有 {detail} 位作者的行,不知是哪位作者的,未读取;"
         "请在作者姓名后注明身份(如“王五(委员)”),或列入名册"),
    Code("role.unknown", WARNING, "身份无法识别", "身份“{value}”不在规则文件的身份中,未读取"),
    Code("adoption.in_note", WARNING, "采用写在备注中", "备注中写有采用情况“{value}”,已按采用计入;请填入采用栏"),
    Code("adoption.note_no_body", WARNING, "备注说已采用但未写单位", "备注“{value}”说该信息已采用,但没有写明采用单位(刊物),未计入采用;请在采用情况栏写明"),
    Code("adoption.in_forward", WARNING, "采用写在上报栏中", "上报栏中写有采用情况“{value}”,已按采用计入;请填入采用栏"),
    Code("instruction.repeated", INFO, "同一批示记了两次", "“{value}”的这件批示在 {detail} 已记录(同一信息、同一领导;两处日期相同,或一处未写日期),只计一次"),
    Code("instruction.copies_differ", WARNING, "同一批示两处记录的办理信息不一致", "同一批示在两处记录的办理信息不一致({detail})"),
    Code("adoption.repeated", INFO, "同一采用记了两次", "“{value}”的这次采用在 {detail} 已记录并写明日期,只按该条计一次"),
    Code("instruction.posts_only", WARNING, "批示人只写职务", "批示人只写了职务“{value}”、未写姓名,已按 {detail} 位领导各计一件;如为一人兼任,请写明姓名"),
    Code("instruction.count_assumed", WARNING, "批示人数不明", "“{value}”只写了领导的级别、未写几位领导,已按每级一位计 {detail} 件;请写明批示领导的职务和姓名"),
    Code("instruction.due_unread", WARNING, "办理时限无法识别", "办理时限“{value}”不是日期或天数,按规则默认的{detail}计算到期日和是否逾期;请写明日期(如 {year}-05-31)或天数(如 15天)"),
    Code("instruction.extended_unread", WARNING, "延期后的时限无法识别", "落实情况“{value}”说办理时限已延期,但没有写明或读不出延至哪一天,仍按原办理时限计算是否逾期;请写明延至的日期(如 延期至{year}年7月31日)"),
    Code("instruction.extended", INFO, "办理时限已延期", "落实情况“{value}”写明办理时限已延期,按延期后的{detail}计算是否逾期"),
    Code("instruction.is_adoption", WARNING, "批示栏写的是采用或上报", "批示栏“{value}”写的是采用或上报情况,不是领导批示,未计入批示,也未按采用或上报计入;请移到采用情况或上报栏"),
    Code("instruction.second_after_comma", WARNING, "逗号后另有领导署名,按一件批示计入",
         "批示“{detail}”中逗号后的“{value}”像是另一位领导的批示,也可能是批示中点名的领导;已按一件批示计入;"
         "如是两位领导各自的批示,请用句号或分号隔开,或分两行登记"),
    Code("instruction.unclear_second", WARNING, "领导批示栏与批示领导栏所记是否同一批示不明",
         "领导批示栏写有“{value}”,未写批示领导,与本行批示领导({detail})、批示内容所记的批示无法区分是同一件批示还是另一件批示,未计入;"
         "如是另一位领导的批示,请写明批示领导(如 县委书记李某某:同意),如是同一件批示,请删去或并入批示内容"),
    Code("instruction.follow_up_only", WARNING, "批示栏写的是落实情况",
         "批示栏写的是“{value}”,是批示的办理(落实)情况,没有写明哪位领导作了批示,未计入批示件数、奖励和积分;如有领导批示,请写明批示领导(如 县长王某某:同意),办理情况填入“落实情况”栏"),
    Code("instruction.read_only", WARNING, "领导阅示不是批示", "“{value}”写的是领导阅示(阅、已阅、阅知一类),不是批示,未计入批示和批示奖励;如领导确有批示,请写明批示领导和批示内容;如本办将阅示计为批示,请把该词加入规则文件的 instruction_words"),
    Code("instruction.in_note", WARNING, "批示写在备注中", "备注中写有批示“{value}”,已按批示计入;请移到“领导批示”栏"),
    Code("instruction.in_adoption", WARNING, "批示写在采用情况中", "采用情况中写有批示“{value}”,已按批示计入;请移到“领导批示”栏"),
    Code("forward.in_note", WARNING, "上报写在备注中", "备注中写有上报“{value}”,已按上报计入(上报不是采用);请移到“上报情况”栏"),
    Code("forward.default_level", INFO, "上报未写明单位", "上报未写明报送单位,按上一级({detail})计入"),
    Code("unit.is_role", WARNING, "单位栏写的是身份", f"单位栏“{{value}}”写的是身份,不是单位,{_NO_UNIT_READ}(身份请填在“身份”栏)"),
    Code("author.in_note", WARNING, "作者写在备注中", "备注中写有作者“{value}”,已把{detail}按联名作者计入;请写入作者栏"),
    Code("title.says_status", WARNING, "标题中写有采用、批示或上报情况",
         "标题“{value}”中的括注“{detail}”像是采用、批示或上报情况,未从标题中读取;请填入采用情况、领导批示或上报栏目(已填写的请删去括注)"),
    Code("unit.with_author", WARNING, "单位栏写了作者姓名",
         "单位栏“{value}”末尾的“{detail}”是本条信息的作者,不是单位名称的一部分,单位按前面的名称计入;单位栏请只填单位名称"),
    Code("unit.with_person", INFO, "单位栏括号中写的是人员", "单位栏“{value}”括号中的“{detail}”是人员或联系方式,不是单位名称的一部分,单位按括号前的名称计入"),
    Code("author.repeated", WARNING, "同一作者写了两次", "作者“{value}”中“{detail}”写了不止一次,只计一人;如是另一位作者的姓名写错,请改正"),
    Code("author.columns_swapped", WARNING, "作者栏与单位栏似乎填反了", "作者栏写的是单位“{value}”,单位栏写的却是人名“{detail}”,两栏似乎填反了;已按“{value}”以单位名义报送计入,“{detail}”未计为作者,请核对"),
    Code("unit.is_author", WARNING, "单位栏写的是作者本人", f"单位栏“{{value}}”写的是作者本人,不是单位,{_NO_UNIT_READ}"),
    Code("unit.several", WARNING, "写了几个单位", "单位“{value}”是几个单位,按一条信息计入第一个单位“{detail}”,各作者分别计入;"
         "一条信息只计入一个单位,应计入其他单位的请把它写在最前面;分行登记会算作两条信息,确要分行的请在各行备注写明“联合报送”(仍按一条计入第一行的单位)"),
    Code("office.other_level", WARNING, "台账所属政协与规则文件不一致",
         "台账标题中的“{value}”是{detail}:“本级”“市政协”等采用的层级按规则文件的本单位计算,可能不对;请使用本单位的规则文件"
         "(sqmy init 生成后在 office 部分填写本单位名称、层级和地名;县级市另填 relative)"),
    Code("office.misfiled", WARNING, "台账似乎放错了文件夹", "本文件放在“{detail}”的文件夹中,但文件名或标题写的是“{value}”;已按“{detail}”计入,如放错了,请移到“{value}”的文件夹"),
    Code("office.place_unclear", WARNING, "下级政协是否县级市不明",
         "“{value}”的文件夹名、台账文件名和台账所列单位都没有写明是县(区)还是县级市,其台账中以“市”开头的{detail}条采用"
         "(如“市政协编发”)无法确定是本级还是上级,未计入;请把文件夹改名为全称(如“{value}市政协”或“{value}县政协”)"),
    Code("forward.by_another_body", WARNING, "其他单位转报,不是本单位的上报",
         "“{value}”读作{detail}向上级报送,是{detail}的上报,不是本单位的:本单位的上报只计到{detail}为止({detail}不高于本级的不计上报),"
         "{detail}是否采用按本行所写;如{detail}已采用而本行未写,请写明“{detail}采用并报送……”"),
    Code("forward.own_level", WARNING, "报送的是本级单位", "“{value}”报送的是本级单位,不是向上级报送,未计入上报;如是本单位编发的专报、转报,请写明“专报”“转报”"),
    Code("row.struck", WARNING, "标题有删除线", "标题“{value}”加了删除线,按已划去(作废)处理,未计入任何统计;如应计入,请取消删除线"),
    Code("cell.struck", WARNING, "单元格有删除线", "“{value}”加了删除线,按已划去处理,未读取;如应计入,请取消删除线"),
    Code("cell.partly_struck", WARNING, "单元格部分文字有删除线",
         "单元格中加了删除线的文字“{value}”按已划去处理,未读取,本格按“{detail}”读取;如应计入,请取消删除线"),
    Code("row.sample", WARNING, "填表示例行", "本行“{value}”是模板的填表示例,未计入任何统计;如是实际报送的信息,请删去“示例”等字样"),
    Code("row.void", WARNING, "备注说明本条作废", "备注“{value}”说明本条已作废、撤回或重复,未计入任何统计;如应计入,请删去备注中的说明"),
    Code("row.void_kept", WARNING, "备注提到撤回但本条为修改稿",
         "备注“{value}”提到撤回或作废,也说明本条是修改稿或重新报送的,已按有效信息计入统计;如本条本身已作废,请在备注中只写作废或撤回"),
    Code("row.same_item", WARNING, "同一信息写了两行", "本行与{detail}的标题、作者、日期相同,只是采用或批示不同,已按同一条信息计入(记录合并);如是两条信息,请修改标题"),
    Code("row.adopted_again", INFO, "同一信息的又一次采用", "本行与{detail}的标题、作者相同而日期不同,是同一条信息的又一次采用(或批示),已并入该条信息(按一条信息计,稿酬按最高一级计);如是两条信息,请修改标题"),
    Code("row.note_below", INFO, "备注写在下一行", "本行只有备注“{value}”,已作为{detail}那条信息的备注读取"),
    Code("row.coauthor_line", INFO, "合作作者另起一行", "本行只填了作者“{value}”,标题等与上方合并为一格:{detail}"),
    Code("row.joint", WARNING, "联合报送分行登记", "本行(作者“{value}”)与另一行标题、日期相同,备注写明联合报送,已按同一条信息计入:{detail}"),
    Code("row.continuation", WARNING, "续行", "本行没有标题、作者、日期,只填了采用或批示,已按{detail}那条信息的续行计入;如是另一条信息,请补齐标题等"),
    Code("author.et_al", WARNING, "作者含“等”", "作者“{value}”中的“{detail}”已略去,只计名列的作者;如有其他作者请写全"),
    Code("author.names_joined", WARNING, "两人姓名连写", "作者“{value}”读作“{detail}”两人(台账或名册中另有二人);如确是一人,请在名册中列明"),
    Code("author.name_spaced", WARNING, "一人姓名中有空格",
         "作者“{value}”中以空格隔开的“{detail}”按一人计(空格两边都不以常见姓氏开头,读作姓名中的间隔号);如是两人,请用“、”分隔"),
    Code("author.with_unit", WARNING, "作者栏写有单位", "作者“{value}”中的“{detail}”读作作者所在单位(该信息的单位),不计为作者;如系以单位名义报送,请只填单位,人员另列"),
    Code("author.collective", WARNING, "作者栏写的是集体", "作者“{value}”中的“{detail}”不是个人姓名,不计为个人作者(不计个人任务和稿酬);作者栏没有个人姓名的,按所在单位集体报送计入;如有执笔人请写明姓名"),
    Code("author.department", WARNING, "作者栏写的是单位的内设部门", "作者“{value}”是单位“{detail}”的内设部门,按“{detail}”以单位名义报送计入(单位统计和稿酬);如该部门是单独统计的单位,请在名册的单位表中列明"),
    Code("author.other_unit", WARNING, "作者栏与单位栏不是同一单位", "作者栏写的是单位“{value}”集体报送,单位栏写的却是“{detail}”,不是同一单位;已按单位栏的“{detail}”计入单位统计和稿酬,如应计入“{value}”,请改正单位栏"),
    Code("author.source", WARNING, "作者栏写的是信息来源", "作者“{value}”中的“{detail}”是信息来源,不是撰稿人,未计为作者(不计个人任务和稿酬);作者栏没有个人姓名的,按所在单位报送计入;如有撰稿人请写明"),
    Code("author.joined", WARNING, "作者以“和/与/及”相连", "作者“{value}”已按 {detail} 分别计入;多位作者请用“、”分隔"),
    Code("author.dated", WARNING, "姓名后写有年份、日期或编号", "作者“{value}”中姓名后的“{detail}”是年份、日期或编号,不是姓名的一部分,已略去,按姓名计入;请只填姓名(日期、编号填在各自的栏目);如“{detail}”是用来区分同名的两人,请在名册中列明"),
    Code("author.ambiguous", WARNING, "作者可能是单位", "作者“{value}”看起来像地名或单位名,已按个人计入;如是单位,请写全称或在名册中登记"),
    Code("author.titled", WARNING, "姓名后带职务", "“{value}”像是“{detail}”加上职务,统计时按两个人计;如是同一人,请只写姓名"),
    Code("author.variant", INFO, "姓名写法不一", "“{value}”与 {detail} 是同一人的不同写法,已按同一人计"),
    Code("forward.repeated", INFO, "同一上报记了两次", "“{value}”的这次上报在 {detail} 已记录(同一信息报同一级别),只计一次,按较早的上报日期计入"),
    Code("link.author_differs", WARNING, "作者与所对应的报送信息不同",
         "本行写的作者“{value}”与所对应的报送信息({detail})不同,已按报送信息的作者和单位计入;如不是同一条信息,请核对编号或标题;如是同一人,请统一写法"),
    Code("link.loose", WARNING, "标题只差序号或括注", "标题“{value}”与报送信息“{detail}”只差序号或括注,已按同一条信息计入;如不是同一条,请改正标题"),
    Code("link.ambiguous", ERROR, "对应多条信息", "按编号或标题可对应多条信息:{detail};请填写唯一的编号"),
    Code("link.number_mismatch", WARNING, "编号与标题对应不同信息", "编号“{value}”与标题对应的不是同一条信息:{detail};请核对编号和标题"),
    Code("link.by_seq", WARNING, "按序号对应报送信息",
         "编号“{value}”按报送台账的序号计入{detail}(报送台账没有编号列,本行也未写标题);如不是同一条信息,请写明标题"),
    Code("link.number_form", INFO, "编号写法不同", "编号“{value}”与报送台账的编号“{detail}”写法不同,已按同一条信息计入;如不是同一条,请改正编号"),
    Code("link.no_seq", ERROR, "序号对应不到信息",
         "本行按序号“{value}”对应报送信息,但报送表中{detail},未计入;请填写信息标题或编号"),
    Code("link.other_year", WARNING, "编号对应往年信息", "编号“{value}”对应的是{detail},已按该条计入;如应是本年的信息,请改正编号"),
    # -- the check table (validate/checks.py)
    Code("title.missing", ERROR, "标题为空", "信息标题为空"),
    Code("title.placeholder", ERROR, "标题只写了占位符号", "信息标题只写了“{title}”,不是标题;本条未计入,请填写信息标题"),
    Code("title.body_text", WARNING, "标题像是信息正文",
         "标题一栏填的像是信息正文(超过100字,或有换行且超过60字),已按原文作标题计入;请在标题列只填标题"),
    Code("author.placeholder", ERROR, "作者只写了占位符号",
         "作者只写了“{author_text}”,不是姓名或单位名称;本条未计入,请填写报送人(以单位名义报送的填单位名称)"),
    Code("author.missing", ERROR, "作者为空", "作者(报送人)为空;以单位名义报送的,请在报送人栏填写单位名称"),
    Code("date.missing", ERROR, "收稿日期为空", "收稿日期为空"),
    Code("date.unparseable", ERROR, "日期无法识别", "无法识别的日期“{date_text}”{why},请写成 {year}-03-05 或 {year}年3月5日"),
    Code("date.ambiguous", ERROR, "日期有歧义", "日期“{date_text}”有歧义(如 3.1 可能是3月1日或3月10日、05/03/{year} 的日月顺序不明),请写完整日期"),
    Code("date.no_year", ERROR, "日期没有年份", "日期“{date_text}”没有年份,且表名、工作表名、文件名都未写明年度;请写完整日期,或指定年度(命令行 --year,或 Python 中 year=)"),
    Code("date.month_only", WARNING, "日期只有年月", "日期“{date_text}”只写到月,按该月计入;请补写日"),
    Code("date.part_of_month", WARNING, "日期只到旬", "日期“{date_text}”只写到旬,按该旬首日计入;请写完整日期"),
    Code("adoption.issue_of_another_year", WARNING, "期号与计入年度不符",
         "“{date_text}”是{issue_year}年的期号,但本行未写采用日期,已按收稿日期计入{item_year}年;请补写采用日期"),
    Code("date.weekday_mismatch", WARNING, "日期与星期不符",
         "日期“{date_text}”所写的星期与日期不符({date:%Y-%m-%d}是{weekday}),已按所写日期计入;请核对日期"),
    Code("date.future", ERROR, "日期晚于今天", "收稿日期 {date:%Y-%m-%d} 晚于今天"),
    Code("date.out_of_year", WARNING, "日期不在本表年度", "收稿日期 {date:%Y-%m-%d} 不在本表年度内"),
    Code("date.outside_sheet", WARNING, "日期不在工作表所写的季度或月份",
         "收稿日期 {date:%Y-%m-%d} 不在工作表“{sheet}”所写的{named}内,已按所写日期计入{counted};"
         "请核对日期是否写错,或把本行移到对应的工作表"),
    Code("item.duplicate_no", ERROR, "编号重复", "编号“{item_no}”在本文件中重复(首次出现在 {first})"),
    Code("item.duplicate", ERROR, "信息重复", "与 {first} 的信息重复(标题、作者和日期相同)"),
    Code("item.possible_duplicate", WARNING, "疑似重复", "与 {first} 的标题和作者相同,日期不同,请核对是否重复登记"),
    Code("item.same_title", WARNING, "标题和日期相同", "与 {first} 的标题和日期相同而作者不同,已按两条信息分别计入;如是几个单位或作者联合报送的同一条信息,"
         "请在这几行的备注中都写明“联合报送”(按一条信息计入第一行的单位,作者平分稿酬)或合为一行;如是两条信息,请修改标题"),
    Code("category.unknown", WARNING, "类别不在规则中", "类别“{category_text}”不在规则文件的类别中"),
    Code("roster.same_name", INFO, "名册重名(已区分)",
         "名册中“{value}”不止一人(另见{detail});台账中的“{value}”按该条信息的单位或界别对应到其中一人"),
    Code("adoption.body_from_forward", INFO, "采用单位按上报单位计",
         "“是否采用”为“{value}”但未写采用单位,按该行上报单位“{detail}”计为其采用;如不是该单位采用,请写明采用单位"),
    Code("roster.transfer", INFO, "名册中调动的人员",
         "名册中“{value}”{detail},前后任职时间相接,按同一人统计(任务按在任月份连续计算)"),
    Code("roster.same_name_merged", WARNING, "名册重名(无法区分)",
         "名册中“{value}”不止一人(另见{detail}),但界别、单位都不足以区分,已按同一人计;请在名册和台账中都写明,如“{value}(教育界)”"),
    Code("author.same_name", WARNING, "作者重名,无法对应",
         "作者“{value}”在名册中不止一人({detail}),本条信息的单位、界别未能对应其中一人,未计入其中任何一人的任务(稿酬暂按“{value}”单列,待核实);请写明,如“{value}(教育界)”"),
    Code("roster.role_read_as", WARNING, "名册身份按已知身份计", "名册身份“{value}”按“{detail}”计算任务;如不对,请改写身份或在规则文件 roles 中登记"),
    Code("roster.role_unknown", WARNING, "名册身份无法识别", "名册身份“{value}”不在规则文件的身份中,此人不计任务;请改为规则中的身份(如“信息员”“委员”)或在规则文件 roles 中登记"),
    Code("roster.unit_type_read_as", WARNING, "单位类型按已知类型计", "单位类型“{value}”按“{detail}”计算任务和同类组排名;如不对,请改写类型或在规则文件 peer_groups 中登记"),
    Code("roster.unit_type_unknown", WARNING, "单位类型无法识别", "单位类型“{value}”不在规则文件的同类组中,该单位不计任务、不参加同类组排名;请改为规则中的类型或在规则文件 peer_groups 和 quotas.units 中登记"),
    Code("roster.unit_type_missing", WARNING, "单位类型未填", "名册中单位“{value}”的单位类型未填,该单位不计任务、不参加同类组排名;请填写规则中的单位类型"),
    Code("roster.unit_type_no_column", WARNING, "单位表没有单位类型列",
         "名册“{value}”表没有“单位类型”列,表中 {detail} 个单位都没有类型,不计任务、不参加同类组排名(列为“未分组”);"
         "请增加“单位类型”列,填写规则中的单位类型(规则文件 peer_groups,如“民主党派”“镇街政协工委”)"),
    Code("roster.role_missing", WARNING, "名册身份未填", "名册中“{value}”的身份未填(工作表名称也未说明身份),此人不计任务;请填写规则中的身份(如“信息员”“委员”)"),
    Code("roster.rule_names_unit", WARNING, "规则按单位名称规定",
         "规则文件 {detail} 中的“{value}”是名册中的单位名称,不是单位类型,这条规则不会用到,该单位按名册中的单位类型计算任务、参加同类组排名;任务和同类组只能按单位类型规定(可为该单位另设一个类型)"),
    Code("roster.no_name", WARNING, "名册人员未写姓名", "名册这一行写了身份、单位等,但姓名为空,未读取;请补写姓名"),
    Code("roster.names_split", INFO, "名册一格写了几人", "姓名栏“{value}”写了几个人,已分别读作 {detail},身份、单位、日期相同"),
    Code("roster.not_a_name", WARNING, "名册中不是人员的行",
         "名册这一行的“{value}”是合计、注释、签名或说明文字,不是人名,未读作人员{detail};如确是人员,请在姓名栏只写姓名"),
    Code("roster.name_note", INFO, "名册姓名中的说明",
         "名册姓名栏“{value}”中姓名以外的文字(括号内的说明,或写在姓名前后的职务、称谓、单位)不是姓名的一部分,人员按“{detail}”计"),
    Code("roster.same_person", INFO, "名册中按同一人计的几行",
         "名册中“{value}”{detail},按同一人计;如是同名的两人,请在名册中写明区分,如“{value}(教育界)”,并写明各自的单位或界别,或在备注中写“重名”"),
    Code("roster.terms_joined", INFO, "名册中同一人的几段任期",
         "名册中“{value}”同一身份写了几行({detail}),按同一人的几段任期计算任务"),
    Code("roster.date_problem", WARNING, "名册日期有误", "名册中“{value}”:{detail};已按在任计算任务,请核对日期"),
    Code("roster.joining_in_note", WARNING, "聘任写在备注中", "名册备注“{value}”似乎说明此人的聘任或任职时间,但未读取;请把日期填入“聘任时间”栏,否则全年都按在任计算任务"),
    Code("roster.note_unread", WARNING, "任职变动写在备注中",
         "名册备注“{value}”写有年月或任职变动,但未读取(不知是聘任、离任还是其他变动),任务按本行的聘任、离任时间栏计算"
         "(未填的按全年在任);如此人年内聘任或离任,请把日期填入“聘任时间”或“离任时间”栏"),
    Code("roster.end_month", INFO, "离任日期只写到月", "名册中“{value}”的离任日期“{detail}”只写到月,按该月月底仍在任计(该月计入任务);如是当月中途离任,请写明离任的日期"),
    Code("roster.leaving_in_note", WARNING, "离任写在备注中", "名册备注“{value}”似乎说明此人已离任或解聘,但未读取;请把日期填入“离任时间”栏,否则全年都按在任计算任务"),
    Code("roster.unit_change_in_note", WARNING, "单位变动写在备注中",
         "单位“{detail}”的备注“{value}”似乎说明该单位年内设立、撤销、合并或更名,但未读取,该单位仍按全年计算任务;请把日期填入单位表的“成立时间”或“撤销时间”栏"),
    Code("roster.unit_note", INFO, "单位备注未读取", "单位“{detail}”的备注“{value}”未读取;如说明该单位的设立或撤销,请把日期填入“成立时间”或“撤销时间”栏"),
    Code("roster.row_hidden", WARNING, "名册隐藏行已照常读取",
         "名册本表第 {value} 行被隐藏(手动隐藏或筛选后保存),其中 {detail} 已照常读取(人员按名册日期计算任务);"
         "如已离任或不应计入,请填写离任时间,或删除这些行"),
    Code("roster.sheet_hidden", WARNING, "名册隐藏的工作表已照常读取",
         "名册中隐藏的工作表“{value}”已照常读取,其中 {detail}(人员按名册日期计算任务);如已离任或不应计入,请填写离任时间,或删除该表"),
    Code("roster.left_no_end", WARNING, "离任人员表中未写离任时间",
         "工作表“{detail}”的名称说明其中人员已离任(规则文件 left_sheet_words),“{value}”没有离任时间,未读作在任人员"
         "(不计任务,其信息不按名册对应到人);如本年度曾在任,请填写离任时间"),
    Code("roster.left_listed", INFO, "离任人员表中的在任人员",
         "本表名称说明其中人员已离任,“{value}”在工作表“{detail}”中列为在任,按该表计任务,本行未另读"),
    Code("roster.move_in_note", INFO, "备注中的调动已按调动计",
         "名册备注“{value}”说明此人{detail},按名册中调动的两行计:此前报送的信息(单位栏为空的)计入原单位,任务按在任月份连续计算"),
    Code("roster.move_in_note_unread", WARNING, "调动写在备注中",
         "名册备注“{value}”似乎说明此人由其他单位调入,但未能读出调动的年月和原单位,此人的信息都按本行单位计;"
         "调入前报送的信息可能属于原单位,请把原单位另写一行(填离任时间),本行填调入后的聘任时间"),
    Code("roster.sheet_unread", WARNING, "名册工作表未识别",
         "名册工作表“{value}”中没有识别出人员表头(姓名及身份、单位等)或单位表头(单位名称及单位类型),其中 {detail} 个单元格未读取;"
         "如是名册的一部分,请按名册模板写表头"),
    Code("roster.ledger_list_merged", INFO, "台账中的人员表按名册计",
         "台账工作表“{value}”列出姓名和单位(没有身份,如供公式查找单位),其中 {detail} 与名册一致,按名册计(每人一行,身份和任务按名册)"),
    Code("roster.ledger_list_differs", WARNING, "台账人员表与名册不一致", "台账中人员表的“{value}”{detail}"),
    Code("roster.column_unread", INFO, "名册中未读取的列",
         "名册“{value}”列未读取(名册只读姓名、身份、单位、界别、聘任和离任日期、备注,以及单位名称、单位类型、成立和撤销时间、备注),该列 {detail} 个单元格未读取"),
    Code("roster.quota_column", WARNING, "名册中的任务列未读取",
         "名册“{value}”列写的是任务,该列 {detail} 个单元格未读取:完成率按规则文件(规则.yaml)中 quotas 的任务计算"
         "(单位按单位类型,人员按身份),不按本列;如本列的任务与之不同,请在规则文件中修改"),
    Code("unit.blank_below", WARNING, "单位为空(上方有单位)",
         "本条的单位为空,未计入任何单位;上方最近一条的单位是“{above}”,如是同一单位请填写(单位栏每行都要填,不能只写在第一行)"),
    Code("unit.variant", WARNING, "单位写法不一", "单位“{unit}”与“{unit_main}”可能是同一单位的两种写法,统计时分列为两个单位;请统一写法,或在名册“单位”表中列明"),
    Code("roster.unknown_unit", WARNING, "单位不在名册中",
         "单位“{unit}”不在名册的单位中,其信息不计入单位统计和排名;如是名册中某单位的另一种写法,请统一写法"),
    Code("unit.read_as", INFO, "单位按名册写法计", "“{value}”与名册中的“{detail}”是同一单位的两种写法,已按“{detail}”计入"),
    Code("unit.from_sector", INFO, "单位按界别计",
         "单位栏为空,按界别“{value}”计入名册单位表中的“{detail}”(界别写法相同的其他信息同样计入);如不对,请填写单位"),
    Code("unit.from_sector_written", INFO, "单位按界别计(无名册单位表)",
         "单位栏为空(或没有单位列),也没有名册单位表可对照,按界别“{value}”计入单位“{value}”的统计和排名(共 {detail} 条信息);"
         "如应计入其他单位,请填写单位栏"),
    Code("unit.sector_unlisted", WARNING, "界别不在名册单位中",
         "单位栏为空,界别“{value}”不是名册单位表中的单位,作者的名册单位也没有对应,本条未计入任何单位的统计和排名;"
         "请填写单位,或在名册单位表中列明该界别组(如是其中某单位的另一种写法,请统一写法)"),
    Code("author.unit_from_roster", INFO, "单位按作者的名册单位计",
         "单位栏为空,按作者“{value}”在名册中的{detail}计入(名册这样写的其他作者同样计入);如不对,请填写单位"),
    Code("author.unit_unlisted", WARNING, "作者的名册单位不在单位表中",
         "单位栏为空,作者“{value}”在名册中的单位“{detail}”不在名册的单位表中,本条(及名册写同一单位的作者单位栏为空的信息)"
         "未计入任何单位的统计和排名;请填写单位,或在名册单位表中列明该单位(如是其中某单位的另一种写法,请统一写法)"),
    Code("author.units_several", WARNING, "作者在名册中有几个单位",
         "单位栏为空,作者“{value}”在名册中分属{detail}(一个身份一个单位),不知本条由哪个单位报送,"
         "未计入任何单位的统计和排名(个人的报送、任务、稿酬照常计算);请填写单位"),
    Code("roster.unknown_person", WARNING, "作者不在名册中", "作者“{name}”不在名册中"),
    Code("author.surname_only", WARNING, "作者只写了姓和称谓", "作者“{name}”只写了姓和职务或称谓,不是全名,已按“{name}”计入(稿酬、任务、排名都无法对应到人);请写明姓名"),
    Code("adoption.no_item", ERROR, "采用记录找不到信息", "采用记录找不到对应的报送信息({named});请核对编号或标题是否与报送台账一致"),
    Code("adoption.no_body", ERROR, "没有写明采用单位", "标注了已采用,但没有写明采用单位(刊物),无法确定层级"),
    Code("adoption.unknown_tier", ERROR, "采用单位无法确定层级",
         "采用单位“{body}”无法确定层级(县级/市级/省级/全国),未计入;请写明采用单位,如“省政协”,或在规则文件 placement 中登记"),
    Code("adoption.city_unclear", ERROR, "采用单位是县级市还是另一个市不明",
         "采用单位“{body}”所写的市不是本单位所在地,不知是本单位下级的县级市(县级)还是另一个市(市级),未计入;"
         "如是下级县级市的政协,请在名册单位表中列明(如“扶余市政协”,单位类型“县区政协”),或写入规则文件 office.below"),
    Code("adoption.level_unclear", ERROR, "采用单位开头的层级字与本单位所在地对不上",
         "采用单位“{body}”开头的“县、区、旗、市、州、盟、地区”等字,不是规则文件中本单位所在地(office 的 place、city、province)"
         "所用的字,不知是哪一级(如内蒙古、新疆的旗县写“区政协”可能指自治区政协,县级市写“市政协”可能指本市政协),未计入;"
         "请写明全称(如“内蒙古自治区政协”),或在规则文件 office.relative 中写明本单位对这个字的理解(如 {{区: 省级}}、{{市: own}})"),
    Code("adoption.unknown_channel", WARNING, "采用单位不属于任何采用渠道",
         "采用单位“{body}”有层级,但不是规则中任何采用渠道(政协、党委政府、部门等)的单位(网站、公众号、报刊等媒体发布不是采用),"
         "未计入采用统计、稿酬和积分;如应计入,请把它的用词登记到规则文件 placement.channel_words 中相应渠道下"
         "(媒体用词在 placement.media_words 中)"),
    Code("adoption.date_invalid", ERROR, "采用日期无法识别", "采用日期“{date_text}”无法识别或有歧义,该采用未计入;请写成 2025-03-05 或 2025年3月5日"),
    Code("adoption.before_item", ERROR, "采用早于收稿", "采用日期 {date:%Y-%m-%d} 早于该信息的收稿日期 {item_date:%Y-%m-%d}"),
    Code("adoption.future", ERROR, "采用日期晚于今天", "采用日期 {date:%Y-%m-%d} 晚于今天"),
    Code("forward.no_item", ERROR, "上报记录找不到信息", "上报记录找不到对应的报送信息({named});请核对编号或标题是否与报送台账一致"),
    Code("forward.unknown_tier", WARNING, "上报单位无法确定层级", "上报单位“{body}”无法确定层级,未按层级统计"),
    Code("instruction.no_item", ERROR, "批示记录找不到信息", "批示记录找不到对应的报送信息({named});请核对编号或标题是否与报送台账一致"),
    Code("instruction.no_adoption", WARNING, "有批示无采用", "该信息有领导批示,但没有任何采用记录;批示一般批在被采用的信息上,如已被采用,请补填采用情况"),
    Code("instruction.asked_only", WARNING, "批示栏写的是请领导阅批,批示尚未作出",
         "批示栏“{value}”写的是请领导阅处(阅批、阅示),领导尚未作出批示,未计入批示件数、批示奖励和积分,也不把它当作领导姓名;"
         "如这是某位领导已作出的批示(请另一位领导阅处),请写明作出批示的领导,如“区长某某：{value}”"),
    Code("instruction.level_differs", WARNING, "批示领导级别与职务不符",
         "级别“{value}”与批示领导“{detail}”的职务所属级别不一致,已按领导职务的级别计入批示件数、奖励和积分(不按所填级别);请核对领导职务和级别"),
    Code("instruction.unknown_level", WARNING, "批示领导级别不明", "无法判断批示领导{who}的级别(县级/市级/省级/国家级),请写明领导的职务和姓名"),
    Code("instruction.leader_not_counted", WARNING, "批示领导是部门、党派或企业负责人",
         "批示领导“{leader}”是部门、民主党派或企业等单位的负责人,不是党委、政府、人大、政协的领导,其批示不计入批示件数、奖励和积分;"
         "如应计入,请写明批示的党政领导,或在规则文件 placement.channels、not_leader_words 中调整"),
    Code("instruction.follow_up_unknown", WARNING, "落实情况无法认定",
         "落实情况“{said}”无法判断是否办结,已按办理中统计;请写明如“已解决”“正在办理”"),
    Code("instruction.reply_to_author", WARNING, "反馈的是作者,不是办复",
         "落实情况“{said}”写的是向作者(信息提供者)反馈,不是承办单位对批示的办复:未计为已办复,按办理中统计,"
         "超过办理时限即为逾期;如承办单位已办复,请写明如“承办单位已书面答复”,并填写办复日期"),
    Code("instruction.overdue_written", WARNING, "落实情况写逾期,逾期按办理时限计算",
         "落实情况写“{said}”,是否逾期按办理时限计算,不按所写的“逾期”:{why};请填写或核对办理时限"),
    Code("instruction.before_item", ERROR, "批示早于收稿", "批示日期 {date:%Y-%m-%d} 早于该信息的收稿日期 {item_date:%Y-%m-%d}"),
    Code("instruction.date_invalid", ERROR, "批示日期无法识别", "批示日期“{date_text}”无法识别或有歧义"),
    Code("instruction.future", ERROR, "批示日期晚于今天", "批示日期 {date:%Y-%m-%d} 晚于今天"),
    Code("instruction.assigned_before_date", WARNING, "交办早于批示",
         "交办日期 {assigned_on:%Y-%m-%d} 早于批示日期 {date:%Y-%m-%d},办理时限按交办日期起算;请核对"),
    Code("instruction.due_before_date", WARNING, "办理时限早于批示",
         "办理时限 {due_on:%Y-%m-%d} 早于批示(交办)日期 {start:%Y-%m-%d},是否逾期按此时限统计;请核对"),
    Code("instruction.answered_before_date", WARNING, "办复早于批示",
         "办复或反馈日期早于批示日期 {date:%Y-%m-%d},已按办复统计;请核对"),
    # -- reasons of the counting itself (compute/counted.py)
    Code("item.left_out", INFO, "所属信息有错误、未计入", "该记录所属的信息因校验错误未计入统计,本记录随之未计入", counting=True),
]

CATALOG: dict[str, Code] = {c.code: c for c in _ENTRIES}
UNREADABLE_CODES = tuple(c.code for c in _ENTRIES if c.unreadable)
COUNTING_CODES = tuple(c.code for c in _ENTRIES if c.counting)
SEVERITY_ZH = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


def entry(code: str) -> Code:
    """The catalog entry of ``code`` (KeyError for a code not in the catalog: a bug)."""
    return CATALOG[code]


def markdown() -> str:
    """The catalog as a Markdown table, for the README (``python -m sqmy_lib.catalog``)."""
    rows = ["| 代码 code | 级别 | 含义 | 提示信息 |", "| --- | --- | --- | --- |"]
    for c in _ENTRIES:
        message = c.message.replace("{message}", "(读取时给出的原因)").replace("|", "\\|")
        rows.append(f"| `{c.code}` | {SEVERITY_ZH[c.severity]} | {c.title} | {message} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown())
