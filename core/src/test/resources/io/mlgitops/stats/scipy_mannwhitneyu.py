"""Runs scipy.stats.mannwhitneyu on the cases of a JSON file and prints the results as JSON.

Usage: python scipy_mannwhitneyu.py CASES.json
CASES.json holds a list of {"x": [...], "y": [...], "alternative": "two-sided|less|greater",
"method": "auto|exact|asymptotic"}; the output is a list of {"statistic": U1, "pvalue": p} in the same order.
"""
import json
import sys

import scipy
from scipy.stats import mannwhitneyu


def main(path):
    with open(path, encoding="utf-8") as source:
        cases = json.load(source)
    results = []
    for case in cases:
        result = mannwhitneyu(case["x"], case["y"], alternative=case["alternative"], method=case["method"])
        results.append({"statistic": float(result.statistic), "pvalue": float(result.pvalue)})
    json.dump({"scipy": scipy.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
