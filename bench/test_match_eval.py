#!/usr/bin/env python3
"""Tests of match_eval.py: python3 bench/test_match_eval.py (or python3 -m pytest bench/test_match_eval.py).

The example, with every number derived by hand:

  record  entity  household  predicted cluster
  a       E1      H1         1
  b       E1      H1         1
  c       E1      H1         2
  d       E2      H1         2
  e       E2      H1         2
  f       E3      H2         3
  g       E4      H3         3
  h       E4      H3         3
  i       E5      H4         (absent: a singleton)

  true pairs: E1 {a,b,c} 3 + E2 {d,e} 1 + E4 {g,h} 1                 = 5
  predicted:  1 {a,b} 1 + 2 {c,d,e} 3 + 3 {f,g,h} 3 + {i} 0             = 7
  TP: a-b, d-e, g-h                                                      = 3
  FP = 7 - 3 = 4 (c-d, c-e, f-g, f-h); FN = 5 - 3 = 2 (a-c, b-c)
  precision 3/7, recall 3/5, F1 = 2*3 / (2*3 + 4 + 2) = 6/12 = 0.5
  clusters: {a,b} {c,d,e} {f,g,h} {i} = 4
  household look-alike pairs (same household, different person):
    H1 has C(5,2) = 10 pairs, 3 + 1 of them the same person -> 6; H3: 0   = 6
  household false merges (look-alikes in one cluster): c-d, c-e          = 2
  candidates (a,b) (b,a) (a,c) (c,d) (g,h) (a,a) (e,d): 6 rows that are not
    a self pair; true pairs among them a-b, a-c, g-h, d-e = 4 of 5 -> 0.8
"""
import csv
import io
import itertools
import json
import os
import random
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import match_eval  # noqa: E402

ENTITY = {"a": "E1", "b": "E1", "c": "E1", "d": "E2", "e": "E2", "f": "E3", "g": "E4", "h": "E4", "i": "E5"}
HOUSEHOLD = {"a": "H1", "b": "H1", "c": "H1", "d": "H1", "e": "H1", "f": "H2", "g": "H3", "h": "H3", "i": "H4"}
PRED = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "2", "f": "3", "g": "3", "h": "3"}
CANDIDATES = [("a", "b"), ("b", "a"), ("a", "c"), ("c", "d"), ("g", "h"), ("a", "a"), ("e", "d")]


def close(x, y):
    return abs(x - y) < 1e-12


def test_hand_computed_example():
    r = match_eval.evaluate(ENTITY, PRED, HOUSEHOLD)
    assert (r["true_pairs"], r["pred_pairs"], r["tp"], r["fp"], r["fn"]) == (5, 7, 3, 4, 2)
    assert close(r["precision"], 3 / 7)
    assert close(r["recall"], 3 / 5)
    assert close(r["f1"], 0.5)
    assert (r["records"], r["entities"], r["pred_clusters"]) == (9, 5, 4)
    assert r["household_lookalike_pairs"] == 6
    assert r["household_false_merge_pairs"] == 2


def test_blocking_recall():
    r = match_eval.blocking_recall(ENTITY, CANDIDATES)
    assert r == {"candidate_pairs": 6, "candidate_true_pairs": 4, "blocking_recall": 0.8}


def test_cluster_labels_are_only_labels():
    # Same partition with other labels (numbers vs text, one explicit singleton): same result.
    pred = {"a": "x", "b": "x", "c": "17", "d": "17", "e": "17", "f": "y", "g": "y", "h": "y", "i": "solo"}
    assert match_eval.evaluate(ENTITY, pred) == match_eval.evaluate(ENTITY, PRED)


