"""Computes fairlearn fairness metrics for the cases of a JSON file and prints the results as JSON.

Usage: python fairlearn_metrics.py CASES.json
CASES.json holds a list of {"csv": PATH, "target": COLUMN, "prediction": COLUMN, "cases": [CASE, ...]}; a CASE is
{"sensitive": [COLUMN, ...], "minGroupSize": N, "metric": NAME, "method": "between_groups|to_overall",
"agg": "worst_case|mean"}. Rows with a missing sensitive value are dropped, then the groups (combinations of the
sensitive values) with fewer than minGroupSize rows, as the engine does; disparate_impact_ratio is fairlearn's
demographic_parity_ratio between groups. The output holds, per data set and case in input order, the metric
("value", null when NaN) and per group its selection rate, true and false positive rate, named like the engine
names groups: column=value joined by "+".
"""
import json
import math
import sys

import fairlearn
import pandas as pd
from fairlearn import metrics as fm

METRICS = {
    "disparate_impact_ratio": fm.demographic_parity_ratio,
    "demographic_parity_difference": fm.demographic_parity_difference,
    "demographic_parity_ratio": fm.demographic_parity_ratio,
    "equalized_odds_difference": fm.equalized_odds_difference,
    "equalized_odds_ratio": fm.equalized_odds_ratio,
    "equal_opportunity_difference": fm.equal_opportunity_difference,
    "equal_opportunity_ratio": fm.equal_opportunity_ratio,
}
RATES = {"selectionRate": fm.selection_rate, "truePositiveRate": fm.true_positive_rate,
         "falsePositiveRate": fm.false_positive_rate}


def number_or_none(value):
    value = float(value)
    return None if math.isnan(value) else value


def text(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def group_name(columns, key):
    values = key if isinstance(key, tuple) else (key,)
    return "+".join(f"{column}={text(value)}" for column, value in zip(columns, values))


def compared_rows(frame, sensitive, min_group_size):
    present = frame.dropna(subset=sensitive)
    sizes = present.groupby(sensitive)[sensitive[0]].transform("size")
    return present[sizes >= min_group_size]


def rates_by_group(rows, target, prediction, sensitive, features):
    by_group = fm.MetricFrame(metrics=RATES, y_true=rows[target], y_pred=rows[prediction],
                              sensitive_features=features).by_group
    groups = {}
    for key, rates in by_group.iterrows():
        if not rates.isna().all():
            groups[group_name(sensitive, key)] = {name: number_or_none(rate) for name, rate in rates.items()}
    return groups


def evaluate(frame, target, prediction, case, groups_cache):
    sensitive = case["sensitive"]
    rows = compared_rows(frame, sensitive, case["minGroupSize"])
    features = rows[sensitive] if len(sensitive) > 1 else rows[sensitive[0]]
    arguments = {"sensitive_features": features, "method": case["method"]}
    if case["metric"].startswith("equalized_odds"):
        arguments["agg"] = case["agg"]
    value = METRICS[case["metric"]](rows[target], rows[prediction], **arguments)
    key = (tuple(sensitive), case["minGroupSize"])
    if key not in groups_cache:
        groups_cache[key] = rates_by_group(rows, target, prediction, sensitive, features)
    return {"value": number_or_none(value), "groups": groups_cache[key]}


def main(path):
    with open(path, encoding="utf-8") as source:
        data_sets = json.load(source)
    results = []
    for data_set in data_sets:
        frame = pd.read_csv(data_set["csv"])
        groups_cache = {}
        results.append([evaluate(frame, data_set["target"], data_set["prediction"], case, groups_cache)
                        for case in data_set["cases"]])
    json.dump({"fairlearn": fairlearn.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
