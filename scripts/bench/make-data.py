#!/usr/bin/env python3
"""Writes the performance benchmark's binary data set and two row-aligned predictions files.

    .cache/venv/bin/python scripts/bench/make-data.py [FOLDER] [--rows 1000000] [--seed 7] [--force]

FOLDER (default .cache/bench/) receives:
  data.csv       x1, x2, amount, visits, segment (a-d), target y (0/1)
  champion.csv   prediction (0/1), probability (P(y=1), full float64 precision as pandas writes it)
  candidate.csv  the same columns, from a better model (accuracy at least 0.01 higher)
The same rows and seed give the same bytes. Existing files are kept when manifest.json records the same rows and
seed, unless --force is given.
"""
import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

FILES = ("data.csv", "champion.csv", "candidate.csv")
GENERATOR_VERSION = 1  # bump when generate() changes, so that old data is replaced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path,
                        default=Path(__file__).resolve().parents[2] / ".cache" / "bench")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true", help="regenerate even when the files are present")
    args = parser.parse_args()

    folder = args.folder
    manifest_path = folder / "manifest.json"
    wanted = {"generator": GENERATOR_VERSION, "rows": args.rows, "seed": args.seed, "files": list(FILES)}
    if not args.force and present(folder, manifest_path, wanted):
        print(f"{folder}: data present ({args.rows} rows, seed {args.seed}); --force regenerates it", file=sys.stderr)
        return
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path.unlink(missing_ok=True)
    started = time.monotonic()
    data, champion, candidate = generate(np.random.default_rng(args.seed), args.rows)
    write_csv(data, folder / "data.csv")
    write_csv(champion, folder / "champion.csv")
    write_csv(candidate, folder / "candidate.csv")
    y = data["y"].to_numpy()
    accuracy = {name: float(np.mean(frame["prediction"].to_numpy() == y))
                for name, frame in (("champion", champion), ("candidate", candidate))}
    assert accuracy["candidate"] - accuracy["champion"] >= 0.01, accuracy
    manifest_path.write_text(json.dumps({**wanted, "accuracy": accuracy}, indent=2) + "\n")
    sizes = ", ".join(f"{name} {(folder / name).stat().st_size / 2**20:.1f} MiB" for name in FILES)
    print(f"{folder}: {args.rows} rows in {time.monotonic() - started:.1f} s ({sizes}); accuracy champion "
          f"{accuracy['champion']:.4f}, candidate {accuracy['candidate']:.4f}", file=sys.stderr)


def present(folder: Path, manifest_path: Path, wanted: dict) -> bool:
    if not manifest_path.is_file() or not all((folder / name).is_file() for name in FILES):
        return False
    recorded = json.loads(manifest_path.read_text())
    return all(recorded.get(key) == value for key, value in wanted.items())


def generate(rng: np.random.Generator, n: int):
    x1 = rng.normal(0.0, 1.0, n)
    x2 = rng.random(n)
    amount = rng.lognormal(3.5, 0.9, n)
    visits = rng.poisson(3.0, n)
    segment = rng.choice(np.array(["a", "b", "c", "d"]), n, p=[0.4, 0.3, 0.2, 0.1])
    segment_effect = np.select([segment == "a", segment == "b", segment == "c"], [-0.4, 0.0, 0.5], 0.9)
    logit = (1.3 * x1 - 8.0 * (x2 - 0.5) ** 2 + 0.35 * np.log(amount) + 0.25 * np.minimum(visits, 6) - 1.8
             + segment_effect + 0.8 * x1 * (segment == "d"))
    y = (rng.random(n) < sigmoid(logit)).astype(np.int8)
    data = pd.DataFrame({"x1": fixed(x1, 4), "x2": fixed(x2, 4), "amount": fixed(amount, 2), "visits": visits,
                         "segment": segment, "y": y})
    champion = predictions(0.75 * logit + rng.normal(0.0, 1.1, n))
    candidate = predictions(0.9 * logit + rng.normal(0.0, 0.6, n))
    return data, champion, candidate


def fixed(values: np.ndarray, places: int) -> np.ndarray:
    """Feature values as text with a fixed number of decimals, as exported data usually looks."""
    return np.char.mod(f"%.{places}f", values)


def predictions(score: np.ndarray) -> pd.DataFrame:
    probability = sigmoid(score)
    return pd.DataFrame({"prediction": (probability >= 0.5).astype(np.int8), "probability": probability})


def sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-values))


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Writes next to the target and renames, so an interrupted run never leaves a file that looks complete."""
    partial = path.with_name(path.name + ".partial")
    frame.to_csv(partial, index=False, lineterminator="\n")
    os.replace(partial, path)


if __name__ == "__main__":
    main()
