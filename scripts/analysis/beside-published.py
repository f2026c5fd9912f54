#!/usr/bin/env python3
"""A sweep's means beside the meta-transfer paper's, one Markdown row per method and one column per noise level.

Each cell: our mean [95% CI] (from the report's tables/summary.csv) / the paper's mean +- sd over its 3 seeds.

usage: scripts/analysis/beside-published.py SWEEP_DIR TABLE METRIC
       e.g. scripts/analysis/beside-published.py docs/reproduction/meta-transfer-table4 table4 query_mse
"""
import csv
import sys

PUBLISHED = 'model/src/main/resources/io/github/metasweep/model/metatransfer/meta-transfer-published.csv'


def number(x):
    x = float(x)
    if x == 0:
        return '0'
    if abs(x) >= 1:
        return f'{x:.2f}'
    return f'{x:.3f}' if abs(x) >= 0.1 else f'{x:.4f}'


def published(table):
    values = {}
    rows = csv.reader(line for line in open(PUBLISHED) if line.strip() and not line.startswith('#'))
    next(rows)  # header
    for r in rows:
        if r[0] == table:
            values[(r[2], r[4])] = f'{r[7]} ± {r[8]}'
    return values


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sweep, table, metric = sys.argv[1:]
    paper = published(table)
    ours, levels, methods = {}, [], []
    for r in csv.DictReader(open(f'{sweep}/tables/summary.csv')):
        level = r['hyper_parameters'].split('=')[1]
        levels += [level] if level not in levels else []
        methods += [r['method']] if r['method'] not in methods else []
        ours[(r['method'], level)] = r
    print('| method | ' + ' | '.join(f'sigma {float(l):g}: ours [95% CI] / paper' for l in levels) + ' |')
    print('|---|' + '---:|' * len(levels))
    for m in methods:
        cells = []
        for level in levels:
            r = ours[(m, level)]
            theirs = paper.get((m, level)) or paper.get((m, ''), '-')  # a reference row holds at every level
            cells.append(f"{number(r[metric + '_mean'])} [{number(r[metric + '_ci_low'])}, "
                         f"{number(r[metric + '_ci_high'])}] / {theirs}")
        print(f'| {m} | ' + ' | '.join(cells) + ' |')


if __name__ == '__main__':
    main()
