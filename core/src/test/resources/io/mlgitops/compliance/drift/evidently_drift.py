"""Evidently's column drift, written out from its formulas (Evidently itself is not installed), for DriftScipyIT.

Follows evidentlyai/evidently@a4aa4c2b, src/evidently/legacy: utils/data_preprocessing.py::_get_column_type (column
type), calculations/data_drift.py::get_one_column_drift (infinities and missing values dropped per column),
calculations/stattests/registry.py::_get_default_stattest (the default method) and the stattests psi, ks,
jensenshannon, wasserstein (normed), chisquare and z with utils.get_binned_data.

Usage: python evidently_drift.py CASES.json
CASES.json: a list of {"reference": CSV, "current": CSV, "method": "auto"|name, "columns": [...]}.
Prints {"results": [{column: {"method", "type", "statistic", "drifted"}}, ...]} in the same order.
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance

THRESHOLDS = {"psi": 0.1, "jensenshannon": 0.1, "wasserstein": 0.1, "ks": 0.05, "chisquare": 0.05, "z": 0.05}


def column_type(reference, current):
    dtype = current.dtype
    nunique = reference.nunique() or current.nunique()
    if pd.api.types.is_integer_dtype(dtype):
        return "categorical" if nunique <= 5 else "numerical"
    if pd.api.types.is_numeric_dtype(dtype):
        return "categorical" if dtype == bool else "numerical"
    return "categorical"


def default_method(reference, current, kind):
    n_values = pd.concat([reference, current]).nunique()
    if reference.shape[0] <= 1000:
        if kind == "numerical":
            if n_values <= 5:
                return "chisquare" if n_values > 2 else "z"
            return "ks"
        return "chisquare" if n_values > 2 else "z"
    if kind == "numerical":
        return "jensenshannon" if n_values <= 5 else "wasserstein"
    return "jensenshannon"


def unique_keys(reference, current):
    return list(set(reference.dropna().unique()) | set(current.dropna().unique()))


def binned(reference, current, kind, fill_zeroes=True):
    if kind == "numerical" and reference.nunique() > 20:
        combined = np.asarray(pd.concat([reference, current], axis=0).values)
        bins = np.histogram_bin_edges(combined, bins="sturges")
        reference_percents = np.histogram(reference, bins)[0] / len(reference)
        current_percents = np.histogram(current, bins)[0] / len(current)
    else:
        keys = unique_keys(reference, current)
        reference_counts = {**dict.fromkeys(keys, 0), **dict(reference.value_counts())}
        current_counts = {**dict.fromkeys(keys, 0), **dict(current.value_counts())}
        reference_percents = np.array([reference_counts[key] / len(reference) for key in keys])
        current_percents = np.array([current_counts[key] / len(current) for key in keys])
    if fill_zeroes:
        for percents in (reference_percents, current_percents):
            smallest = min(percents[percents != 0])
            np.place(percents, percents == 0, smallest / 10**6 if smallest <= 0.0001 else 0.0001)
    return reference_percents, current_percents


def psi(reference, current, kind):
    reference_percents, current_percents = binned(reference, current, kind)
    return np.sum((reference_percents - current_percents) * np.log(reference_percents / current_percents))


def jensenshannon(reference, current, kind):
    reference_percents, current_percents = binned(reference, current, kind, False)
    return distance.jensenshannon(reference_percents, current_percents)


def wasserstein(reference, current, kind):
    norm = max(float(np.std(reference)), 0.001)
    return stats.wasserstein_distance(reference, current) / norm


def ks(reference, current, kind):
    return stats.ks_2samp(reference, current)[1]


def chisquare(reference, current, kind):
    keys = unique_keys(reference, current)
    reference_counts = {**dict.fromkeys(keys, 0), **dict(reference.value_counts())}
    current_counts = {**dict.fromkeys(keys, 0), **dict(current.value_counts())}
    k_norm = current.shape[0] / reference.shape[0]
    f_exp = [reference_counts[key] * k_norm for key in keys]
    f_obs = [current_counts[key] for key in keys]
    return stats.chisquare(f_obs, f_exp)[1]


def z(reference, current, kind):
    if reference.nunique() == 1 and current.nunique() == 1 and reference.unique()[0] == current.unique()[0]:
        return 1
    first = sorted(unique_keys(reference, current))[0]
    ref = reference.apply(lambda value: 0 if value == first else 1)
    cur = current.apply(lambda value: 0 if value == first else 1)
    n1, n2 = len(ref), len(cur)
    p1 = float(sum(ref)) / n1
    p2 = float(sum(cur)) / n2
    pooled = float(p1 * n1 + p2 * n2) / (n1 + n2)
    statistic = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
    return 2 * (1 - stats.norm.cdf(np.abs(statistic)))


METHODS = {"psi": psi, "ks": ks, "jensenshannon": jensenshannon, "wasserstein": wasserstein,
           "chisquare": chisquare, "z": z}


def drifted(method, statistic):
    threshold = THRESHOLDS[method]
    if method == "ks":
        return statistic <= threshold
    if method in ("chisquare", "z"):
        return statistic < threshold
    return statistic >= threshold


def read(path):
    return pd.read_csv(path, float_precision="round_trip")


def main(path):
    with open(path, encoding="utf-8") as source:
        cases = json.load(source)
    frames = {}
    results = []
    for case in cases:
        for key in ("reference", "current"):
            if case[key] not in frames:
                frames[case[key]] = read(case[key])
        reference_frame, current_frame = frames[case["reference"]], frames[case["current"]]
        result = {}
        for column in case["columns"]:
            kind = column_type(reference_frame[column], current_frame[column])
            reference = reference_frame[column].replace([-np.inf, np.inf], np.nan).dropna()
            current = current_frame[column].replace([-np.inf, np.inf], np.nan).dropna()
            method = case["method"]
            if method == "auto":
                method = default_method(reference, current, kind)
            statistic = float(METHODS[method](reference, current, kind))
            result[column] = {"method": method, "type": kind, "statistic": statistic,
                              "drifted": bool(drifted(method, statistic))}
        results.append(result)
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
