#!/usr/bin/env python3
"""Generated comparison questions from the report's own figure pairs (issue 9, computed answers).

Usage: docs/tools/compare_probe.py BINARY > probe.tsv; then BINARY eval probe.tsv

Pairs every two yearly-average growth rates (a difference in percentage points) and every two 2021 levels of one
unit (元, 亿元), asks for their difference in one of several wordings written for this probe (not taken from any
question set), and expects the worked-out difference in the direct answer. The figures come from
`BINARY indicators --json`, so next year's report gets its own probe.
"""
import itertools, json, random, subprocess, sys

random.seed(5)
ind = json.loads(subprocess.run([sys.argv[1], 'indicators', '--json'], check=True, capture_output=True, text=True).stdout)
def fmt(x):
    s = ('%.2f' % x).rstrip('0').rstrip('.')
    return s
rows = []
avg = [i for i in ind if i['kind']=='yearly_average' and i['unit']=='%']
res = [i for i in ind if i['kind']=='result' and i['period'].get('year')==2021 and i['unit'] in ('元','亿元')]
AVG_T = [
 "{a}年均增速比{b}快多少",
 "过去五年{a}年均增长比{b}高几个百分点",
 "{a}和{b}的年均增速差多少",
 "{b}年均增速比{a}慢多少个百分点",
 "五年来{a}年均增幅跟{b}相比高出多少",
 "{a}年均增長比{b}快幾個百分點",
 "{a}的年均增速超过{b}多少",
 "{a}年均增速与{b}年均增速相差几个点",
]
RES_T = [
 "2021年{a}比{b}多多少",
 "去年{a}和{b}相差多少{u}",
 "去年{a}比{b}多了多少钱",
 "2021年{a}跟{b}差多少",
 "{a}去年比{b}高出多少",
 "2021年{a}與{b}相差多少",
]
for a,b in itertools.permutations(avg,2):
    if a['number'] <= b['number']: continue
    t = random.choice(AVG_T)
    d = fmt(a['number']-b['number'])
    rows.append(('compare', t.format(a=a['metric'], b=b['metric']), 'answer:'+d))
for a,b in itertools.permutations(res,2):
    if a['unit']!=b['unit'] or a['number'] <= b['number']: continue
    t = random.choice(RES_T)
    d = fmt(a['number']-b['number'])
    rows.append(('compare', t.format(a=a['metric'], b=b['metric'], u=a['unit']), 'answer:'+d))
print('# generated compare probe (docs/tools/compare_probe.py): differences of the report\'s own figure pairs\ncategory\tquestion\texpected')
for r in rows: print('\t'.join(r))
