#!/usr/bin/python3
"""The HTML report (`faultline map --format html`) in a real browser at two widths:
Debian's headless chromium driven by Debian's python3-selenium and chromium-driver.

usage: report_layout_test.py FAULTLINE SOURCE_DIR

Writes two reports, one of the fixture statements (tests/data/statements_nato.jsonl) and
one of 50 actors in four camps on six issues (generated here), opens each at 1024 (a
laptop: the panels stack in one column), 1280 and 1920 px and checks that no element
sticks out of the page or of the panel it is in (wide tables scroll inside their panel),
that no two panels overlap, that the page shows names beside the codes (Poland beside POL,
"Talks with Russia" and its proposition beside talks) and says in words what for and
against mean, that the outlet filter
redraws the camps and shifts, that the search box narrows the statements, and that the
dense camp network is drawn as a matrix. Exit 77 (skipped) when selenium, chromium or
chromedriver is missing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

# Every element's box against the page and against its nearest ancestor that clips or
# scrolls; panels (<section>) against each other. Returns a list of problems.
LAYOUT_PROBLEMS = r"""
var problems = [], W = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > W + 1)
  problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + W);
function clipper(e) {
  for (var p = e.parentElement; p; p = p.parentElement) {
    var o = getComputedStyle(p);
    if (['auto', 'scroll', 'hidden'].indexOf(o.overflowX) >= 0) return p;
  }
  return null;
}
var all = document.querySelectorAll('body *');
for (var i = 0; i < all.length && problems.length < 20; i++) {
  var e = all[i], r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || getComputedStyle(e).display === 'none') continue;
  var c = clipper(e);
  if (c) continue;  // inside a scrolling panel: reachable by scrolling it
  if (r.right > W + 1 || r.left < -1)
    problems.push(e.tagName + (e.id ? '#' + e.id : '') + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + W);
}
var sections = Array.prototype.slice.call(document.querySelectorAll('section'));
sections.forEach(function(a, i) { sections.slice(i + 1).forEach(function(b) {
  var x = a.getBoundingClientRect(), y = b.getBoundingClientRect();
  if (x.left < y.right - 1 && y.left < x.right - 1 && x.top < y.bottom - 1 && y.top < x.bottom - 1)
    problems.push('panels overlap: ' + a.querySelector('h2').textContent + ' / ' + b.querySelector('h2').textContent);
}); });
// Every panel that scrolls must lie within the page.
document.querySelectorAll('.scroll').forEach(function(s) {
  var r = s.getBoundingClientRect();
  if (r.right > W + 1) problems.push('scrolling panel #' + s.id + ' ends at ' + Math.round(r.right) + ' of ' + W);
});
return problems;
"""


def fail(message):
    print("FAIL:", message)
    print("0 passed, 1 failed")
    sys.exit(1)


def dense_statements(path):
    """50 actors (A00..A49) in four camps: a camp takes one side on every issue it shares."""
    issues = ["talks", "arms", "sanctions", "nato-enlargement", "energy", "nato-posture"]
    with open(path, "w", encoding="utf-8") as f:
        for a in range(50):
            camp = a % 4
            for k, issue in enumerate(issues):
                stance = 1 if (camp + k) % 2 == 0 else -1
                if camp >= 2 and k >= 3:
                    stance = -stance
                for month in (3, 9):
                    f.write(json.dumps({"doc": "d%02d-%d-%d.txt" % (a, k, month), "actor": "A%02d" % a,
                                        "issue": issue, "stance": stance,
                                        "evidence": "Actor %02d spoke on %s in a sentence long enough to wrap "
                                                    "across the statements table several times over." % (a, issue),
                                        "date": "2022-%02d-10" % month,
                                        "outlet": "Outlet %d" % (a % 3)}) + "\n")


def check_names(browser, By):
    """The fixture's page names what its codes stand for, in the rendered text (not only in
    the data): knowledge-base names beside actor codes, codebook labels and propositions
    beside issue ids, and the legend says what for and against mean."""
    problems = []
    rows = {r.find_element(By.TAG_NAME, "th").text.split(" ")[0]: r.find_element(By.TAG_NAME, "th").text
            for r in browser.find_elements(By.CSS_SELECTOR, "#heatmap tr")[1:]}
    for code, name in (("POL", "Poland"), ("RUS", "Russia"), ("USA", "United States")):
        if name not in rows.get(code, ""):
            problems.append("the heatmap row of %s reads %r, without %r" % (code, rows.get(code), name))
    heads = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#heatmap tr:first-child th")]
    for issue, label in (("talks", "Talks with Russia"), ("arms", "Arms for Ukraine")):
        if not any(h.startswith(issue) and label in h for h in heads):
            problems.append("no heatmap column reads %s with %r: %r" % (issue, label, heads))
    talks = [h for h in browser.find_elements(By.CSS_SELECTOR, "#heatmap tr:first-child th")
             if h.text.startswith("talks")]
    if not talks or "for = Negotiations" not in (talks[0].get_attribute("title") or ""):
        problems.append("the talks column does not give its proposition on pointing at it")
    legend = browser.find_element(By.CSS_SELECTOR, "p.legend").text
    if "For: the actor backs the issue's proposition" not in legend or "against: it opposes it" not in legend:
        problems.append("the legend does not say what for and against mean: %r" % legend)
    # A click on Poland's talks dot: the evidence names both and says what "for" means.
    browser.find_element(By.CSS_SELECTOR, '#heatmap td[data-actor="POL"][data-issue="talks"]').click()
    evidence = browser.find_element(By.ID, "evidence").text
    if "POL (Poland) on talks (Talks with Russia)" not in evidence:
        problems.append("the evidence of POL on talks is headed %r" % evidence.split("\n")[0])
    if "For means: Negotiations, dialogue or a ceasefire deal with Russia" not in evidence:
        problems.append("the evidence does not say what 'for' means on talks")
    camps = browser.find_element(By.ID, "campinfo").text
    if "POL (Poland)" not in camps or "RUS (Russia)" not in camps:
        problems.append("the camps do not name their actors: %r" % camps[:200])
    shifts = browser.find_element(By.ID, "shiftlist").text
    if "USA (United States) on talks (Talks with Russia)" not in shifts:
        problems.append("the shifts do not name actor and issue: %r" % shifts[:200])
    cell = browser.find_element(By.CSS_SELECTOR, "#statements tr:nth-child(2) td:nth-child(3)")
    if "(" not in (cell.get_attribute("title") or ""):
        problems.append("a statement's actor code has no name on pointing at it")
    return problems


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    faultline, source = argv[1], argv[2]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select, WebDriverWait
    except ImportError:
        print("SKIP: python3-selenium is not installed")
        return SKIP
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (os.path.exists(chromium) and os.path.exists(driver_path)):
        print("SKIP: chromium or chromium-driver is not installed")
        return SKIP

    work = tempfile.mkdtemp(prefix="faultline-report-")
    browser = None
    try:
        fixture = os.path.join(source, "tests", "data", "statements_nato.jsonl")
        dense = os.path.join(work, "dense.jsonl")
        dense_statements(dense)
        reports = {}
        for name, statements in (("fixture", fixture), ("dense", dense)):
            out = os.path.join(work, name + ".html")
            subprocess.run([faultline, "map", "--statements", statements, "--format", "html", "-o", out],
                           check=True, capture_output=True)
            reports[name] = out

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + os.path.join(work, "profile"), "--window-size=1280,900"]:
            options.add_argument(flag)
        browser = webdriver.Chrome(service=Service(driver_path), options=options)
        wait = WebDriverWait(browser, 60)
        checks = 0
        for width in (1024, 1280, 1920):
            browser.set_window_size(width, 1000)
            for name, path in reports.items():
                browser.get("file://" + path)
                wait.until(lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-rendered") == "yes")
                problems = browser.execute_script(LAYOUT_PROBLEMS)
                if problems:
                    fail("%s at %d px: %s" % (name, width, "; ".join(problems)))
                checks += 1
                if name == "dense":
                    if not browser.find_elements(By.CSS_SELECTOR, "#campmatrix td"):
                        fail("50 actors: the camps are not drawn as a matrix")
                    continue
                names_problems = check_names(browser, By)
                if names_problems:
                    fail("names at %d px: %s" % (width, "; ".join(names_problems)))
                if width == 1024:
                    # One column: the evidence and camps come below the map, not beside it.
                    panels = browser.find_elements(By.TAG_NAME, "section")
                    if len({round(p.rect["x"]) for p in panels}) != 1:
                        fail("at 1024 px the panels do not stack in one column")
                # The outlet filter redraws camps and shifts as that outlet reports them.
                camps_all = browser.find_element(By.ID, "campinfo").text
                shifts_all = len(browser.find_elements(By.CSS_SELECTOR, "#shiftlist li"))
                Select(browser.find_element(By.ID, "outlet")).select_by_value("Sputnik Relay")
                if browser.find_element(By.ID, "campinfo").text == camps_all:
                    fail("choosing an outlet leaves the camps as they were")
                # No shift of the fixture is told by Sputnik Relay alone.
                shifts_one = len(browser.find_elements(By.CSS_SELECTOR, "#shiftlist li"))
                if not shifts_all or shifts_one or "Sputnik Relay" not in browser.find_element(By.ID, "noshifts").text:
                    fail("choosing an outlet leaves the shifts as they were (%d, then %d)" % (shifts_all, shifts_one))
                if "Sputnik Relay" not in browser.find_element(By.ID, "campinfo").text:
                    fail("the camps do not say which outlet they are of")
                problems = browser.execute_script(LAYOUT_PROBLEMS)
                if problems:
                    fail("%s, one outlet, at %d px: %s" % (name, width, "; ".join(problems)))
                Select(browser.find_element(By.ID, "outlet")).select_by_value("")
                # The search box narrows the statements to those with every word.
                rows = len(browser.find_elements(By.CSS_SELECTOR, "#statements tr"))
                box = browser.find_element(By.ID, "search")
                box.send_keys("Poland")
                narrowed = browser.find_elements(By.CSS_SELECTOR, "#statements tr")
                if not 1 < len(narrowed) < rows:
                    fail("searching 'Poland' shows %d of %d rows" % (len(narrowed) - 1, rows - 1))
                if any(r.find_elements(By.TAG_NAME, "td") and r.find_elements(By.TAG_NAME, "td")[2].text != "POL"
                       for r in narrowed):
                    fail("searching 'Poland' shows statements of other actors")
                box.clear()
                checks += 1
        print("%d passed, 0 failed" % checks)
        return 0
    finally:
        if browser is not None:
            browser.quit()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
