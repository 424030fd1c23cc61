"""Browser tests of Rapport's web application, in headless Chromium driven by Selenium.

Runs against a server started on a small demo database (see run.sh). The story of the case study:
a specialist opens her queue, opens a check-in task's account, logs "issue found", opens the case
the form prefills; the Installation member sees the case and resolves it with a root cause; the
specialist sees the collection task come back; a manager sees the dashboard's charts. axe-core
checks the main pages for serious or critical accessibility violations. Screenshots go to
.build/screenshots/.
"""
import datetime
import os
import re
import sys
import urllib.parse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ["RAPPORT_URL"].rstrip("/")
PASSWORD = os.environ["RAPPORT_PASSWORD"]
SPECIALIST = os.environ["RAPPORT_SPECIALIST"]
INSTALLER = os.environ.get("RAPPORT_INSTALLER", "installation-desk")
MANAGER = os.environ.get("RAPPORT_MANAGER", "lori")
TODAY = os.environ.get("RAPPORT_TODAY", datetime.date.today().isoformat())
SHOTS = os.environ.get("RAPPORT_SCREENSHOTS", ".build/screenshots")
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def browser():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800", "--disable-gpu"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def gone(element):
    """Whether the page that held `element` has been replaced (Chromium may also say so with an error)."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def submit(driver, button):
    """Clicks a link or a form's button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 15).until(lambda d: gone(page))
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def sign_in(driver, username):
    driver.delete_all_cookies()
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    check("/login" not in driver.current_url, f"{username} is signed in (now at {driver.current_url})")


def accessible(driver, name):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    for violation in bad:
        targets = [" ".join(map(str, node.get("target", []))) for node in violation.get("nodes", [])[:3]]
        print(f"     {name}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}", flush=True)
        for node in violation.get("nodes", [])[:1]:
            print("       " + " ".join(node.get("failureSummary", "").split()), flush=True)
    check(not bad, f"axe finds no serious or critical violation on the {name} page")


def shot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
    # A small one of the top of the page, for docs/web.md.
    driver.set_window_size(900, 650)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(SHOTS, name + "-small.png"))
    driver.set_window_size(1280, 1800)


def title_matches_h1(driver, name):
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    check(driver.title.startswith(h1), f"the {name} page's title matches its h1 ({h1!r})")


