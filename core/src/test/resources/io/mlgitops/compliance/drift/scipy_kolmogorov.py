"""Kolmogorov-Smirnov reference values from scipy, for KolmogorovSmirnovScipyIT.

Usage: python scipy_kolmogorov.py CASES.json
CASES.json: {"kstwo": [[n, x], ...], "ks2": [[sample1, sample2], ...]}, every number of a sample and every x
written as a float hex string (float.hex) so that no digit is lost.
Prints {"scipy": version, "kstwo": [kstwo.sf(x, n), ...], "ks2": [[statistic, pvalue], ...]} (ks_2samp with its
defaults: two-sided, method="auto").
"""
import json
import sys

import numpy as np
import scipy
from scipy import stats


def floats(values):
    return np.array([float.fromhex(value) for value in values])


def main(path):
    with open(path, encoding="utf-8") as source:
        cases = json.load(source)
    kstwo = [float(stats.kstwo.sf(float.fromhex(x), n)) for n, x in cases["kstwo"]]
    ks2 = []
    for first, second in cases["ks2"]:
        result = stats.ks_2samp(floats(first), floats(second))
        ks2.append([float(result.statistic), float(result.pvalue)])
    json.dump({"scipy": scipy.__version__, "kstwo": kstwo, "ks2": ks2}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
