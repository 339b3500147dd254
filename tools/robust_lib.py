"""Helpers shared by the robustness scripts: running kho, a catalogue for a TIFF corpus, catalogue state."""
import os, sqlite3, subprocess, sys

KHO = os.environ.get("KHO_BIN", "kho")
HERE = os.path.dirname(os.path.abspath(__file__))


def run(db, *args, check=True, timeout=None, lang="en"):
    env = dict(os.environ, KHO_DB=db, KHO_LANG=lang)
    env.pop("KHO_OPERATOR", None)
    r = subprocess.run([KHO, *args], env=env, capture_output=True, text=True, timeout=timeout)
    if check and r.returncode != 0:
        sys.exit(f"kho {' '.join(args)} failed ({r.returncode}): {r.stderr.strip()}")
    return r


def popen(db, *args):
    env = dict(os.environ, KHO_DB=db, KHO_LANG="en")
    return subprocess.Popen([KHO, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def corpus(out, count):
    """Writes `count` mixed TIFF masters under out/<box>/<file>/ with tools/tiff-corpus."""
    subprocess.run([os.path.join(HERE, "tiff-corpus"), out, "--count", str(count)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def catalogue_for(db, root, work, fonds="F"):
    """Registers every BOX/FILE folder under `root` in a new catalogue at `db`."""
    boxes, files = [], []
    for box in sorted(os.listdir(root)):
        if not os.path.isdir(os.path.join(root, box)):
            continue
        boxes.append(box)
        for f in sorted(os.listdir(os.path.join(root, box))):
            if os.path.isdir(os.path.join(root, box, f)):
                files.append((box, f))
    bpath, fpath = os.path.join(work, "boxes.csv"), os.path.join(work, "files.csv")
    with open(bpath, "w") as b:
        b.write("box,fonds\n" + "".join(f"{x},{fonds}\n" for x in boxes))
    with open(fpath, "w") as f:
        f.write("box,file,title\n" + "".join(f"{b},{x},Hồ sơ {b}/{x}\n" for b, x in files))
    run(db, "fonds", "add", fonds, "--name", "Phông thử", "--by", "Thu")
    run(db, "import", "boxes", bpath, "--by", "Thu")
    run(db, "import", "files", fpath, "--by", "Thu")
    return files


def state(db):
    """Each catalogue file's scan state, pages, masters and whether it has an ingest event."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("""
            SELECT b.code || '/' || f.code, f.scan_state, f.pages,
                   (SELECT COUNT(*) FROM master m WHERE m.file_id = f.id),
                   (SELECT COUNT(*) FROM event e WHERE e.file_id = f.id AND e.kind = 'scan.ingest')
            FROM file f JOIN box b ON b.id = f.box_id""").fetchall()
    finally:
        con.close()
    return {r[0]: (r[1], r[2], r[3], r[4] > 0) for r in rows}


def masters_on_disk(root, ref):
    d = os.path.join(root, ref)
    return len([n for n in os.listdir(d) if n.lower().endswith((".tif", ".tiff"))]) if os.path.isdir(d) else 0


def summary(name, checks, extra=""):
    for label, ok in checks:
        print(f"  {'ok  ' if ok else 'FAIL'} {label}")
    passed = sum(1 for _, ok in checks if ok)
    print(f"{name}: {extra}")
    print(f"{passed} passed, {len(checks) - passed} failed")
    return 0 if passed == len(checks) else 1
