#!/usr/bin/env python3
"""Rewrites the answerable regression questions the ways people vary a question (blanks, two-digit years, a
source preface, a self-introduction, particles, 繁體) into one TSV per variant, with the original's expected
answer: `report-bot eval OUT/VARIANT.tsv` then shows which ways of typing the engine is fragile to
(docs/benchmarks.md, "Fourth round"). Traditional-character variants need `pip install
opencc-python-reimplemented`; without it they are skipped.

usage: docs/tools/question_variants.py OUT_DIR   (from the repository root)
"""
import random
import re
import sys
from pathlib import Path

SETS = ["questions", "questions_holdout", "questions_holdout2", "questions_holdout3"]


def answerable_rows():
    for name in SETS:
        for line in Path(f"tests/{name}.tsv").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or line.startswith("category\t"):
                continue
            parts = line.split("\t")
            if len(parts) >= 3 and parts[2] not in ("-", "smalltalk") and " >> " not in parts[1]:
                yield parts


def some_blanks(question, rng):
    return "".join(c + (" " if rng.random() < 0.2 else "") for c in question).rstrip()


def variants(rng):
    found = {
        "blanks": lambda q: some_blanks(q, rng),
        "two_digit_years": lambda q: re.sub(r"20(\d\d)年", r"\1年", q),
        "source_preface": lambda q: "根据西平县政府工作报告，" + q,
        "self_introduction": lambda q: "我是一名大学生，正在写一篇论文，想了解一下" + q,
        "laizhe": lambda q: q.rstrip("?？") + "来着？",
        "can_you_tell_me": lambda q: q.rstrip("?？") + "，可以告诉我吗？",
        "qingwen": lambda q: "请问" + q,
        "nihao": lambda q: "你好，" + q,
        "ma": lambda q: q.rstrip("?？") + "嘛",
    }
    try:
        from opencc import OpenCC

        found["traditional"] = OpenCC("s2t").convert
        found["taiwan_wording"] = OpenCC("s2twp").convert
    except ImportError:
        print("opencc not installed: traditional variants skipped", file=sys.stderr)
    return found


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rows = list(answerable_rows())
    rng = random.Random(7)
    for name, rewrite in variants(rng).items():
        lines = ["category\tquestion\texpected"]
        lines += [f"{c}\t{rewrite(q)}\t{e}" for c, q, e, *_ in rows if rewrite(q) != q]
        (out / f"{name}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(name, len(lines) - 1)


if __name__ == "__main__":
    main()