def main():
    driver = browser()
    try:
        # The specialist's day.
        sign_in(driver, SPECIALIST)
        check(driver.current_url.rstrip("/").endswith("/queue"), "a specialist's home is her queue")
        title_matches_h1(driver, "queue")
        accessible(driver, "queue")
        # Installations are billed off every few days: look ahead for the day of the next check-in call.
        check_in = None
        for ahead in range(0, 35):
            day = (datetime.date.fromisoformat(TODAY) + datetime.timedelta(days=ahead)).isoformat()
            driver.get(BASE + f"/queue?date={day}")
            for row in driver.find_elements(By.CSS_SELECTOR, "table[data-keys] tbody tr"):
                if "check in" in row.find_elements(By.TAG_NAME, "td")[1].text:
                    check_in = row
                    break
            if check_in is not None:
                break
        check(check_in is not None, f"the queue has a check-in task within five weeks (on {day})")
        if check_in is None:
            return
        shot(driver, "queue")
        account_id = check_in.find_element(By.CSS_SELECTOR, "a[data-open]").text
        submit(driver, check_in.find_element(By.PARTIAL_LINK_TEXT, "Log the outcome"))
        check(f"/accounts/{account_id}" in driver.current_url, f"the task opens account {account_id}")
        title_matches_h1(driver, "account")
        accessible(driver, "account")
        shot(driver, "account")
        check(Select(driver.find_element(By.ID, "touch-purpose")).first_selected_option.get_attribute("value") == "check_in",
              "the log form is prefilled with the check-in purpose")
        Select(driver.find_element(By.ID, "touch-channel")).select_by_value("call")
        Select(driver.find_element(By.ID, "touch-outcome")).select_by_value("issue_found")
        driver.find_element(By.ID, "touch-satisfaction").send_keys("2")
        driver.find_element(By.ID, "touch-notes").send_keys("The punch list is not finished")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "#log-touch button[type=submit]"))
        check("open_case=1" in driver.current_url, "issue found leads straight into the case form")
        query = urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)
        invoice = query.get("invoice_id", [""])[0]
        check(bool(invoice), f"the case form holds the job's open invoice ({invoice!r})")
        check("The touch was logged." in driver.page_source, "the page says the touch was logged")
        category = Select(driver.find_element(By.ID, "case-category")).first_selected_option.get_attribute("value")
        if not category:
            Select(driver.find_element(By.ID, "case-category")).select_by_value("incomplete_installation")
        check(driver.find_element(By.ID, "case-invoice_id").get_attribute("value") == invoice,
              f"the case form is prefilled with invoice {invoice!r}")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "#open-case button[type=submit]"))
        match = re.search(r"/cases/([^/?#]+)", driver.current_url)
        check(match is not None, f"the case is opened ({driver.current_url})")
        case_id = match.group(1) if match else ""
        department = ""
        for row in driver.find_elements(By.CSS_SELECTOR, "dl.facts dt"):
            if row.text == "Department":
                department = row.find_element(By.XPATH, "following-sibling::dd[1]").text
        check(department == "installation", f"the case is routed to installation (got {department!r})")
        accessible(driver, "case")
        collection_day = ""
        if invoice:
            driver.get(BASE + f"/invoices/{invoice}")
            for row in driver.find_elements(By.CSS_SELECTOR, "dl.facts dt"):
                if row.text == "Collection starts":
                    collection_day = row.find_element(By.XPATH, "following-sibling::dd[1]").text
            check(bool(collection_day), f"the invoice page gives the collection start ({collection_day})")
            check("held by" in driver.page_source, "the invoice page says which case holds it")
            accessible(driver, "invoice")
            driver.get(BASE + f"/queue?date={collection_day}")
            check(f"invoice_id={invoice}" not in driver.page_source,
                  f"while the case is open the queue of {collection_day} has no collection task for {invoice}")

        # The installer sees the case in Installation's list and resolves it.
        sign_in(driver, INSTALLER)
        check(driver.current_url.rstrip("/").endswith("/cases"), "a department member's home is the cases list")
        check(case_id in driver.page_source, f"Installation's list shows case {case_id}")
        submit(driver, driver.find_element(By.LINK_TEXT, case_id))
        buttons = [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".actions button")]
        if "Start work" in buttons:
            submit(driver, driver.find_element(By.XPATH, "//button[text()='Start work']"))
        Select(driver.find_element(By.ID, "move-resolution")).select_by_value("work_completed")
        Select(driver.find_element(By.ID, "move-root_cause")).select_by_value("INST.PUNCH_LIST_OPEN")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "#resolve button[type=submit]"))
        status = ""
        for row in driver.find_elements(By.CSS_SELECTOR, "dl.facts dt"):
            if row.text == "Status":
                status = row.find_element(By.XPATH, "following-sibling::dd[1]").text
        check(status == "resolved", f"the case is resolved (status {status!r})")
        if status != "resolved":
            print(driver.current_url, driver.find_element(By.TAG_NAME, "main").text[:800])
        shot(driver, "case")

        # The specialist sees the collection task come back once the case is resolved.
        sign_in(driver, SPECIALIST)
        if collection_day:
            driver.get(BASE + f"/queue?date={collection_day}")
            check(f"invoice_id={invoice}" in driver.page_source,
                  f"once the case is resolved the queue of {collection_day} has the collection task for {invoice} again")

        # The manager's dashboard.
        sign_in(driver, MANAGER)
        check(driver.find_element(By.TAG_NAME, "h1").text == "Dashboard", "a manager's home is the dashboard")
        charts = driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")
        check(len(charts) >= 4, f"the dashboard draws its charts ({len(charts)} SVG charts)")
        bars = driver.find_elements(By.CSS_SELECTOR, "figure.chart svg a rect")
        check(len(bars) > 0, f"the charts have bars that link to their lists ({len(bars)})")
        accessible(driver, "dashboard")
        shot(driver, "dashboard")
        driver.get(BASE + "/imports")
        if driver.find_elements(By.CSS_SELECTOR, "form[action='/imports']"):
            accessible(driver, "import")
            shot(driver, "imports")
        else:
            check(False, "the import page has its upload form")
        # The manager's other pages: each one renders and passes axe.
        for path, name in [("/reports/metrics", "metrics report"), ("/reports/aging", "aging report"),
                           ("/reports/trend?metric=dso", "trend report"), ("/reports/root-causes", "root-cause report"),
                           ("/reports/productivity", "productivity report"), ("/reports/retention", "retention report"),
                           ("/promises", "promises"), ("/change-requests", "change requests"),
                           ("/corrective-actions", "corrective actions"), ("/followups", "follow-ups")]:
            driver.get(BASE + path)
            check(driver.find_elements(By.TAG_NAME, "h1") and driver.title.startswith(driver.find_element(By.TAG_NAME, "h1").text),
                  f"the {name} page has its title and heading")
            accessible(driver, name)
        driver.get(BASE + "/accounts?q=a")
        found = driver.find_elements(By.CSS_SELECTOR, "main table a[href^='/accounts/']")
        check(bool(found), "the account search finds accounts")
        if found:
            href = found[0].get_attribute("href")
            driver.get(href)
            accessible(driver, "account (manager)")
            driver.get(href + "/statement")
            check("Statement for" in driver.find_element(By.TAG_NAME, "h1").text, "the statement page opens")
            accessible(driver, "statement")
            shot(driver, "statement")
        sign_in(driver, "admin")
        driver.get(BASE + "/settings/users")
        check(driver.find_elements(By.CSS_SELECTOR, "form[action='/settings/users']"), "the admin sees the add-user form")
        accessible(driver, "users")
        driver.get(BASE + "/settings/playbook")
        accessible(driver, "playbook")
    finally:
        driver.quit()
    if failures:
        print(f"{len(failures)} browser check(s) failed", flush=True)
        sys.exit(1)
    print("every browser check passed", flush=True)


if __name__ == "__main__":
    main()
