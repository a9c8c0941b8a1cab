"""Great Expectations 1.2's pandas semantics, written out from its source (GE itself is not installed), for
ExpectationPandasIT.

Follows great-expectations/great_expectations@ce78204d: expectations/expectation.py (ColumnMapExpectation._validate,
_mostly_success, _validate_metric_value_between, MulticolumnMapExpectation._validate), the core expectations'
_validate methods and the pandas metric providers under expectations/metrics (column_values_between,
column_values_in_set, column_values_unique, column_values_match_regex, column_value_lengths, column_mean, ...).

Usage: python ge_pandas_reference.py CASES.json
CASES.json: {"csv": PATH, "cases": [{"expectation": NAME, camelCase arguments...}, ...]}
Prints {"results": [{"success", "elementCount", "missingCount", "unexpectedCount", "observedValue"}, ...]} (keys as
the expectation reports them).
"""
import json
import sys

import numpy as np
import pandas as pd


def mostly_success(considered, unexpected, mostly):
    return (float(considered) - float(unexpected)) / float(considered) >= mostly


def column_map(frame, case, condition, nulls_considered=False):
    series = frame[case["column"]]
    mostly = case.get("mostly", 1.0)
    total = len(series)
    if nulls_considered:
        unexpected = int((~condition(series)).sum())
        success = True if total == 0 else (total - unexpected) / total >= mostly
        return {"success": bool(success), "elementCount": total, "unexpectedCount": unexpected}
    nonnull = series[series.notnull()]
    unexpected = int((~condition(nonnull)).sum())
    considered = len(nonnull)
    success = True if total == 0 or considered == 0 else mostly_success(considered, unexpected, mostly)
    return {"success": bool(success), "elementCount": total, "missingCount": total - considered,
            "unexpectedCount": unexpected}


def between_condition(case):
    low, high = case.get("minValue"), case.get("maxValue")
    strict_min, strict_max = case.get("strictMin", False), case.get("strictMax", False)

    def condition(values):
        if low is None:
            return values < high if strict_max else values <= high
        if high is None:
            return low < values if strict_min else low <= values
        above = low < values if strict_min else low <= values
        below = values < high if strict_max else values <= high
        return above & below
    return condition


def value_between(metric_value, case):
    if metric_value is None or pd.isnull(metric_value):
        return False
    low, high = case.get("minValue"), case.get("maxValue")
    above = True if low is None else (metric_value > low if case.get("strictMin") else metric_value >= low)
    below = True if high is None else (metric_value < high if case.get("strictMax") else metric_value <= high)
    return bool(above and below)


def aggregate(frame, case, statistic):
    series = frame[case["column"]]
    value = statistic(series)
    result = {"success": value_between(value, case), "elementCount": len(series),
              "missingCount": int(series.isnull().sum())}
    if not pd.isnull(value):
        result["observedValue"] = float(value)
    return result


def unique_proportion(series):
    total, nulls = len(series), int(series.isnull().sum())
    return series.nunique() / (total - nulls) if total > 0 and total != nulls else 0


def quantiles(frame, case):
    series = frame[case["column"]]
    values = series.quantile(case["quantiles"], interpolation="nearest").tolist()
    ranges = [[-np.inf if low is None else low, np.inf if high is None else high]
              for low, high in case["valueRanges"]]
    details = [bool(np.isclose(values[i], low, rtol=1e-4, atol=1e-8) or np.isclose(values[i], high, rtol=1e-4,
                                                                                      atol=1e-8)
                    or low <= values[i] <= high) for i, (low, high) in enumerate(ranges)]
    result = {"success": bool(np.all(details)), "successDetails": details}
    if series.notnull().any():
        result["observedValue"] = {"quantiles": case["quantiles"], "values": [float(value) for value in values]}
    return result


def distinct_in_set(frame, case):
    observed = set(frame[case["column"]].dropna().unique())
    return {"success": observed.issubset(set(case["valueSet"])), "distinctCount": len(observed)}


def compound_unique(frame, case):
    columns = case["columnList"]
    ignore = case.get("ignoreRowIf", "all_values_are_missing")
    data = frame
    if ignore != "never":
        data = frame.dropna(axis=0, how="all" if ignore == "all_values_are_missing" else "any", subset=columns)
    unexpected = int(data[columns].duplicated(keep=False).sum())
    considered = len(data)
    success = True if len(frame) == 0 or considered == 0 else mostly_success(considered, unexpected,
                                                                              case.get("mostly", 1.0))
    return {"success": bool(success), "elementCount": len(frame), "missingCount": len(frame) - considered,
            "unexpectedCount": unexpected}


def lengths(case):
    return lambda values: between_condition(case)(values.astype(str).str.len())


def evaluate(frame, case):
    name = case["expectation"]
    table = {
        "expect_column_values_to_not_be_null": lambda: column_map(frame, case, lambda s: s.notnull(), True),
        "expect_column_values_to_be_null": lambda: column_map(frame, case, lambda s: s.isnull(), True),
        "expect_column_values_to_be_between": lambda: column_map(frame, case, between_condition(case)),
        "expect_column_values_to_be_in_set": lambda: column_map(frame, case, lambda s: s.isin(case["valueSet"])),
        "expect_column_values_to_not_be_in_set":
            lambda: column_map(frame, case, lambda s: ~s.isin(case["valueSet"])),
        "expect_column_values_to_be_unique": lambda: column_map(frame, case, lambda s: ~s.duplicated(keep=False)),
        "expect_column_values_to_match_regex":
            lambda: column_map(frame, case, lambda s: s.astype(str).str.contains(case["regex"])),
        "expect_column_values_to_not_match_regex":
            lambda: column_map(frame, case, lambda s: ~s.astype(str).str.contains(case["regex"])),
        "expect_column_value_lengths_to_be_between": lambda: column_map(frame, case, lengths(case)),
        "expect_column_mean_to_be_between": lambda: aggregate(frame, case, lambda s: s.mean()),
        "expect_column_median_to_be_between": lambda: aggregate(frame, case, lambda s: s.dropna().median()),
        "expect_column_min_to_be_between": lambda: aggregate(frame, case, lambda s: s.min()),
        "expect_column_max_to_be_between": lambda: aggregate(frame, case, lambda s: s.max()),
        "expect_column_stdev_to_be_between": lambda: aggregate(frame, case, lambda s: s.std()),
        "expect_column_sum_to_be_between": lambda: aggregate(frame, case, lambda s: s.sum()),
        "expect_column_proportion_of_unique_values_to_be_between":
            lambda: aggregate(frame, case, unique_proportion),
        "expect_column_unique_value_count_to_be_between": lambda: aggregate(frame, case, lambda s: s.nunique()),
        "expect_column_quantile_values_to_be_between": lambda: quantiles(frame, case),
        "expect_column_distinct_values_to_be_in_set": lambda: distinct_in_set(frame, case),
        "expect_compound_columns_to_be_unique": lambda: compound_unique(frame, case),
        "expect_table_row_count_to_be_between":
            lambda: {"success": value_between(len(frame), case), "observedValue": len(frame)},
        "expect_table_column_count_to_equal":
            lambda: {"success": len(frame.columns) == case["value"], "observedValue": len(frame.columns)},
    }
    return table[name]()


def main(path):
    with open(path, encoding="utf-8") as source:
        config = json.load(source)
    frame = pd.read_csv(config["csv"], float_precision="round_trip")
    json.dump({"results": [evaluate(frame, case) for case in config["cases"]]}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
