#!/usr/bin/env python3
"""Writes a synthetic ledger in Rapport's import format, deterministically from --seed.

accounts.csv (one account per 25 invoice lines, at least 10), invoices.csv (--lines rows; most
invoices have one line, one in four has two to four), and payments.csv (--payments rows, each
paying an earlier invoice of its account, some with invoice_id, some without).
"""
import argparse
import datetime
import os
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True, help="folder to write the CSV files into")
    parser.add_argument("--lines", type=int, default=1_000_000, help="invoice lines")
    parser.add_argument("--payments", type=int, default=0, help="payment rows")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    accounts = max(10, args.lines // 25)
    segments = ["residential"] * 6 + ["commercial"] * 2 + ["government", "contractor"]
    with open(os.path.join(args.out, "accounts.csv"), "w") as f:
        f.write("account_id,name,segment,billing_frequency,specialist\n")
        for a in range(accounts):
            f.write(f"A{a:07d},Customer {a},{rng.choice(segments)},monthly,specialist{a % 4 + 1}\n")
    start = datetime.date(2022, 1, 1)
    invoices = []  # (id, account, issue day, total cents)
    written = 0
    with open(os.path.join(args.out, "invoices.csv"), "w") as f:
        f.write("invoice_id,account_id,issue_date,amount,currency,description\n")
        n = 0
        while written < args.lines:
            account = f"A{rng.randrange(accounts):07d}"
            issue = (start + datetime.timedelta(days=rng.randrange(1095))).isoformat()
            count = 1 if rng.random() < 0.75 else rng.randint(2, 4)
            count = min(count, args.lines - written)
            total = 0
            for line in range(count):
                cents = rng.randint(1_000, 250_000)
                total += cents
                f.write(f"I{n:08d},{account},{issue},{cents // 100}.{cents % 100:02d},USD,Service line {line + 1}\n")
            invoices.append((f"I{n:08d}", account, issue, total))
            written += count
            n += 1
    with open(os.path.join(args.out, "payments.csv"), "w") as f:
        f.write("payment_id,account_id,received_on,amount,currency,invoice_id,method\n")
        for p in range(args.payments):
            invoice, account, issue, total = invoices[rng.randrange(len(invoices))]
            received = datetime.date.fromisoformat(issue) + datetime.timedelta(days=rng.randint(0, 90))
            cents = total if rng.random() < 0.8 else rng.randint(100, total)
            target = invoice if rng.random() < 0.5 else ""
            f.write(f"P{p:08d},{account},{received.isoformat()},{cents // 100}.{cents % 100:02d},USD,{target},ach\n")
    print(f"{args.out}: {accounts} accounts, {n} invoices in {written} lines, {args.payments} payments")


if __name__ == "__main__":
    main()
