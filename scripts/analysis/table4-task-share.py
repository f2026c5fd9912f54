#!/usr/bin/env python3
"""How much of the task each Table 4 encoder reads, from the stored runs (needs numpy).

Share of the oracle's gain over the task-blind decoder: (mean blind - mean encoder) / (mean blind - mean oracle)
on the seeds all three hold (100% = as good as knowing length and gravity, 0% = as good as knowing nothing),
with a 95% percentile bootstrap over seeds (the three resampled together). Neither control reads the support,
so their single noise level stands for all.

usage: scripts/analysis/table4-task-share.py [DIR]   (DIR holds meta-transfer-table4 and meta-transfer-table4-blind;
       default docs/reproduction)
"""
import collections
import glob
import json
import sys

import numpy as np

ENCODERS = ['context', 'non-linear', 'linear', 'mean', 'max', 'transformer', 'deep-kernel']
SIGMAS = [0.0, 0.4, 1.0, 2.0, 3.0]


def stored(root):
    values = collections.defaultdict(dict)
    for sweep in ['meta-transfer-table4', 'meta-transfer-table4-blind']:
        for path in glob.glob(f'{root}/{sweep}/runs/*.json'):
            run = json.load(open(path))
            if run['status'].lower() == 'ok':
                key = (run['method'], float(run['params'].get('noise_sigma', 0.0)))
                values[key][run['seed']] = run['metrics']['query_mse']
    return values


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else 'docs/reproduction'
    values = stored(root)
    blind, oracle = values[('task-blind', 0.0)], values[('query-oracle', 0.0)]
    rng = np.random.default_rng(0)
    print('| encoder | ' + ' | '.join(f'sigma {s:g}' for s in SIGMAS) + ' |')
    print('|---|' + '---:|' * len(SIGMAS))
    for method in ENCODERS:
        cells = []
        for sigma in SIGMAS:
            runs = values[(method, sigma)]
            seeds = sorted(set(runs) & set(blind) & set(oracle))
            b, o, e = (np.array([d[s] for s in seeds]) for d in (blind, oracle, runs))

            def share(i):
                return (b[i].mean() - e[i].mean()) / (b[i].mean() - o[i].mean())

            every = np.arange(len(seeds))
            boot = [share(rng.choice(every, len(every))) for _ in range(10_000)]
            cells.append(f'{100 * share(every):.0f}% [{100 * np.percentile(boot, 2.5):.0f}, '
                         f'{100 * np.percentile(boot, 97.5):.0f}]')
        print(f'| {method} | ' + ' | '.join(cells) + ' |')
    print(f'\nseeds: {len(blind)} task-blind, {len(oracle)} query-oracle')


if __name__ == '__main__':
    main()
