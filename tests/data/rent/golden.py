#!/usr/bin/env python3
# golden.py
#
# Copyright 2026 The Plaza authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# An independent reference for the rent engine (DOMAIN.md "Rent rules"),
# written from the spec with Python's exact Fractions and datetime, used to
# produce the golden CSV files in this folder:
#
#   python3 golden.py TERMS.json [SALES.csv] > EXPECTED.csv
#
# It is not run by the tests; the C engine must agree with it byte for byte.

import calendar
import csv
import datetime
import json
import sys
from decimal import Decimal
from fractions import Fraction


def frac(text):
    return Fraction(Decimal(str(text)))


def half_up(x):
    # x in yuan → fen, half up (x >= 0)
    fen = x * 100
    return (fen.numerator * 2 + fen.denominator) // (2 * fen.denominator)


def date(text):
    return datetime.date.fromisoformat(text)


def add_months(d, months):
    index = d.year * 12 + d.month - 1 + months
    y, m = divmod(index, 12)
    m += 1
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def daily(rate, unit, area, d):
    dim = calendar.monthrange(d.year, d.month)[1]
    if unit == "m2_day":
        return rate * area
    if unit == "m2_month":
        return rate * area / dim
    return rate / dim


def main():
    terms = json.load(open(sys.argv[1], encoding="utf-8"))
    sales = {}
    if len(sys.argv) > 2:
        for row in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")):
            d = date(row["date"])
            sales[d] = sales.get(d, Fraction(0)) + frac(row["amount"])

    start, end = date(terms["start"]), date(terms["end"])
    area = frac(terms["area"])
    model = terms["model"]
    rent = terms.get("rent")
    free = [(date(r["from"]), date(r["to"])) for r in terms.get("free", [])]
    fees = terms.get("fees", [])

    # Escalation: a list of (first day, rate in yuan).
    steps = []
    if rent:
        rate = frac(rent["amount"])
        steps.append((start, rate))
        esc = terms.get("escalation")
        if esc:
            k = 1
            while True:
                d = add_months(start, k * int(esc["every_months"]))
                if d > end:
                    break
                rate = Fraction(half_up(rate * (1 + frac(esc["percent"]) / 100)), 100)
                steps.append((d, rate))
                k += 1

    def rate_on(d):
        r = None
        for first, rate in steps:
            if first <= d:
                r = rate
        return r

    def pct_rent(s):
        if s <= 0:
            return Fraction(0)
        if "percentage_tiers" in terms:
            tiers = [(frac(t["above"]), frac(t["percent"])) for t in terms["percentage_tiers"]]
            total = Fraction(0)
            for i, (above, p) in enumerate(tiers):
                upper = tiers[i + 1][0] if i + 1 < len(tiers) else None
                if s > above:
                    top = s if upper is None else min(s, upper)
                    total += (top - above) * p / 100
            return total
        if "percentage" in terms:
            return s * frac(terms["percentage"]) / 100
        return Fraction(0)

    def money(fen):
        return "%d.%02d" % (fen // 100, fen % 100)

    print("month,from,to,days,rent_days,base_rent,percentage_rent,rent,fees,total")
    cur = start
    while cur <= end:
        last = datetime.date(cur.year, cur.month, calendar.monthrange(cur.year, cur.month)[1])
        to = min(last, end)
        days = (to - cur).days + 1
        rent_days = 0
        base = Fraction(0)
        fee_sums = [Fraction(0)] * len(fees)
        s = Fraction(0)
        d = cur
        while d <= to:
            if not any(a <= d <= b for a, b in free):
                rent_days += 1
                if rent:
                    base += daily(rate_on(d), rent["unit"], area, d)
            for i, f in enumerate(fees):
                fee_sums[i] += daily(frac(f["amount"]), f["unit"], area, d)
            s += sales.get(d, 0)
            d += datetime.timedelta(days=1)
        base_fen = half_up(base)
        pct_fen = half_up(pct_rent(s))
        rent_fen = {"fixed": base_fen, "percentage": pct_fen, "higher_of": max(base_fen, pct_fen)}[model]
        fees_fen = sum(half_up(x) for x in fee_sums)
        print("%04d-%02d,%s,%s,%d,%d,%s,%s,%s,%s,%s" % (
            cur.year, cur.month, cur.isoformat(), to.isoformat(), days, rent_days,
            money(base_fen), money(pct_fen), money(rent_fen), money(fees_fen),
            money(rent_fen + fees_fen)))
        cur = to + datetime.timedelta(days=1)


if __name__ == "__main__":
    main()
