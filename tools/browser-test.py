#!/usr/bin/python3
"""Real-browser test of `kho serve` (issue 24): Debian's chromium driven by selenium (chromium-driver, python3-selenium).

Starts `kho serve` on a free loopback port with a temporary catalogue, logs in as an archivist, registers a box and
imports a small CSV by upload (dry run first), logs in as a viewer and finds the file by a query without diacritics,
logs in as the leader and checks that the dashboard's metres equal `kho status --json` and its summary is the first
paragraph of `kho report`. Always stops the server it started. Usage: tools/browser-test.py [--kho PATH] [--shots DIR] (screenshots of each page, to look at).
"""
import json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
kho = os.path.join(root, ".build/debug/kho")
shots = None
args = sys.argv[1:]
if "--kho" in args: kho = os.path.abspath(args[args.index("--kho") + 1])
if "--shots" in args:
    shots = os.path.abspath(args[args.index("--shots") + 1])
    os.makedirs(shots, exist_ok=True)

work = tempfile.mkdtemp(prefix="kho-browser-")
db = os.path.join(work, "kho.sqlite")
env = dict(os.environ, KHO_DB=db, KHO_OPERATOR="Quản trị", KHO_LANG="vi")
password = "mat-khau-thu-nghiem"


def kho_run(*cmd, stdin=None):
    r = subprocess.run([kho, *cmd], env=env, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"browser-test: kho {' '.join(cmd)} failed: {r.stderr}")
    return r.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"  ok: {message}")


kho_run("fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1")
for login, full, role in [("thu", "Nguyễn Thị Thu", "archivist"), ("xem", "Trần Văn Xem", "viewer"),
                          ("chutich", "Phạm Văn Chủ", "leader")]:
    kho_run("user", "add", login, "--full-name", full, "--role", role, "--password-stdin", stdin=password + "\n")

port = free_port()
base = f"http://127.0.0.1:{port}"
server = subprocess.Popen([kho, "serve", "--listen", f"127.0.0.1:{port}", "--scans", os.path.join(work, "scans")],
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
driver = None
try:
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/login", timeout=1)
            break
        except OSError:
            if server.poll() is not None:
                sys.exit(f"browser-test: kho serve stopped: {server.stderr.read()}")
            time.sleep(0.1)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--lang=vi"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)

    def shot(name):
        if shots: driver.save_screenshot(os.path.join(shots, f"{name}.png"))

    def log_in(login):
        driver.delete_all_cookies()
        driver.get(base + "/login")
        driver.find_element(By.NAME, "user").send_keys(login)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        try:
            WebDriverWait(driver, 15).until(lambda d: d.current_url == base + "/")
        except Exception:
            pass
        check(driver.current_url == base + "/", f"{login} is logged in and sees the dashboard")

    print("browser-test: archivist registers a box and imports a CSV")
    driver.get(base + "/login")
    shot("01-login")
    log_in("thu")
    driver.get(base + "/work")
    shot("02-work")
    form = driver.find_element(By.CSS_SELECTOR, "form[action='/boxes']")
    for name, value in [("box", "H0120"), ("fonds", "UBND-SK1"), ("extent_m", "0,6"), ("location", "Kho tạm")]:
        form.find_element(By.NAME, name).send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: d.current_url.endswith("/boxes/H0120"))
    check(driver.current_url.endswith("/boxes/H0120"), "the new box's page opens")
    check("Kho tạm" in driver.page_source, "the box page shows its location with diacritics")
    shot("03-box")
    csv_path = os.path.join(work, "ho-so.csv")
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write("box,file,title,start_year,end_year,retention,sheets\n")
        f.write("H0120,01,Hồ sơ giao đất ở thôn Tân Hương,1995,1996,Vĩnh viễn,42\n")
        f.write("H0120,02,Sổ đăng ký khai sinh,1990,1990,Vĩnh viễn,120\n")
    for dry in (True, False):
        driver.get(base + "/work")
        form = driver.find_element(By.CSS_SELECTOR, "form[action='/import']")
        form.find_element(By.CSS_SELECTOR, "select[name=kind] option[value=files]").click()
        form.find_element(By.NAME, "file").send_keys(csv_path)
        box = form.find_element(By.NAME, "dry_run")
        if box.is_selected() != dry: box.click()
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: d.current_url.endswith("/import"))
        shot("04-dry-run" if dry else "05-imported")
        check(("Chưa nhập gì" in driver.page_source) if dry else ("Đã nhập 2 / 2" in driver.page_source),
              "the dry run imports nothing" if dry else "the import writes both rows")
    out = json.loads(kho_run("log", "--json"))
    actors = {e["kind"]: e["actor"] for e in out}
    check(actors.get("box.add") == "Nguyễn Thị Thu" and actors.get("import.files") == "Nguyễn Thị Thu",
          "the web writes are attributed to the archivist's full name")
    driver.get(base + "/")
    driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    WebDriverWait(driver, 15).until(lambda d: d.current_url.startswith(base + "/login"))

    print("browser-test: viewer searches without diacritics")
    log_in("xem")
    driver.get(base + "/search")
    field = driver.find_element(By.NAME, "q")
    field.send_keys("giao dat tan huong")
    field.submit()
    WebDriverWait(driver, 15).until(lambda d: "q=" in d.current_url)
    shot("06-search")
    check("H0120/01" in driver.page_source and "Tân Hương" in driver.page_source,
          "“giao dat tan huong” finds H0120/01 “… Tân Hương”")
    check(driver.find_elements(By.CSS_SELECTOR, "form[action='/boxes']") == [], "the viewer gets no write form")

    print("browser-test: the leader's dashboard shows the figures of kho status --json")
    log_in("chutich")
    shot("07-dashboard")
    status = json.loads(kho_run("status", "--json"))
    for key in ["total_m", "arranged_m", "kept_m", "digitized_m"]:
        shown = float(driver.find_element(By.CSS_SELECTOR, f"[data-key={key}]").get_attribute("data-value"))
        check(abs(shown - status[key]) < 1e-9, f"dashboard {key} = {shown} = kho status --json {status[key]}")
    summary = driver.find_element(By.CSS_SELECTOR, "[data-key=chairman-summary]").text
    report_path = os.path.join(work, "bao-cao.html")
    kho_run("report", "--html", report_path)
    driver.get("file://" + report_path)
    in_report = driver.find_element(By.CSS_SELECTOR, "[data-key=chairman-summary]").text
    check(summary != "" and summary == in_report,
          f"the leader's dashboard summary is kho report's first paragraph: “{summary[:70]}…”")
    driver.get(base + "/report")
    WebDriverWait(driver, 30).until(lambda d: "money-contractor-total" in d.page_source)
    shot("08-report")
    check("data-key=\"money-contractor-total\"" in driver.page_source, "the leader opens the report")
    print("browser-test: passed")
finally:
    if driver: driver.quit()
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    shutil.rmtree(work, ignore_errors=True)