def test_perfect_and_empty_predictions():
    perfect = match_eval.evaluate(ENTITY, dict(ENTITY))
    assert (perfect["tp"], perfect["fp"], perfect["fn"]) == (5, 0, 0)
    assert perfect["precision"] == perfect["recall"] == perfect["f1"] == 1.0
    # Nothing predicted: every record its own cluster; precision undefined.
    empty = match_eval.evaluate(ENTITY, {})
    assert (empty["pred_pairs"], empty["tp"], empty["fp"], empty["fn"]) == (0, 0, 0, 5)
    assert empty["precision"] is None and empty["recall"] == 0 and empty["f1"] == 0
    assert empty["pred_clusters"] == 9
    # One cluster for all: 36 predicted pairs, all 5 true pairs among them.
    one = match_eval.evaluate(ENTITY, {i: "all" for i in ENTITY})
    assert (one["pred_pairs"], one["tp"], one["fp"], one["fn"]) == (36, 5, 31, 0)


def test_matches_brute_force_on_random_data():
    rnd = random.Random(7)
    for _ in range(50):
        n = rnd.randint(1, 40)
        ids = [str(k) for k in range(n)]
        entity = {i: rnd.randint(0, n // 2) for i in ids}
        household = {i: entity[i] // 3 for i in ids}
        pred = {i: rnd.randint(0, n // 3) for i in ids if rnd.random() < 0.8}
        cl = {i: pred.get(i, ("single", i)) for i in ids}
        tp = fp = fn = hh_fm = hh_la = 0
        for x, y in itertools.combinations(ids, 2):
            same_e, same_c = entity[x] == entity[y], cl[x] == cl[y]
            tp += same_e and same_c
            fp += same_c and not same_e
            fn += same_e and not same_c
            if household[x] == household[y] and not same_e:
                hh_la += 1
                hh_fm += same_c
        r = match_eval.evaluate(entity, pred, household)
        assert (r["tp"], r["fp"], r["fn"]) == (tp, fp, fn)
        assert (r["household_lookalike_pairs"], r["household_false_merge_pairs"]) == (hh_la, hh_fm)


def test_bad_predictions_are_errors():
    try:
        match_eval.evaluate(ENTITY, {"zz": "1"})
    except match_eval.EvalError:
        pass
    else:
        raise AssertionError("unknown id accepted")
    with tempfile.TemporaryDirectory() as d:
        truth = _write(d, "truth.csv", ["id", "entity"], ENTITY.items())
        for rows, what in (([("a", "1"), ("a", "2")], "twice"), ([("q", "1")], "not in the truth"),
                           ([("a", "")], "empty cluster")):
            pred = _write(d, "pred.csv", ["row_id", "cluster_id"], rows)
            err = io.StringIO()
            with redirect_stderr(err):
                assert match_eval.main(["--truth", truth, "--pred", pred]) == 2
            assert what in err.getvalue(), err.getvalue()


def _write(d, name, header, rows):
    path = os.path.join(d, name)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_command_line():
    with tempfile.TemporaryDirectory() as d:
        truth = _write(d, "truth.csv", ["id", "entity", "household"],
                       [(i, ENTITY[i], HOUSEHOLD[i]) for i in ENTITY])
        pred = _write(d, "pred.csv", ["row_id", "cluster_id"], PRED.items())
        cand = _write(d, "cand.csv", ["id_l", "id_r"], CANDIDATES)
        out = io.StringIO()
        with redirect_stdout(out):
            rc = match_eval.main(["--truth", truth, "--pred", pred, "--candidates", cand,
                                  "--label", "dataset=toy", "--label", "rows=9"])
        assert rc == 0
        r = json.loads(out.getvalue())
        assert list(r)[:2] == ["dataset", "rows"] and r["dataset"] == "toy" and r["rows"] == 9
        assert (r["tp"], r["fp"], r["fn"], r["household_false_merge_pairs"]) == (3, 4, 2, 2)
        assert close(r["precision"], 3 / 7) and close(r["recall"], 0.6) and close(r["f1"], 0.5)
        assert r["blocking_recall"] == 0.8


if __name__ == "__main__":
    tests = [(k, v) for k, v in sorted(globals().items()) if k.startswith("test_") and callable(v)]
    failed = 0
    for name, fn in tests:
        try:
            fn()
            print(f"ok   {name}")
        except Exception as e:  # report every failure, then fail
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}")
    print(f"{len(tests) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
