#!/usr/bin/env python3
"""Generates out-of-scope look-alikes of the answerable regression questions from the report itself: each
question keeps its shape (year, question word, the way it asks) but one part is swapped for a thing the
report never gives, so a good engine refuses or near-misses every line. The swaps are classes, not answers:

  probe_metric   a report metric (or an alias of one) → a metric of a county the report never states
  probe_pinyin   the same swap, the foreign metric typed in pinyin
  probe_place    the report's county → a neighbouring county or city the report never names
  probe_year     a one-year question of 2021 → 2019 or 2020 (the report gives no figure of those years alone)
  probe_detail   a thing the report names × a detail it never states (phone, address, price, opening hours)
  probe_english  an English question's metric → an English metric with no counterpart in the report

Every swapped-in word is checked against the report text and the aliases: one the report (or an alias leading
to it) has is dropped, so every line is out of scope by construction. The file is a measured probe
(docs/benchmarks.md), not hand-tuned cases: regenerate it rather than edit it.

usage: docs/tools/oos_probe.py BINARY > tests/questions_probe_oos.tsv   (from the repository root; BINARY is
a built report-bot, which lists the report's metrics)
"""
import random
import re
import subprocess
import sys
import tomllib
from pathlib import Path

# The same answerable regression questions the variants are written from (docs/tools/ is on the path).
from question_variants import answerable_rows

REPORT = Path("knowledge/reports/xiping-2022/report.txt")
PER_CLASS = 60
BINARY = "report-bot"
SEED = 11

# Metrics a county government may report that this report does not (zh, pinyin, English).
FOREIGN_METRICS = [
    ("房价", "fangjia", "average house price"),
    ("森林覆盖率", "senlin fugailv", "forest coverage rate"),
    ("专利授权量", "zhuanli shouquanliang", "number of patents granted"),
    ("平均工资", "pingjun gongzi", "average wage"),
    ("最低工资标准", "zuidi gongzi biaozhun", "minimum wage"),
    ("户籍人口", "huji renkou", "registered population"),
    ("居民存款余额", "jumin cunkuan yue", "household savings deposits"),
    ("出生率", "chushenglv", "birth rate"),
    ("犯罪率", "fanzuilv", "crime rate"),
    ("PM2.5浓度", "PM2.5 nongdu", "PM2.5 concentration"),
    ("地铁里程", "ditie licheng", "subway mileage"),
    ("外贸依存度", "waimao yicundu", "foreign trade dependence"),
    ("人均住房面积", "renjun zhufang mianji", "housing area per person"),
    ("医院床位数", "yiyuan chuangweishu", "hospital beds"),
    ("公务员人数", "gongwuyuan renshu", "number of civil servants"),
    ("离婚率", "lihunlv", "divorce rate"),
    ("汽车保有量", "qiche baoyouliang", "car ownership"),
    ("互联网普及率", "hulianwang pujilv", "internet penetration"),
    ("人均预期寿命", "renjun yuqi shouming", "life expectancy"),
    ("商品房销售面积", "shangpinfang xiaoshou mianji", "commercial housing sales area"),
]
# Places near the county the report never names.
OTHER_PLACES = ["遂平县", "上蔡县", "汝南县", "舞阳县", "郾城区", "漯河市", "郑州市", "确山县"]
# Details of a named thing a work report does not state.
DETAILS = [
    "的联系电话是多少",
    "的详细地址在哪",
    "的门票多少钱",
    "几点开门",
    "的负责人叫什么名字",
    "的注册资本是多少",
    "有多少张床位",
    "的官方网站是什么",
    "周末开放吗",
    "的停车费怎么收",
]
# Endings of a thing with a name (a park, a hospital, a company): what a detail can be asked of.
NAMED_ENDINGS = ("园", "院", "厂", "湖", "馆", "中心", "学校", "公司", "集团", "基地", "广场", "牧场", "站")


