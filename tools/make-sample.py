#!/usr/bin/env python3
"""Writes the demo's SAMPLE DATA (DỮ LIỆU MẪU) for kho into catalog/sample/.

The commune's archive at its real size: 75.6 m over four fonds, received as bundles and boxes,
15 m arranged (re-boxed into standard boxes, weeded) and 5 m digitized before kho as opening
balances, then about ten months of attributed work by two archivists and a scanning operator, with
day-to-day variation, holidays, other-duty days and one idle spell each (arrangement stopped for five
weeks, the scanner for three), continuing until last week. The work's dates are counted back from
TODAY (default: the real today), so the demo tells a current story on any day; everything else is the
same every run. Every name, title and quantity is made up.

Usage: tools/make-sample.py [OUT_DIR] [--dated-only DIR] [--today YYYY-MM-DD]
  --dated-only DIR  write only the dated work (history.txt, scans-since-kho.csv) into DIR
"""
import csv
import datetime as dt
import os
import random
import sys

args = sys.argv[1:]
def option(name):
    if name in args:
        i = args.index(name)
        value = args[i + 1]
        del args[i:i + 2]
        return value
    return None
TODAY = dt.date.fromisoformat(option("--today") or dt.date.today().isoformat())
DATED_ONLY = option("--dated-only")
OUT = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "catalog", "sample")
rng = random.Random(2026)

FONDS = [
    ("UBND-SK1", "UBND xã Sơn Kim 1 (trước sắp xếp)", "A", 30000),
    ("UBND-SK2", "UBND xã Sơn Kim 2 (trước sắp xếp)", "B", 25600),
    ("DU-XA", "Đảng ủy xã (trước sắp xếp)", "C", 12000),
    ("HDND-XA", "HĐND xã (trước sắp xếp)", "D", 8000),
]
ARCHIVISTS = ["Nguyễn Thị Thu", "Trần Văn Minh"]
OPERATOR = "Lê Thị Hoa"
CONTRACTOR = "Đơn vị số hóa (trước khi dùng kho)"
HAMLETS = ["thôn 1", "thôn 2", "thôn 3", "thôn Tân Hương", "thôn Trung Hà", "thôn Khe Mây"]
TITLES = [
    "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất {h}, năm {y}",
    "Sổ đăng ký khai sinh năm {y}",
    "Sổ đăng ký kết hôn năm {y}",
    "Tập quyết định của Chủ tịch UBND xã năm {y}",
    "Hồ sơ hội nghị tổng kết công tác năm {y}",
    "Báo cáo tình hình kinh tế – xã hội năm {y}",
    "Hồ sơ giải quyết đơn thư khiếu nại của công dân {h}",
    "Hồ sơ xây dựng nông thôn mới {h}, năm {y}",
    "Sổ theo dõi văn bản đi, đến năm {y}",
    "Hồ sơ dự toán, quyết toán ngân sách xã năm {y}",
    "Hồ sơ chi trả trợ cấp người có công năm {y}",
    "Hồ sơ phòng chống lụt bão, giảm nhẹ thiên tai năm {y}",
]
RETENTION = ["permanent"] * 6 + ["20", "10", "5"]
CONDITIONS = ["good"] * 9 + ["worn"] * 4 + ["mould", "water", "insects", "brittle"]

def units_for(prefix, total_mm, fixed):
    """Bundles as received: the fixed extents first (those arranged before kho), then random ones."""
    out, used = [], 0
    for mm in fixed:
        out.append(mm); used += mm
    while total_mm - used > 1000:
        mm = rng.choice([250, 375, 500, 625, 750, 1000])
        out.append(mm); used += mm
    out.append(total_mm - used)
    return [(f"{prefix}{i + 1:03d}", mm) for i, mm in enumerate(out)]

