"""Checks of the two-nodes drill (issue #17, ADR 0032, 0036; docs/ops/two-nodes-drill.sh): a browser without
JavaScript (cookies, forms, no redirects followed) against the proxy and each node. Loopback only.
Prints one line per check, "PASS|FAIL<TAB>check<TAB>detail", and exits 1 if any failed.
Usage: python3 two_nodes.py <proxy url> <node A url> <node B url> <pid of node B, killed at the end>"""
import base64
import hashlib
import hmac
import html.parser
import http.cookiejar
import os
import re
import struct
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PROXY, NODE_A, NODE_B, PID_B = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
for url in (PROXY, NODE_A, NODE_B):
    assert urllib.parse.urlsplit(url).hostname in ("127.0.0.1", "localhost"), "loopback only"
MEMBER, PASSWORD = "karim", "bienvenue-sur-mare"
results = []


def report(ok, check, detail):
    results.append(ok)
    print("%s\t%s\t%s" % ("PASS" if ok else "FAIL", check, detail), flush=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Forms(html.parser.HTMLParser):
    """The fields of the form whose id is given: inputs, textareas, selects (first option), buttons."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.action, self.fields, self.buttons = form_id, False, None, {}, []
        self.textarea, self.select = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside, self.action = True, a.get("action")
        elif not self.inside or "name" not in a and tag != "option":
            return
        elif tag == "input":
            kind = a.get("type", "text")
            if kind == "submit":
                self.buttons.append(a["name"])
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields[a["name"]] = a.get("value", "on")
            elif kind != "file":
                self.fields[a["name"]] = a.get("value", "")
        elif tag == "button" and a.get("type", "submit") == "submit":
            self.buttons.append(a["name"])
        elif tag == "textarea":
            self.textarea = a["name"]
            self.fields[a["name"]] = ""
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and (self.select not in self.fields or "selected" in a):
            self.fields[self.select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data


class Browser:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()  # cookies are per host, not per port: shared by the proxy and the nodes
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def send(self, url, fields=None, timeout=15, headers=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        origin = "%s://%s" % urllib.parse.urlsplit(url)[:2]
        request = urllib.request.Request(url, data=data, headers=dict({"Origin": origin} if data else {}, **(headers or {})))
        try:
            response = self.opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as e:
            response = e
        return response.status, response.headers.get("Location", ""), response.read().decode("utf-8", "replace")

    def form(self, base, path, form_id):
        status, _, body = self.send(base + path)
        parser = Forms(form_id)
        parser.feed(body)
        if parser.action is None:
            raise AssertionError("no form %s on %s%s (%s)" % (form_id, base, path, status))
        return parser

    def submit(self, base, form, values, button=None, headers=None):
        fields = dict(form.fields)
        for suffix, value in values.items():
            name = next(n for n in fields if n == suffix or n.endswith(":" + suffix))
            fields[name] = value
        pressed = next((b for b in form.buttons if b.endswith(":" + (button or "submit"))), None)
        if pressed:
            fields[pressed] = ""
        return self.send(urllib.parse.urljoin(base, form.action), fields, headers=headers)

    def login(self, base, name, password):
        return self.submit(base, self.form(base, "/connexion", "login"), {"username": name, "password": password})

    def logged_in(self, base):
        return self.send(base + "/compte")[0] == 200


# 1. A login made through the proxy holds on both nodes.
member = Browser()
status, _, _ = member.login(PROXY, MEMBER, PASSWORD)
seen = [member.logged_in(PROXY) for _ in range(10)] + [member.logged_in(NODE_A), member.logged_in(NODE_B)]
report(status == 302 and all(seen), "connexion partagée",
       "connexion %s ; /compte connecté %d fois sur %d (10 par le proxy, puis A et B directement)" % (status, sum(seen), len(seen)))

# 2. A form shown by one node is sent to the other (both ways).
sent = []
for shown, posted in ((NODE_A, NODE_B), (NODE_B, NODE_A)):
    title = "Exercice deux nœuds : formulaire affiché par %s, envoyé à %s (%d)" % (shown[-5:], posted[-5:], time.time_ns())
    form = member.form(shown, "/nouveau-sujet?categorie=vie-du-forum", "topic")
    status, location, _ = member.submit(posted, form, {"title": title, "body": "Le texte arrive entier sur l'autre nœud."})
    page = member.send(urllib.parse.urljoin(shown, location))[2] if status == 302 else ""
    sent.append(status == 302 and title in page)
report(all(sent), "formulaire d'un nœud envoyé à l'autre", "A→B %s, B→A %s (sujet créé et lu sur le premier nœud)" % tuple(sent))

# 3. The login throttle counts the guesses of both nodes.
guesser, name = Browser(), "devinette-%d" % time.time_ns()
answers = [guesser.login(NODE_A if i % 2 == 0 else NODE_B, name, "mauvais %d" % i)[0] for i in range(6)]
report(answers[:5] == [200] * 5 and answers[5] == 429, "limite des connexions partagée",
       "6 mauvais mots de passe, alternés A/B : réponses %s (la 6e doit être 429)" % answers)

# 3 bis. The code step of a two-factor login and the message shown once cross nodes (ADR 0036):
# anaïs enrols on A; then a new browser gives her password to A, a backup code to B, and reads the
# page the code redirects to on A (« Il vous en reste 9 », a message of B's redirect).
def totp(secret, step):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


try:
    staff = Browser()
    staff.login(NODE_A, "anais", PASSWORD)
    _, location, _ = staff.submit(NODE_A, staff.form(NODE_A, "/double-authentification", "start"), {})
    page = staff.send(urllib.parse.urljoin(NODE_A, location))[2]
    secret = re.search(r'id="two-factor-secret"[^>]*>([^<]+)<', page).group(1).replace(" ", "").upper()
    form = Forms("confirm")
    form.feed(page)
    _, location, _ = staff.submit(NODE_A, form, {"code": totp(secret, int(time.time()) // 30)})
    page = staff.send(urllib.parse.urljoin(NODE_A, location))[2]
    backup = re.findall(r"<li><code>([^<]+)</code></li>", page)
    laptop = Browser()
    status, location, _ = laptop.login(NODE_A, "anais", PASSWORD)
    asked = status == 302 and location.endswith("/code-de-connexion")
    status, location, _ = laptop.submit(NODE_B, laptop.form(NODE_B, "/code-de-connexion", "secondFactor"), {"code": backup[0]})
    landed = laptop.send(urllib.parse.urljoin(NODE_A, location))[2] if status == 302 else ""
    shown = "Il vous en reste 9" in landed
    again = "Il vous en reste 9" in laptop.send(NODE_B + "/")[2]
    both = laptop.logged_in(NODE_A) and laptop.logged_in(NODE_B)
    report(asked and status == 302 and both, "double authentification d'un nœud à l'autre",
           "mot de passe à A (code demandé : %s), code de secours à B : %s, connectée sur A et B : %s" % (asked, status, both))
    report(shown and not again, "message affiché une fois, d'un nœud à l'autre",
           "redirection de B lue sur A : %s ; sur B ensuite : %s" % ("affiché" if shown else "absent", "encore" if again else "plus rien"))
except Exception as e:  # a page that changed shape: the check fails, the drill goes on
    report(False, "double authentification d'un nœud à l'autre", "%s: %s" % (type(e).__name__, e))

# 3 ter. Behind the proxy, the address is the one nginx appends (MARE_TRUSTED_PROXIES=127.0.0.1 on
# the nodes; the drill script then finds it in a node's security log).
spoof = Browser()
spoof.submit(PROXY, spoof.form(PROXY, "/connexion", "login"), {"username": "adresse-%d" % time.time_ns(), "password": "non"},
             headers={"X-Forwarded-For": "203.0.113.9"})

# 4. A collective created on B is listed on A (a visitor's page: page cache and directory copy).
visitor = Browser()
word = "drill%d" % time.time_ns()
visitor.send(NODE_A + "/voisins?q=" + word)  # A keeps its copy of the listings and the visitor's page
form = member.form(NODE_B, "/voisins/nouveau", "collective")
status, _, _ = member.submit(NODE_B, form, {"name": "Collectif " + word, "presentation": "Créé sur le nœud B.",
                                             "kind": "COLLECTIF", "region": "44", "size": "11-50"})
created, waited = time.monotonic(), None
while time.monotonic() - created < 10:
    if ("Collectif " + word) in urllib.request.urlopen(NODE_A + "/voisins?q=" + word, timeout=5).read().decode():
        waited = time.monotonic() - created
        break
    time.sleep(0.05)
report(status == 302 and waited is not None and waited <= 2, "annuaire à jour sur l'autre nœud",
       "créé sur B (%s), listé sur A après %s" % (status, "%.2f s" % waited if waited is not None else "plus de 10 s"))

# 5. kill -9 of node B under load: failed requests in the 5 s after, confirmed writes, the login.
log, stop, lock = [], threading.Event(), threading.Lock()


def load(kind):
    browser = member if kind != "visitor" else Browser()
    while not stop.is_set():
        started = time.monotonic()
        try:
            if kind == "writer":
                form = browser.form(PROXY, "/nouveau-sujet?categorie=vie-du-forum", "topic")
                title = "Charge deux nœuds %d" % time.time_ns()
                status, location, _ = browser.submit(PROXY, form, {"title": title, "body": "Écrit pendant l'exercice."})
                ok = status == 302 and "/t/" in location
                with lock:
                    log.append((started, ok, "POST %s" % status, (title, location) if ok else None))
            else:
                status, location, _ = browser.send(PROXY + ("/compte" if kind == "member" else "/"))
                with lock:
                    log.append((started, status == 200, "GET %s %s" % (status, location), None))
        except Exception as e:  # a connection cut by the kill
            with lock:
                log.append((started, False, type(e).__name__, None))


threads = [threading.Thread(target=load, args=(k,)) for k in ("member", "member", "visitor", "writer")]
for t in threads:
    t.start()
time.sleep(3)
killed = time.monotonic()
os.kill(PID_B, 9)
time.sleep(5)
stop.set()
for t in threads:
    t.join(30)
after = [entry for entry in log if entry[0] >= killed - 1]  # requests in flight at the kill count too
failed = [entry for entry in after if not entry[1]]
rate = 100.0 * len(failed) / max(1, len(after))
report(rate <= 1.0, "kill -9 de B sous charge", "%d requêtes dans les 5 s autour de l'arrêt, %d échouées (%.1f %%)%s"
       % (len(after), len(failed), rate, (" : " + ", ".join(sorted({f[2] for f in failed}))) if failed else ""))
confirmed = [entry[3] for entry in log if entry[3]]
present = sum(1 for title, location in confirmed if title in member.send(urllib.parse.urljoin(NODE_A, location))[2])
report(confirmed and present == len(confirmed), "écritures confirmées présentes",
       "%d sujets confirmés (302) pendant la charge, %d lus sur A après l'arrêt de B" % (len(confirmed), present))
still = [member.logged_in(PROXY) for _ in range(5)]
report(all(still), "connexion gardée après l'arrêt", "/compte connecté %d fois sur 5 par le proxy" % sum(still))
sys.exit(0 if all(results) else 1)
