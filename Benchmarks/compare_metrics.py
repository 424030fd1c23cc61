#!/usr/bin/env python3
"""Computes the same receivables metrics as `rapport bench metrics --export DIR` with pandas and with
DuckDB, times each (data already loaded in memory, as for Rapport), and checks that all three agree.

Usage: python3 Benchmarks/compare_metrics.py DIR      (needs: pip install pandas duckdb)
"""
import datetime
import json
import math
import os
import sys
import time

import duckdb
import pandas as pd

BUCKETS = ["current", "1-30", "31-60", "61-90", "91+"]


def bucket(days_past):
    if days_past <= 0:
        return "current"
    if days_past <= 30:
        return "1-30"
    if days_past <= 60:
        return "31-60"
    if days_past <= 90:
        return "61-90"
    return "91+"


def months_between(start, end):
    return (end.year - start.year) * 12 + end.month - start.month + 1


def countback(ending_ar, monthly_sales, end, first_month):
    """monthly_sales: {(year, month): cents}, the month of `end` counting sales up to `end` only;
    walks back from `end` (a date) to `first_month` (year, month)."""
    if ending_ar <= 0:
        return 0.0, False
    remaining, days = ending_ar, 0.0
    month_end = end
    while (month_end.year, month_end.month) >= first_month:
        month_start = month_end.replace(day=1)
        length = (month_end - month_start).days + 1
        sales = monthly_sales.get((month_end.year, month_end.month), 0)
        if sales > 0 and remaining <= sales:
            return days + remaining / sales * length, False
        if sales > 0:
            remaining -= sales
        days += length
        month_end = month_start - datetime.timedelta(days=1)
    return days, True


def finish(p, begin_ar, ending_ar, aging, sales, paid_days, paid_amounts, beyond, monthly_sales, first_month):
    days = (p["to"] - p["from"]).days + 1
    current = aging["current"]
    dso = ending_ar / sales * days if sales > 0 else None
    best = current / sales * days if sales > 0 else None
    months = months_between(p["from"], p["to"])
    available = begin_ar + sales / months
    cb, lower = countback(ending_ar, monthly_sales, p["to"], first_month)
    n = len(paid_days)
    total_paid = sum(paid_amounts)
    return {
        "creditSales": sales, "beginningAR": begin_ar, "endingAR": ending_ar, "endingCurrentAR": current,
        "aging": aging, "dso": dso, "bestPossibleDso": best,
        "averageDaysDelinquent": dso - best if dso is not None else None,
        "cei": (available - ending_ar) / (available - current) * 100 if available != current else None,
        "percentCurrent": current / ending_ar * 100 if ending_ar else None,
        "dsoCountback": cb, "dsoCountbackIsLowerBound": lower,
        "averageDaysToPay": sum(paid_days) / n if n else None,
        "weightedAverageDaysToPay": sum(d * a for d, a in zip(paid_days, paid_amounts)) / total_paid if total_paid else None,
        "averageDaysBeyondTerms": sum(beyond) / n if n else None,
    }


def with_pandas(inv, pay, p):
    start = time.perf_counter()
    frm, to = pd.Timestamp(p["from"]), pd.Timestamp(p["to"])
    before = frm - pd.Timedelta(days=1)
    sales = int(inv.loc[(inv.issue_date >= frm) & (inv.issue_date <= to), "amount_minor"].sum())
    begin_ar = int(inv.loc[inv.issue_date <= before, "amount_minor"].sum() - pay.loc[pay.received_on <= before, "amount_minor"].sum())
    paid_by_end = pay[pay.received_on <= to].groupby("invoice").amount_minor.sum()
    issued = inv[inv.issue_date <= to].copy()
    issued["open"] = issued.amount_minor - issued.invoice.map(paid_by_end).fillna(0).astype("int64")
    issued["past"] = (to - issued.due_date).dt.days
    labels = pd.cut(issued.past, [-10**9, 0, 30, 60, 90, 10**9], labels=BUCKETS)
    by_bucket = issued.groupby(labels, observed=False).open.sum()
    aging = {b: int(by_bucket.get(b, 0)) for b in BUCKETS}
    ending_ar = int(issued.open.sum())
    monthly = inv.groupby([inv.issue_date.dt.year, inv.issue_date.dt.month]).amount_minor.sum()
    monthly_sales = {(int(y), int(m)): int(v) for (y, m), v in monthly.items()}
    # countback's first month only counts sales up to `to`
    monthly_sales[(p["to"].year, p["to"].month)] = int(inv.loc[(inv.issue_date >= to.replace(day=1)) & (inv.issue_date <= to), "amount_minor"].sum())
    first = inv.issue_date.min()
    full = pay.merge(inv, on="invoice")
    full = full[(full.amount_minor_x == full.amount_minor_y) & (full.received_on >= frm) & (full.received_on <= to)]
    paid_days = ((full.received_on - full.issue_date).dt.days).tolist()
    beyond = ((full.received_on - full.due_date).dt.days.clip(lower=0)).tolist()
    result = finish(p, begin_ar, ending_ar, aging, sales, paid_days, full.amount_minor_y.tolist(), beyond,
                    monthly_sales, (first.year, first.month))
    return result, time.perf_counter() - start


