from pathlib import Path

from setuptools import find_packages, setup

here = Path(__file__).parent
version = {}
exec((here / "sqmy_lib" / "_version.py").read_text(encoding="utf-8"), version)

setup(
    name="sqmy_lib",
    version=version["__version__"],
    description="社情民意信息工作台账:读取、校验、统计、通报与表彰",
    long_description=(here / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    python_requires=">=3.10",
    # The repository's top-level notebooks/ and schedules/ travel inside the package, as
    # sqmy_lib/notebooks and sqmy_lib/schedule/examples (sqmy_lib/shipped.py finds them either way).
    packages=[*find_packages(include=["sqmy_lib", "sqmy_lib.*"]), "sqmy_lib.notebooks", "sqmy_lib.schedule.examples"],
    package_dir={"sqmy_lib.notebooks": "notebooks", "sqmy_lib.schedule.examples": "schedules"},
    # Package data, found through importlib.resources in every install mode (normal, --user, wheel).
    package_data={
        "sqmy_lib.notebooks": ["*.ipynb"],
        "sqmy_lib.rules": ["defaults/*.yaml"],
        "sqmy_lib.schedule.examples": ["*.yaml"],
    },
    install_requires=[
        "pandas>=2.2,<4",
        "numpy>=1.24",
        "openpyxl>=3.1,<4",
        "xlsxwriter>=3.0,<4",
        "python-calamine>=0.5,<1",
        # The formatting of a .xls (borders, fonts, widths) for its annotated copy, where LibreOffice is absent.
        "xlrd>=2,<3",
        "PyYAML>=6.0,<7",
        "tqdm>=4.60,<5",
        # Each workbook is read in a process of its own (a crash or a hang costs that file only).
        "pebble>=5.0,<6",
        # The workbook structure is parsed as XML with entity declarations refused.
        "defusedxml>=0.7",
        # Rules, schedule and offices.yaml files are checked against a JSON Schema each.
        "jsonschema>=4.18,<5",
        # Reports: notebooks run by papermill on this interpreter's kernel, Word and charts.
        "papermill>=2.4,<3",
        "ipykernel>=6",
        "jupyter_client>=7",
        "nbformat>=5",
        "nbconvert>=7",
        "python-docx>=1.1,<2",
        "matplotlib>=3.7,<4",
        # Scheduled runs: cron expressions, zone data where the OS has none, a lock that works on Windows too.
        "croniter>=2",
        "tzdata",
        "filelock>=3.12",
        # Traditional characters read as simplified (民革青山縣委 is 民革青山县委): OpenCC's character table
        # (pure Python, Apache-2.0, no dependencies; read once, about 10 ms).
        "opencc-python-reimplemented>=0.1.7,<0.2",
    ],
    extras_require={
        # xlwt writes genuine BIFF8 .xls (the WPS shape): only the demo office and test inputs need it.
        "demo": ["xlwt>=1.3,<2"],
        # odfpy writes .ods and msoffcrypto-tool encrypts .xlsx: both only to make test inputs.
        # xlrd lists a .xls file's cells independently of the reader (the cell-accounting tests).
        "test": ["pytest>=7", "hypothesis>=6.80", "odfpy>=1.4", "msoffcrypto-tool>=5", "xlwt>=1.3,<2", "xlrd>=2"],
    },
    entry_points={"console_scripts": ["sqmy=sqmy_lib.cli:main"]},
)