def knowledge():
    """The report text, the report's metric names and the alias words that lead into the report."""
    text = REPORT.read_text(encoding="utf-8")
    aliases = tomllib.loads(Path("knowledge/aliases.toml").read_text(encoding="utf-8"))["alias"]
    alias_words = set()
    for entry in aliases:
        if entry["canonical"] in text:
            alias_words.add(entry["canonical"])
            alias_words.update(entry["variants"])
    listed = subprocess.run([BINARY, "indicators"], capture_output=True, text=True, check=True).stdout
    metrics = {m.group(1) for m in re.finditer(r"\s(\S+?)：", listed) if m.group(1) in text}
    return text, alias_words, metrics


def absent(word, text, alias_words):
    lower = word.lower()
    return word not in text and not any(lower == a.lower() for a in alias_words)


def metric_spans(question, words):
    """The longest report word the question says, for the swap."""
    found = [w for w in words if len(w) >= 2 and not w.isascii() and w in question]
    return max(found, key=len) if found else None


def main():
    global BINARY
    BINARY = sys.argv[1]
    rng = random.Random(SEED)
    text, alias_words, metrics = knowledge()
    zh_words = metrics | {w for w in alias_words if not w.isascii()}
    en_words = sorted((w for w in alias_words if w.isascii() and len(w) >= 3), key=len, reverse=True)
    foreign = [m for m in FOREIGN_METRICS if absent(m[0], text, alias_words)]
    places = [p for p in OTHER_PLACES if absent(p[:2], text, alias_words)]
    details = [d for d in DETAILS if absent(re.sub(r"^的|[多少几什么哪吗怎叫是在钱]+$", "", d), text, alias_words)]
    rows = list(answerable_rows())
    out = {name: [] for name in ("probe_metric", "probe_pinyin", "probe_place", "probe_year", "probe_detail", "probe_english")}
    for category, question, _ in rows:
        if category == "english" or question.isascii():
            lower = question.lower()
            word = next((w for w in en_words if re.search(rf"\b{re.escape(w.lower())}\b", lower)), None)
            rest = re.sub(rf"\b{re.escape(word)}\b", "", lower, count=1) if word else lower
            # Another report metric left beside the swapped one (GDP life expectancy) would still ask
            # about the report, and Han in an English question is a report term named outright.
            if word and (re.search(r"[\u4e00-\u9fff]", question) or any(
                re.search(rf"\b{re.escape(w.lower())}\b", rest) for w in en_words
            )):
                word = None
            if word:
                zh, _, en = rng.choice(foreign)
                swapped = re.sub(rf"\b{re.escape(word)}\b", en, question, count=1, flags=re.I)
                out["probe_english"].append(swapped)
            continue
        span = metric_spans(question, zh_words)
        # A question that names a second metric (GDP增长 → GDP房价) would still ask about the report.
        rest = question.replace(span, "", 1) if span else question
        if any(w.lower() in rest.lower() for w in alias_words | metrics if len(w) >= 2 and (w.isascii() or w in metrics)):
            span = None
        if span and re.search(r"多少|几|目标|增长|是什么|怎么样|情况", question):
            zh, pinyin, _ = rng.choice(foreign)
            out["probe_metric"].append(question.replace(span, zh, 1))
            out["probe_pinyin"].append(question.replace(span, pinyin, 1))
            place = rng.choice(places)
            if "西平县" in question:
                out["probe_place"].append(question.replace("西平县", place, 1))
            elif "西平" in question:
                out["probe_place"].append(question.replace("西平", place[:2], 1))
            else:
                out["probe_place"].append(place + question)
        if re.fullmatch(r"[^0-9]*2021年[^0-9]*", question) and category in ("result", "livelihood"):
            out["probe_year"].append(question.replace("2021年", rng.choice(["2019年", "2020年"])))
    quoted = set(re.findall(r"“([^”]{2,10})”", text))
    named = sorted(w for w in zh_words | quoted if len(w) >= 3 and w.endswith(NAMED_ENDINGS) and w in text)
    for thing in named:
        out["probe_detail"].append(thing + rng.choice(details))
    print("# Generated by docs/tools/oos_probe.py (out-of-scope look-alikes of the regression questions):")
    print("# every line is out of scope by construction. Regenerate, do not edit.")
    print("category\tquestion\texpected")
    for category, questions in out.items():
        unique = sorted(set(questions))
        rng.shuffle(unique)
        for question in unique[:PER_CLASS]:
            print(f"{category}\t{question}\t-")


if __name__ == "__main__":
    sys.exit(main())
