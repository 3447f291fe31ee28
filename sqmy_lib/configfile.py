"""Configuration files staff hand in (rules, schedules, ``offices.yaml``): read safely, checked by a
schema, every problem one Chinese line naming the file, the key and the line.

Reading refuses what no office writes and what could take the process down before a schema sees
it: files over ``MAX_BYTES``, binary files, YAML anchors and aliases (refused from the event
stream, never expanded: a "billion laughs" file costs nothing), nesting deeper than ``MAX_DEPTH``,
integers longer than ``MAX_DIGITS`` digits, tags other than plain data (``!!python/…``).
Parsing is ``yaml.safe_load``: nothing is ever evaluated.

Checking is JSON Schema (Draft 2020-12, ``jsonschema``): each kind of file has one schema, and
``schema_problems`` translates the validator's errors into Chinese by their keyword (``type``,
``required``, ``minimum``, ``enum``, ``additionalProperties``…), with the key path and the line.
Non-finite numbers (``.inf``, ``.nan``) are refused for every file.
"""
from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

MAX_BYTES = 1 << 20  # 1 MiB: the shipped rules file is 6 KB
MAX_DEPTH = 12
MAX_DIGITS = 15
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader with YAML 1.1's other number forms left as text: ``050`` (octal 40), ``1_000``,
    ``0x12C``, ``5:00`` (base 60: 300) were read as numbers staff never wrote; as text, a schema names
    them (or a money value takes ``050`` as the 50 it says)."""


_PLAIN_NUMBERS = {
    "tag:yaml.org,2002:int": re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
    "tag:yaml.org,2002:float": re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"),
}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, _PLAIN_NUMBERS.get(tag, regexp)) for tag, regexp in resolvers]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LOADER = _Loader
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*|0[xob][0-9a-fA-F_]+|[0-7_]+)$")
_FULL_WIDTH_KEY = re.compile(r"^\s*[^\s#:：-][^\s#:：]{0,40}：")  # "  县级：30", not prose in a list


@dataclass(frozen=True)
class ConfigProblem:
    """One problem: the dotted key it concerns ("" for the file as a whole) and what is wrong."""

    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"(第{self.line}行)" if self.line and self.key else ""
        return f"{self.key}:{self.message}{where}" if self.key else self.message


class ConfigError(ValueError):
    """A configuration file that cannot be used; ``problems`` says exactly why, ``source`` is the file."""

    def __init__(self, problems: list[ConfigProblem], source: str = "", what: str = "配置文件"):
        self.problems = list(problems)
        self.source = source
        self.what = what
        super().__init__(str(self))

    def __str__(self) -> str:
        head = f"{self.what}有误({self.source}):" if self.source else f"{self.what}有误:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])

    def one_line(self) -> str:
        """The same, on one line (for a history row or a log)."""
        return f"{self.what} {self.source}:" + ";".join(map(str, self.problems))


class ConfigFileError(ConfigError):
    """The file could not be read at all (missing, a folder, no permission, binary, too large)."""


# ---- reading ----

def read_text(path: str | Path, what: str = "配置文件") -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with its BOM, else GB18030 as saved by
    Chinese Windows."""
    path = Path(path)

    def fail(message: str) -> ConfigFileError:
        return ConfigFileError([ConfigProblem("", message)], str(path), what)

    try:
        if not path.exists():
            raise fail(f"找不到{what}:{path}")
        if path.is_dir():
            raise fail(f"{what}路径是文件夹,不是文件:{path}")
        if not path.is_file():
            raise fail(f"{what}不是普通文件:{path}")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(f"{what}过大({size // 1024} KB,上限 {MAX_BYTES // 1024} KB):{path}")
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise fail(f"无法读取{what}:{path}({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise fail(f"{what}过大(上限 {MAX_BYTES // 1024} KB):{path}")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Notepad's "Unicode" (UTF-16 with its BOM)
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw:  # a workbook or other binary passed by mistake
        raise fail(f"{what}不是文本文件:{path}")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise fail(f"{what}不是文本文件(无法按 UTF-8 或 GBK 解码):{path}")


def _yaml_problem(exc: yaml.YAMLError, text: str) -> ConfigProblem:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    where = f"第{line}行第{mark.column + 1}列:" if mark is not None else ""
    problem = str(getattr(exc, "problem", "") or exc)
    if "could not determine a constructor for the tag" in problem:
        tag = problem.split("tag '", 1)[-1].rstrip("'").replace("tag:yaml.org,2002:", "!!")
        message = f"不允许的标签 “{tag}”:只能写文字、数字、列表和映射"
    elif "'\\t'" in problem:
        message = "含有制表符(Tab),请改用空格缩进"
    else:
        said = next((zh for pattern, zh in _YAML_PROBLEMS if pattern.search(problem)), "")
        message = f"不是有效的 YAML 格式({said})" if said else "不是有效的 YAML 格式"
        # What staff type that YAML cannot read, usually a line or two above where the parser stops:
        # a full-width colon after a key (县级：30), a full-width comma in a list, a full-width space
        # as indentation.
        before = text.splitlines()[: line or 0]
        for test, hint in ((_FULL_WIDTH_KEY.match, "用了中文冒号“：”,应为英文冒号加空格“: ”"),
                           (_FULL_WIDTH_COMMA.search, "在 [ ] 或 { } 中用了中文逗号“，”,应为英文逗号“,”"),
                           (lambda row: row.startswith("\u3000"), "用全角空格缩进,应为英文空格")):
            suspects = [n for n, row in enumerate(before, 1) if test(row)]
            if suspects:
                message += f";第{suspects[-1]}行{hint}"
    return ConfigProblem("", where + message, line)


# The parser's words (English) as staff read them.
_YAML_PROBLEMS = [
    (re.compile(r"could not find expected ':'"), "缺少冒号:键和值之间应写英文冒号加空格“: ”"),
    (re.compile(r"expected ',' or '\}'"), "花括号 { } 中各项之间应以英文逗号“,”分隔"),
    (re.compile(r"expected ',' or '\]'"), "方括号 [ ] 中各项之间应以英文逗号“,”分隔,并以“]”结束"),
    (re.compile(r"expected <block end>|did not find expected key|expected <block mapping start>"),
     "缩进不一致:同一层的各项应以相同个数的空格对齐"),
    (re.compile(r"mapping values are not allowed here"), "此处不能再写“键: 值”:可能缩进有误,或值中含有冒号(请给值加引号)"),
    (re.compile(r"found character that cannot start any token"), "值以 YAML 不允许的字符开头(如 @、`、%),请给值加引号"),
    (re.compile(r"found unexpected end of stream|found unexpected end"), "文件意外结束:可能缺少配对的引号或括号"),
    (re.compile(r"while scanning a quoted scalar"), "引号没有配对"),
]
_FULL_WIDTH_COMMA = re.compile(r"[\[{][^\]}]*，")


def _guard(text: str) -> ConfigProblem | None:
    """Walk the event stream once (linear, nothing built): anchors, aliases, depth, long integers."""
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return ConfigProblem("", f"第{line}行用了 YAML 锚点或别名(& 或 *):请把内容直接写出", line)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return ConfigProblem("", f"第{line}行嵌套过深(超过 {MAX_DEPTH} 层)", line)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if isinstance(event, yaml.ScalarEvent) and event.implicit[0] and _INT.match(event.value):
            if len(event.value.replace("_", "").lstrip("+-")) > MAX_DIGITS:
                return ConfigProblem("", f"第{line}行的数字过长(超过 {MAX_DIGITS} 位)", line)
    return None


def parse_yaml(text: str) -> tuple[Any, dict[tuple[str, ...], int], list[ConfigProblem]]:
    """Parse ``text`` safely: (data, line of every mapping key, problems). Problems mean ``data`` is None,
    except for keys written twice (YAML would keep the last silently), which are reported beside it."""
    try:
        guarded = _guard(text)
        if guarded:
            return None, {}, [guarded]
        data = yaml.load(text, Loader=_LOADER)
        lines, twice = _key_lines(text)
    except yaml.YAMLError as exc:
        try:  # the pure-Python parser says more ("found character '\\t'") than libyaml
            for _ in yaml.parse(text, Loader=yaml.SafeLoader):
                pass
        except yaml.YAMLError as detailed:
            exc = detailed
        return None, {}, [_yaml_problem(exc, text)]
    return data, lines, twice


def _key_lines(text: str) -> tuple[dict[tuple[str, ...], int], list[ConfigProblem]]:
    lines: dict[tuple[str, ...], int] = {}
    twice: list[ConfigProblem] = []

    def visit(node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.SequenceNode):
            for k, item in enumerate(node.value):
                here = (*path, str(k))
                lines.setdefault(here, item.start_mark.line + 1)
                visit(item, here)
        if not isinstance(node, yaml.MappingNode):
            return
        for key_node, value_node in node.value:
            here = (*path, str(key_node.value))
            line = key_node.start_mark.line + 1
            if here in lines:
                twice.append(ConfigProblem(".".join(here), f"重复的配置项:第{lines[here]}行已写过,此处的值会覆盖前者", line))
            else:
                lines[here] = line
            visit(value_node, here)

    visit(yaml.compose(text, Loader=_LOADER), ())
    return lines, twice


def load(path: str | Path, schema: dict | None = None, what: str = "配置文件") -> Any:
    """Read, parse and check one file; raises ``ConfigError`` with every problem, or returns the data."""
    text = read_text(path, what)
    data, lines, problems = parse_yaml(text)
    if data is not None and schema is not None:
        problems = in_file_order(problems + schema_problems(data, schema, lines))
    if problems:
        raise ConfigError(problems, str(path), what)
    return data


# ---- checking ----

def shown(value: Any) -> str:
    """A value as a message shows it: “文字”, 空值, true, 映射, 列表, 12."""
    if isinstance(value, str):
        return f"“{value}”" if len(value) <= 60 else f"“{value[:57]}…”"
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, list):
        return "列表"
    return str(value)


_TYPES = {"string": "文字", "integer": "整数", "number": "数", "boolean": "true 或 false", "array": "列表",
          "object": "映射(“键: 值”形式)", "null": "空值"}


def _type_words(t) -> str:
    return " 或 ".join(_TYPES.get(x, x) for x in (t if isinstance(t, list) else [t]))


def _non_finite(data: Any, path: tuple[str, ...] = ()) -> Iterable[tuple[tuple[str, ...], str]]:
    if isinstance(data, float) and not math.isfinite(data):
        yield path, f"应为有限的数,实为 {shown(data)}"
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _non_finite(value, (*path, str(key)))
    elif isinstance(data, list):
        for k, value in enumerate(data):
            yield from _non_finite(value, (*path, str(k)))


def _translate(error) -> list[tuple[tuple[str, ...], str]]:
    """One jsonschema error as (key path, Chinese message) pairs; [] for errors a deeper one explains."""
    path = tuple(str(p) for p in error.absolute_path)
    keyword, value, schema = error.validator, error.instance, error.schema
    schema = schema if isinstance(schema, dict) else {}
    if schema.get("x-key"):  # a propertyNames check: the key itself is wrong
        path = (*path, str(value))
    if keyword == CHECK:  # our own checks speak Chinese already
        return [(path, error.message)]
    if keyword == "required":
        missing = error.message.split("'")[1] if "'" in error.message else ""
        note = schema.get("x-required-note", {}).get(missing, "")
        return [((*path, missing), f"缺少必填项{note}")]
    if keyword == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        extra = [str(k) for k in value if k not in schema.get("properties", {})] if isinstance(value, dict) else []
        out = []
        for key in extra:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            out.append(((*path, key), f"未知配置项(是否应为 “{close[0]}”?)" if close else "未知配置项"))
        return out
    if schema.get("x-message"):
        return [(path, schema["x-message"].format(value=shown(value)))]
    if keyword == "type":
        return [(path, f"应为{_type_words(error.validator_value)},实为 {shown(value)}")]
    if keyword == "enum":
        return [(path, f"应为 {'/'.join(map(str, error.validator_value))} 之一,实为 {shown(value)}")]
    if keyword in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return [(path, f"应为 {low} 到 {high} 之间的数,实为 {shown(value)}")]
        if keyword == "exclusiveMinimum":
            return [(path, f"应为大于 {error.validator_value} 的数,实为 {shown(value)}")]
        if keyword == "minimum":
            return [(path, f"应不小于 {error.validator_value},实为 {shown(value)}")]
        return [(path, f"应不大于 {error.validator_value},实为 {shown(value)}")]
    if keyword in ("minLength", "minItems"):
        return [(path, f"不能为空,实为 {shown(value)}")]
    if keyword in ("maxLength", "maxItems", "maxProperties"):
        return [(path, f"过长(上限 {error.validator_value}),实为 {shown(value)}")]
    if keyword == "uniqueItems":
        return [(path, "有重复的项")]
    if keyword == "pattern":
        return [(path, f"格式不对,实为 {shown(value)}")]
    return [(path, f"取值不对,实为 {shown(value)}")]


CHECK = "x-check"  # our keyword: {"x-check": "<name>", "x-args": {...}} runs CHECKS[name](value, **args)


def _validator_class(checks: dict):
    """Draft 2020-12 plus the ``x-check`` keyword, whose functions return a Chinese message or None."""
    from jsonschema import Draft202012Validator, ValidationError, validators

    def check(validator, name, instance, schema):
        message = checks[name](instance, **schema.get("x-args", {}))
        if message:
            yield ValidationError(message)

    return validators.extend(Draft202012Validator, {CHECK: check})


def schema_problems(data: Any, schema: dict, lines: dict[tuple[str, ...], int] | None = None,
                    extra: Iterable[tuple[tuple[str, ...], str]] = (), checks: dict | None = None) -> list[ConfigProblem]:
    """Every problem of ``data`` against ``schema`` (JSON Schema), in Chinese, in file order.

    ``extra``: further (key path, message) pairs a schema cannot express; ``checks``: the functions
    behind ``x-check``."""
    validator = _validator_class(checks or {})(schema)
    found: list[tuple[tuple[str, ...], str]] = list(_non_finite(data))
    bad_numbers = {p for p, _ in found}
    for error in validator.iter_errors(data):
        if tuple(str(p) for p in error.absolute_path) in bad_numbers:
            continue
        found.extend(_translate(error))
    found.extend(extra)
    return in_file_order(_located(found, lines or {}))


def _located(found, lines) -> list[ConfigProblem]:
    def line_of(path: tuple[str, ...]) -> int | None:
        while path and path not in lines:
            path = path[:-1]  # a missing key: point at its parent
        return lines.get(path)

    seen, out = set(), []
    for path, message in found:
        if (path, message) in seen:
            continue
        seen.add((path, message))
        out.append(ConfigProblem(".".join(path), message, line_of(path)))
    return out


def in_file_order(problems: list[ConfigProblem]) -> list[ConfigProblem]:
    """By line, so the list reads down the file; problems with no line (missing keys) last."""
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))