def with_duckdb(con, p):
    start = time.perf_counter()
    def q(sql):
        params = {k: v for k, v in {"frm": p["from"], "to": p["to"]}.items() if "$" + k in sql}
        return con.execute(sql, params).fetchall()
    sales = q("SELECT COALESCE(SUM(amount_minor),0) FROM inv WHERE issue_date BETWEEN $frm AND $to")[0][0]
    begin_ar = q("""SELECT (SELECT COALESCE(SUM(amount_minor),0) FROM inv WHERE issue_date < $frm)
                         - (SELECT COALESCE(SUM(amount_minor),0) FROM pay WHERE received_on < $frm)""")[0][0]
    rows = q("""WITH paid AS (SELECT invoice, SUM(amount_minor) AS paid FROM pay WHERE received_on <= $to GROUP BY invoice),
                open AS (SELECT i.due_date, i.amount_minor - COALESCE(p.paid, 0) AS open FROM inv i LEFT JOIN paid p USING (invoice)
                         WHERE i.issue_date <= $to)
                SELECT CASE WHEN date_diff('day', due_date, $to) <= 0 THEN 'current'
                            WHEN date_diff('day', due_date, $to) <= 30 THEN '1-30'
                            WHEN date_diff('day', due_date, $to) <= 60 THEN '31-60'
                            WHEN date_diff('day', due_date, $to) <= 90 THEN '61-90' ELSE '91+' END AS b, SUM(open)
                FROM open GROUP BY b""")
    aging = {b: 0 for b in BUCKETS}
    for b, v in rows:
        aging[b] = int(v)
    ending_ar = sum(aging.values())
    monthly_sales = {(int(y), int(m)): int(v) for y, m, v in q(
        "SELECT year(issue_date), month(issue_date), SUM(amount_minor) FROM inv WHERE issue_date <= $to GROUP BY 1, 2")}
    first = q("SELECT min(issue_date) FROM inv")[0][0]
    paid = q("""SELECT date_diff('day', i.issue_date, p.received_on), i.amount_minor,
                       greatest(date_diff('day', i.due_date, p.received_on), 0)
                FROM pay p JOIN inv i USING (invoice)
                WHERE p.amount_minor = i.amount_minor AND p.received_on BETWEEN $frm AND $to""")
    result = finish(p, int(begin_ar), ending_ar, aging, int(sales), [r[0] for r in paid], [r[1] for r in paid],
                    [r[2] for r in paid], monthly_sales, (first.year, first.month))
    return result, time.perf_counter() - start


def rapport_values(report):
    money = lambda s: round(float(s) * 100)
    out = {k: report[k] for k in ["dso", "bestPossibleDso", "averageDaysDelinquent", "cei", "percentCurrent",
                                   "dsoCountback", "dsoCountbackIsLowerBound", "averageDaysToPay",
                                   "weightedAverageDaysToPay", "averageDaysBeyondTerms"]}
    for k in ["creditSales", "beginningAR", "endingAR", "endingCurrentAR"]:
        out[k] = money(report[k])
    out["aging"] = {b: money(v) for b, v in report["aging"].items()}
    return out


def agree(a, b):
    if isinstance(a, dict):
        return all(agree(a[k], b[k]) for k in a)
    if a is None or b is None or isinstance(a, bool):
        return a == b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def main():
    folder = sys.argv[1]
    report = json.load(open(os.path.join(folder, "rapport.json")))
    rapport_seconds = json.load(open(os.path.join(folder, "rapport-time.json")))["rapportSeconds"]
    p = {"from": datetime.date.fromisoformat(report["from"]), "to": datetime.date.fromisoformat(report["to"])}
    load = time.perf_counter()
    inv = pd.read_csv(os.path.join(folder, "invoices.csv"), parse_dates=["issue_date", "due_date"])
    pay = pd.read_csv(os.path.join(folder, "payments.csv"), parse_dates=["received_on"])
    print(f"pandas load: {time.perf_counter() - load:.2f} s")
    pandas_result, pandas_seconds = min((with_pandas(inv, pay, p) for _ in range(3)), key=lambda r: r[1])
    con = duckdb.connect()
    con.register("inv_df", inv)
    con.register("pay_df", pay)
    con.execute("CREATE TABLE inv AS SELECT invoice, CAST(issue_date AS DATE) issue_date, CAST(due_date AS DATE) due_date, amount_minor FROM inv_df")
    con.execute("CREATE TABLE pay AS SELECT payment, invoice, CAST(received_on AS DATE) received_on, amount_minor FROM pay_df")
    duck_result, duck_seconds = min((with_duckdb(con, p) for _ in range(3)), key=lambda r: r[1])
    ours = rapport_values(report)
    print(f"{'engine':<10}{'seconds':>10}  agrees with Rapport")
    print(f"{'rapport':<10}{rapport_seconds:>10.4f}  -")
    print(f"{'pandas':<10}{pandas_seconds:>10.4f}  {agree(ours, pandas_result)}")
    print(f"{'duckdb':<10}{duck_seconds:>10.4f}  {agree(ours, duck_result)}")
    if not (agree(ours, pandas_result) and agree(ours, duck_result)):
        for key in ours:
            if not agree(ours[key], pandas_result[key]) or not agree(ours[key], duck_result[key]):
                print(f"  {key}: rapport {ours[key]}  pandas {pandas_result[key]}  duckdb {duck_result[key]}")
        sys.exit(1)


if __name__ == "__main__":
    main()