# 15 m arranged before kho: 12 × 0.5 + 6 × 0.75 in UBND-SK1, 9 × 0.5 in UBND-SK2.
# 5 m digitized before kho: the first ten 0.5 m bundles of UBND-SK1, every file.
fixed = {"UBND-SK1": [500] * 12 + [750] * 6, "UBND-SK2": [500] * 9}
boxes, files, opening_sort, opening_scans = [], [], [], []
child_no = 0
for code, name, prefix, total in FONDS:
    units = units_for(prefix, total, fixed.get(code, []))
    n_arranged = len(fixed.get(code, []))
    for i, (unit, mm) in enumerate(units):
        start = rng.randint(1976, 2018)
        end = min(2025, start + rng.randint(0, 6))
        arranged = i < n_arranged
        cond = rng.choice(CONDITIONS)
        loc = f"{prefix}-{1 + i // 12}-{1 + (i % 12) // 4}"
        boxes.append([unit, code, f"{mm / 1000:g}", loc, start, end, cond,
                      "bó tài liệu khi tiếp nhận" if not arranged else "", ""])
        if not arranged:
            continue
        n_children = max(1, int(mm * 0.85 // 125))
        opening_sort.append((unit, n_children * 125, "2025-06-30"))
        digitized = code == "UBND-SK1" and i < 10
        for _ in range(n_children):
            child_no += 1
            box = f"H{child_no:04d}"
            boxes.append([box, code, "0.125", f"K-{1 + (child_no - 1) // 20}-{1 + (child_no - 1) % 20 // 5}",
                          start, end, "good", "", unit])
            for f in range(rng.randint(6, 12)):
                y = rng.randint(start, end)
                title = rng.choice(TITLES).format(h=rng.choice(HAMLETS), y=y)
                sheets = rng.randint(15, 150)
                access = "secret" if (not digitized and rng.random() < 0.01) else ""
                if access:
                    title = "Hồ sơ công tác quốc phòng, an ninh năm " + str(y)
                files.append([box, f"{f + 1:02d}", title, y, y, rng.choice(RETENTION), sheets, "", access])
                if digitized:
                    pages = round(sheets * rng.uniform(1.2, 1.6))
                    opening_scans.append([box, f"{f + 1:02d}", pages, "2025-05-15", CONTRACTOR])

# About ten months of work back-filled from paper logs, counted back from TODAY: from the Monday 44 weeks
# before to last week's Friday, on working days only: weekends and public holidays off (the fixed-date
# ones of every year, and Tết 2026). Idle spells: nobody arranged for five weeks (a land inventory campaign,
# 26–21 weeks ago) and the scanner was out for repair for three (14–11 weeks ago).
def holidays(year):
    return {dt.date(year, 1, 1), dt.date(year, 4, 30), dt.date(year, 5, 1), dt.date(year, 9, 1), dt.date(year, 9, 2)}
HOLIDAYS = set().union(*(holidays(y) for y in range(TODAY.year - 2, TODAY.year + 1)))
HOLIDAYS |= {dt.date(2026, 2, 14) + dt.timedelta(days=d) for d in range(9)}  # Tết Bính Ngọ
this_monday = TODAY - dt.timedelta(days=TODAY.weekday())
day, last = this_monday - dt.timedelta(weeks=44), this_monday - dt.timedelta(days=3)
arrangement_idle = (this_monday - dt.timedelta(weeks=26), this_monday - dt.timedelta(weeks=21))
scanning_idle = (this_monday - dt.timedelta(weeks=14), this_monday - dt.timedelta(weeks=11))
workdays = []
while day <= last:
    if day.weekday() < 5 and day not in HOLIDAYS:
        workdays.append(day)
    day += dt.timedelta(days=1)

history = []
queue = [u for u in (b for b in boxes if b[8] == "" and b[0][0] in "AB") if u[0] not in {s[0] for s in opening_sort}]
queue = [(b[0], round(float(b[2]) * 1000)) for b in queue]
for person in ARCHIVISTS:
    current, progress = None, 0.0
    for d in workdays:
        if rng.random() > 0.45 or arrangement_idle[0] <= d < arrangement_idle[1]:
            continue  # other duties that day
        if current is None:
            if not queue:
                break
            current = queue.pop(0)
            progress = 0.0
            history.append(f"sort start {current[0]} --at {d}T08:00 --by \"{person}\"")
        progress += max(0.0, rng.gammavariate(2.8, 0.12 / 2.8))  # metres that day
        if progress * 1000 >= current[1]:
            kept = max(125, int(current[1] * rng.uniform(0.7, 0.9)) // 125 * 125)
            history.append(f"sort finish {current[0]} --kept {kept / 1000:g} --at {d}T16:30 --by \"{person}\"")
            current = None

scanned = {(s[0], s[1]) for s in opening_scans}
todo = [f for f in files if (f[0], f[1]) not in scanned and f[8] != "secret"]
scans_since_kho = []
for d in workdays:
    if rng.random() > 0.6 or scanning_idle[0] <= d < scanning_idle[1]:
        continue
    budget = rng.gammavariate(4.0, 420 / 4.0)
    while todo and budget > 0:
        f = todo.pop(0)
        pages = round(f[6] * rng.uniform(1.2, 1.6))
        budget -= pages
        scans_since_kho.append([f[0], f[1], pages, f"{d}T{rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}", OPERATOR])

if DATED_ONLY:
    OUT = DATED_ONLY
os.makedirs(OUT, exist_ok=True)
def write(name, header, rows):
    if DATED_ONLY and name != "scans-since-kho.csv":
        return
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

write("boxes.csv", ["box", "fonds", "extent_m", "location", "start_year", "end_year", "condition", "notes", "from"], boxes)
write("files.csv", ["box", "file", "title", "start_year", "end_year", "retention", "sheets", "notes", "access"], files)
write("scans-opening.csv", ["box", "file", "pages", "date", "by"], opening_scans)
write("scans-since-kho.csv", ["box", "file", "pages", "date", "by"], scans_since_kho)
if not DATED_ONLY:
    with open(os.path.join(OUT, "fonds.tsv"), "w", encoding="utf-8") as fh:
        for code, name, _, _ in FONDS:
            fh.write(f"{code}\t{name}\n")
    with open(os.path.join(OUT, "arranged-opening.tsv"), "w", encoding="utf-8") as fh:
        for unit, kept, date in opening_sort:
            fh.write(f"{unit}\t{kept / 1000:g}\t{date}\n")
with open(os.path.join(OUT, "history.txt"), "w", encoding="utf-8") as fh:
    fh.write("\n".join(history) + "\n")
print(f"{len(boxes)} boxes, {len(files)} files, {len(opening_scans)} opening scans, "
      f"{len(history)} arrangement events, {len(scans_since_kho)} scans since kho → {OUT}")
