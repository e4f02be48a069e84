#!/usr/bin/python3
"""faultline serve in a real browser: Debian's headless chromium driven by Debian's
python3-selenium and chromium-driver (nothing is downloaded).

usage: serve_browser_test.py FAULTLINE SOURCE_DIR

Ingests the demo corpus and an article carrying <script>, <img onerror> and markup in its
title and outlet into a fresh database, starts `faultline serve` on a free port, and then,
as an analyst would: opens the map, clicks a cell, sees its evidence, rejects a statement,
sees the cell change, reloads and sees the correction kept, adds a statement from a selected
sentence, and checks that nothing from the article ever ran. Exit 77 (skipped) when
selenium, chromium or chromedriver is missing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIP = 77

# Written for this test: a short report with hostile markup in every field the page shows.
HOSTILE = """title: Ministers <b id="injected" onmouseover="window.pwned=1">argue</b> over talks
date: 2022-05-04
outlet: Test <i>Wire</i>

Germany favours talks with Russia <script>window.pwned=1;document.title='owned'</script> to end the war, the chancellor said on Wednesday.

Poland rejected any talks with Moscow <img src=x onerror="window.pwned=1"> while Russian troops remain in Ukraine.
"""

TOKEN = "browsertest0123456789abcdef0123"


def fail(message):
    print("FAIL:", message)
    print("0 passed, 1 failed")
    sys.exit(1)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    faultline, source = argv[1], argv[2]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.common.exceptions import StaleElementReferenceException
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        print("SKIP: python3-selenium is not installed")
        return SKIP
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (os.path.exists(chromium) and os.path.exists(driver_path)):
        print("SKIP: chromium or chromium-driver is not installed")
        return SKIP

    work = tempfile.mkdtemp(prefix="faultline-browser-")
    server = None
    browser = None
    try:
        os.makedirs(os.path.join(work, "hostile"))
        with open(os.path.join(work, "hostile", "hostile.txt"), "w", encoding="utf-8") as f:
            f.write(HOSTILE)
        db = os.path.join(work, "news.db")
        subprocess.run([faultline, "ingest", os.path.join(source, "examples"), os.path.join(work, "hostile"),
                        "--db", db], check=True, capture_output=True)
        env = dict(os.environ, FAULTLINE_TOKEN=TOKEN)
        server = subprocess.Popen([faultline, "serve", "--db", db, "--port", "0", "--user", "tester"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        first = server.stdout.readline()  # "faultline serve: http://127.0.0.1:PORT/ (...)"
        if "http://" not in first:
            fail("serve did not start: " + first + server.stderr.read())
        base = first.split("http://")[1].split("/")[0]
        base = "http://" + base
        deadline = time.time() + 240
        while True:
            with urllib.request.urlopen(base + "/api/v1/status") as r:
                status = json.load(r)
            if status["state"] == "ready":
                break
            if status["state"] == "failed" or time.time() > deadline:
                fail("the server did not load: " + json.dumps(status))
            time.sleep(0.5)

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        profile = os.path.join(work, "profile")
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + profile, "--window-size=1400,1000"]:
            options.add_argument(flag)
        browser = webdriver.Chrome(service=Service(driver_path), options=options)
        # The page re-renders after each correction: elements found a moment ago may be gone.
        wait = WebDriverWait(browser, 60, ignored_exceptions=[StaleElementReferenceException])

        def rendered(view):
            wait.until(lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-rendered") == view)

        def cell_count(actor, issue):
            cells = browser.find_elements(By.CSS_SELECTOR, f'td.cell[data-actor="{actor}"][data-issue="{issue}"]')
            return int(cells[0].get_attribute("data-count")) if cells else 0

        # 1. The map, opened with the token the server printed.
        browser.get(base + "/#token=" + TOKEN)
        rendered("map")
        if "#token" in browser.current_url:
            fail("the token stays in the address bar")
        before = cell_count("DEU", "talks")
        if before < 1:
            fail("no DEU/talks cell on the map")

        # 2. Click the cell: its evidence, with the article's markup shown as text.
        browser.find_element(By.CSS_SELECTOR, 'td.cell[data-actor="DEU"][data-issue="talks"]').click()
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#evidence li.statement"))
        hostile = [li for li in browser.find_elements(By.CSS_SELECTOR, "#evidence li.statement")
                   if "<script>window.pwned=1" in li.find_element(By.CLASS_NAME, "evidence").text]
        if not hostile:
            fail("the statement carrying <script> is not shown as text in the evidence")

        # 2b. The same evidence grouped by origin, in the URL; every statement still there.
        by_outlet = len(browser.find_elements(By.CSS_SELECTOR, "#evidence li.statement"))
        browser.find_element(By.ID, "by-origin").click()
        wait.until(lambda b: b.find_elements(By.ID, "by-outlet"))
        if "group=origin" not in browser.current_url:
            fail("the grouping by origin is not in the URL")
        if len(browser.find_elements(By.CSS_SELECTOR, "#evidence li.statement")) != by_outlet:
            fail("grouped by origin, the evidence shows other statements than by outlet")
        if not browser.find_elements(By.CSS_SELECTOR, "#evidence h3.group"):
            fail("no origin group heading in the evidence")
        browser.find_element(By.ID, "by-outlet").click()
        wait.until(lambda b: b.find_elements(By.ID, "by-origin"))
        hostile = [li for li in browser.find_elements(By.CSS_SELECTOR, "#evidence li.statement")
                   if "<script>window.pwned=1" in li.find_element(By.CLASS_NAME, "evidence").text]

        # 3. Reject it: the cell changes.
        hostile[0].find_element(By.CSS_SELECTOR, "button.reject").click()
        wait.until(lambda b: b.find_element(By.ID, "status").text == "Saved.")
        wait.until(lambda b: cell_count("DEU", "talks") == before - 1)

        # 4. Reload: the correction is kept, and the rejected statement is listed as such.
        browser.refresh()
        rendered("map")
        if cell_count("DEU", "talks") != before - 1:
            fail(f"after reload DEU/talks has {cell_count('DEU', 'talks')} statements, expected {before - 1}")
        if before > 1:
            wait.until(lambda b: "rejected by tester" in b.find_element(By.ID, "evidence").text)
            # Put it back, and take it out again: the cell follows.
            browser.find_element(By.CSS_SELECTOR, "#evidence li.struck button.confirm").click()
            wait.until(lambda b: cell_count("DEU", "talks") == before)
            browser.find_element(By.CSS_SELECTOR, 'td.cell[data-actor="DEU"][data-issue="talks"]').click()
            wait.until(lambda b: b.execute_script(
                "return [...document.querySelectorAll('#evidence li.statement:not(.struck)')].some("
                "li => li.textContent.includes('<script>window.pwned=1'))"))
            browser.execute_script(
                "[...document.querySelectorAll('#evidence li.statement:not(.struck)')].find("
                "li => li.textContent.includes('<script>window.pwned=1')).querySelector('button.reject').click()")
            wait.until(lambda b: cell_count("DEU", "talks") == before - 1)

        # 5. The article itself: title, outlet and text as text; add a statement from a sentence.
        browser.get(base + "/#/document/hostile")
        rendered("document")
        page = browser.find_element(By.ID, "view").text
        for literal in ['<b id="injected"', "Test <i>Wire</i>", "<script>window.pwned=1", '<img src=x onerror=']:
            if literal not in page:
                fail("not shown as text: " + literal)
        if browser.find_elements(By.ID, "injected") or browser.find_elements(By.CSS_SELECTOR, ".article img, .article script"):
            fail("article markup became elements")
        sentence = [s for s in browser.find_elements(By.CSS_SELECTOR, ".article .sentence") if s.text.startswith("Poland rejected")]
        if not sentence:
            fail("the sentences of the article are not selectable")
        sentence[0].click()
        form = wait.until(lambda b: b.find_element(By.CSS_SELECTOR, "#add form.change"))
        actor = form.find_element(By.NAME, "actor")
        actor.clear()
        actor.send_keys("HUN")
        form.find_element(By.CSS_SELECTOR, 'select[name="issue"] option[value="talks"]').click()
        form.find_element(By.CSS_SELECTOR, 'select[name="stance"] option[value="-1"]').click()
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(lambda b: b.execute_script(
            "return [...document.querySelectorAll('#view li.statement')].some("
            "li => li.textContent.includes('HUN') && li.textContent.includes('added by tester'))"))

        # 6. Every other view renders without an error (render() marks only a success).
        for view, address in [("issue", "#/issue/talks"), ("actor", "#/actor/DEU"), ("shifts", "#/shifts"),
                              ("camps", "#/camps"), ("outlets", "#/outlets"), ("search", "#/search?q=talks"),
                              ("corrections", "#/corrections")]:
            browser.get(base + "/" + address)
            rendered(view)
        if "added by tester" not in browser.find_element(By.ID, "view").text and \
                "tester" not in browser.find_element(By.ID, "view").text:
            fail("the corrections view does not list the corrections")
        browser.get(base + "/#/shifts")
        rendered("shifts")
        if not browser.find_elements(By.CSS_SELECTOR, "svg.timeline circle") and \
                "No shifts" not in browser.find_element(By.ID, "view").text:
            fail("the shifts view draws no timeline")

        # 7. Nothing from the article ran, anywhere.
        if browser.execute_script("return window.pwned") is not None:
            fail("a script from the article ran")
        if browser.title != "faultline":
            fail("the page title was changed to " + browser.title)
        print(f"serve in chromium: map, evidence by outlet and by origin, reject (DEU/talks {before} -> {before - 1}), reload, put back, "
              "add from a sentence, every view, nothing injected ran")
        print("1 passed, 0 failed")
        return 0
    finally:
        if browser is not None:
            browser.quit()
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
