"""``python -m learn.content [PATH...]``: check content without the Flask app.

``kring content check`` does the same through check_paths and print_report.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from .check import check_paths
from .problems import print_report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m learn.content",
        description="Check case files, modules and the vocabulary; exit 1 when there is an error.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="case files, module folders or files in them, or folders of either "
        "(default: every case in --cases-dir and every module in --modules-dir)",
    )
    parser.add_argument(
        "--cases-dir",
        type=Path,
        default=Path("cases"),
        help="the cases folder, with vocabulary.yaml (default: cases)",
    )
    parser.add_argument(
        "--modules-dir",
        type=Path,
        default=None,
        help="the modules folder (default: modules next to CASES_DIR)",
    )
    parser.add_argument(
        "--methods-dir",
        type=Path,
        default=None,
        help="the intervision methods folder (default: methods next to CASES_DIR)",
    )
    parser.add_argument(
        "--vocabulary",
        type=Path,
        default=None,
        help="the vocabulary file (default: CASES_DIR/vocabulary.yaml)",
    )
    args = parser.parse_args(argv)
    report = check_paths(
        args.paths or None,
        cases_dir=args.cases_dir,
        modules_dir=args.modules_dir,
        methods_dir=args.methods_dir,
        vocabulary_path=args.vocabulary,
    )
    print_report(report)
    return report.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
