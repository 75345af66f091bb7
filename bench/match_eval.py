#!/usr/bin/env python3
"""Pairwise accuracy of a deduplication against ground truth (standard library only).

    python3 bench/match_eval.py --truth bench/out/match/febrl3.truth.csv \
        --pred clusters.csv [--candidates pairs.csv] [--label key=value ...]

--truth       CSV with header: id, entity[, household]. Rows with the same
              entity are the same person; household (optional) groups
              different people who live together (look-alikes).
--pred        CSV with header; first column a record id, second its cluster
              label (any text: customer_clean's row_id,cluster_id or Splink's
              unique_id,cluster_id). An id of the truth that is absent is a
              cluster of its own (singleton). An id that is not in the truth,
              an id listed twice or an empty cluster label is an error.
--candidates  optional CSV with header; first two columns the ids of a
              candidate pair (the pairs blocking produced, in any order,
              repeats allowed). Gives blocking recall: the share of true pairs
              that are among the candidates.

Pairs are unordered pairs of distinct records. With n_x the number of records
in group x:
  true pairs  T  = sum over entities  C(n_e, 2)
  pred pairs  P  = sum over clusters  C(n_c, 2)
  TP             = sum over (entity, cluster) cells of the cross-tab C(n_ec, 2)
  FP = P - TP, FN = T - TP
  precision = TP / P, recall = TP / T, F1 = 2 TP / (2 TP + FP + FN)
(null when the denominator is 0). Nothing enumerates pairs, so 1,000,000 rows
take a few seconds. With households:
  household_lookalike_pairs     pairs of different people of one household
  household_false_merge_pairs   those of them put in one cluster (each is also
                                counted in FP)

Prints one JSON object (with the --label key=value pairs first).
"""
import argparse
import csv
import json
import sys
from collections import Counter


class EvalError(Exception):
    pass


def c2(n):
    return n * (n - 1) // 2


def read_truth(path):
    """{id: entity}, {id: household} or None."""
    entity, household = {}, {}
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r, None)
        if not header or len(header) < 2:
            raise EvalError(f"{path}: want a header id,entity[,household]")
        has_household = len(header) >= 3
        for line, row in enumerate(r, start=2):
            if not row:
                continue
            i = row[0]
            if i in entity:
                raise EvalError(f"{path}:{line}: id {i!r} twice")
            entity[i] = row[1]
            if has_household:
                household[i] = row[2]
    return entity, (household if has_household else None)


def read_pred(path, truth_ids):
    """{id: cluster label} for the ids listed in the prediction."""
    pred = {}
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r, None)
        if not header or len(header) < 2:
            raise EvalError(f"{path}: want a header id,cluster_id")
        for line, row in enumerate(r, start=2):
            if not row:
                continue
            i, c = row[0], row[1]
            if i not in truth_ids:
                raise EvalError(f"{path}:{line}: id {i!r} is not in the truth file")
            if i in pred:
                raise EvalError(f"{path}:{line}: id {i!r} listed twice")
            if c == "":
                raise EvalError(f"{path}:{line}: id {i!r} has an empty cluster label")
            pred[i] = c
    return pred


def _ratio(num, den):
    return num / den if den else None


def evaluate(entity, pred, household=None):
    """Pair counts and scores. entity: {id: entity}; pred: {id: cluster} (a
    subset of the ids; absent ids are singletons); household: {id: household}
    or None."""
    unknown = [i for i in pred if i not in entity]
    if unknown:
        raise EvalError(f"{len(unknown)} predicted ids not in the truth, e.g. {unknown[0]!r}")
    # Absent ids get a label no listed id can have.
    cluster = {i: ("c", pred[i]) if i in pred else ("s", i) for i in entity}
    true_pairs = sum(c2(n) for n in Counter(entity.values()).values())
    pred_pairs = sum(c2(n) for n in Counter(cluster.values()).values())
    tp = sum(c2(n) for n in Counter((entity[i], cluster[i]) for i in entity).values())
    fp, fn = pred_pairs - tp, true_pairs - tp
    out = {
        "records": len(entity),
        "entities": len(set(entity.values())),
        "pred_clusters": len(set(cluster.values())),
        "true_pairs": true_pairs,
        "pred_pairs": pred_pairs,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": _ratio(tp, pred_pairs),
        "recall": _ratio(tp, true_pairs),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
    }
    if household is not None:
        hh_pairs = sum(c2(n) for n in Counter(household.values()).values())
        hh_same_person = sum(c2(n) for n in Counter((household[i], entity[i]) for i in entity).values())
        hh_merged = sum(c2(n) for n in Counter((household[i], cluster[i]) for i in entity).values())
        hh_merged_same_person = sum(
            c2(n) for n in Counter((household[i], entity[i], cluster[i]) for i in entity).values())
        out["household_lookalike_pairs"] = hh_pairs - hh_same_person
        out["household_false_merge_pairs"] = hh_merged - hh_merged_same_person
    return out


def blocking_recall(entity, candidate_pairs):
    """Share of true pairs among the candidate pairs (an iterable of (id, id))."""
    found = set()
    rows = 0
    for a, b in candidate_pairs:
        if a == b:
            continue
        rows += 1
        ea, eb = entity.get(a), entity.get(b)
        if ea is None or eb is None:
            raise EvalError(f"candidate pair ({a!r}, {b!r}): id not in the truth")
        if ea == eb:
            found.add((a, b) if a < b else (b, a))
    true_pairs = sum(c2(n) for n in Counter(entity.values()).values())
    return {
        "candidate_pairs": rows,
        "candidate_true_pairs": len(found),
        "blocking_recall": _ratio(len(found), true_pairs),
    }


def read_candidates(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r, None)
        if not header or len(header) < 2:
            raise EvalError(f"{path}: want a header id_l,id_r")
        for row in r:
            if row:
                yield row[0], row[1]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--candidates")
    ap.add_argument("--label", action="append", default=[], metavar="KEY=VALUE",
                    help="copied into the JSON output (numbers stay numbers)")
    args = ap.parse_args(argv)
    try:
        entity, household = read_truth(args.truth)
        pred = read_pred(args.pred, entity)
        result = {}
        for kv in args.label:
            k, _, v = kv.partition("=")
            try:
                result[k] = json.loads(v)
            except ValueError:
                result[k] = v
        result.update(evaluate(entity, pred, household))
        if args.candidates:
            result.update(blocking_recall(entity, read_candidates(args.candidates)))
    except EvalError as e:
        print(f"match_eval: {e}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
