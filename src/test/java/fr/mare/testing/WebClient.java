package fr.mare.testing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A small browser for integration tests: keeps cookies, does not follow redirects unless asked
 * (so tests see Post/Redirect/Get), and fills and submits the HTML forms Mare renders — view
 * state included — exactly as a person's browser without JavaScript would.
 */
public final class WebClient {

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String acceptLanguage = "fr-FR,fr;q=0.9";

    public WebClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * A bare client that speaks HTTP/1.1, as browsers do without TLS. Java's default, HTTP/2 by
     * an {@code Upgrade: h2c} on a cleartext connection, is something no browser sends; with
     * Grizzly it sometimes ended in « EOF reached while reading » on a connection the server had
     * just upgraded (PageCacheIT, 2026-12-03).
     */
    public static HttpClient bareClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    public WebClient acceptLanguage(String value) {
        this.acceptLanguage = value;
        return this;
    }

    public URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    /** GET, then follow redirects (at most five), like a browser. */
    public Page open(String path) {
        return follow(get(path));
    }

    public Page follow(Page page) {
        Page current = page;
        for (int i = 0; i < 5 && current.isRedirect(); i++) {
            current = send(HttpRequest.newBuilder(current.uri().resolve(current.location())).GET());
        }
        return current;
    }

    public Page post(String path, Map<String, String> fields) {
        return post(resolve(path), fields);
    }

    public Page post(URI target, Map<String, String> fields) {
        return send(formPost(target, fields));
    }

    /** POSTs a form like {@link #post} and keeps the answer as bytes: a download (issue #13's ZIP). */
    public HttpResponse<byte[]> download(URI target, Map<String, String> fields) {
        try {
            return http.send(formPost(target, fields).header("Accept-Language", acceptLanguage).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder formPost(URI target, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** A file chosen in a form's file input. */
    public record FilePart(String fileName, String contentType, byte[] bytes) {
    }

    /**
     * POSTs {@code fields} and {@code files} as {@code multipart/form-data}, as a browser sends a
     * form with {@code enctype="multipart/form-data"}; a file input left empty goes as an empty
     * part without file name, as browsers do.
     */
    public Page postMultipart(URI target, Map<String, String> fields, Map<String, FilePart> files) {
        String boundary = "----mare" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(field.getValue().getBytes(StandardCharsets.UTF_8));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, FilePart> file : files.entrySet()) {
                FilePart part = file.getValue();
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
                        + (part == null ? "" : part.fileName()) + "\"\r\nContent-Type: "
                        + (part == null ? "application/octet-stream" : part.contentType()) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                if (part != null) {
                    body.write(part.bytes());
                }
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(target)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Fills and sends {@code /inscription}, as a person would. */
    public Page register(String username, String email, String password) {
        return get("/inscription").form("register")
                .set("username", username).set("email", email).set("password", password).submit();
    }

    /**
     * Fills and sends {@code /connexion}, as a person with their phone would: when the account has
     * two-factor authentication, answers the code step too ({@link TwoFactorCodes}); a moderator or
     * administrator sent to enrol is enrolled. The answer is the last step's (302 when logged in).
     */
    public Page login(String username, String password) {
        Page answer = loginWithPasswordOnly(username, password);
        if (answer.isRedirect() && answer.location().contains("/code-de-connexion")) {
            return TwoFactorCodes.answer(this, username, answer);
        }
        if (answer.isRedirect() && answer.location().contains("/double-authentification")) {
            TwoFactorCodes.enrol(this, username);
        }
        return answer;
    }

    /** Only the first step of a login: the answer to the name and password. */
    public Page loginWithPasswordOnly(String username, String password) {
        return get("/connexion").form("login").set("username", username).set("password", password).submit();
    }

    /** Registers a fresh member (who is then logged in on this client) and returns their username. */
    public String registerNewMember(String prefix, String password) {
        String name = Names.username(prefix);
        Page registered = register(name, Names.email(name), password);
        if (registered.status() != 302) {
            throw new AssertionError("registration of " + name + " refused: " + registered.mainText());
        }
        return name;
    }

    /** Sets a cookie as if the site had (to play another browser, or another node: ADR 0032). */
    public WebClient withCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
        return this;
    }

    /**
     * Forgets a cookie, as if the next request went to a node that never saw it: dropping the
     * session id is what a node change looks like (ADR 0032, 0036).
     */
    public WebClient forget(String name) {
        var store = cookies.getCookieStore();
        store.getCookies().stream().filter(c -> c.getName().equals(name)).toList().forEach(c -> store.remove(null, c));
        return this;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(base).stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    private Page send(HttpRequest.Builder request) {
        request.header("Accept-Language", acceptLanguage).timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(this, response.statusCode(), response.headers(), response.body(), response.uri());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A response, with its HTML parsed on demand. */
    public record Page(WebClient client, int status, HttpHeaders headers, String body, URI uri) {

        public Document html() {
            return Jsoup.parse(body, uri.toString());
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400 && headers.firstValue("Location").isPresent();
        }

        public String location() {
            return headers.firstValue("Location").orElseThrow(() -> new AssertionError("No Location header, status " + status));
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The text of the page's {@code main} element, whitespace folded (NBSP included). */
        public String mainText() {
            Element main = html().selectFirst("main");
            return (main == null ? html().body().text() : main.text()).replace('\u00a0', ' ').replace('\u202f', ' ');
        }

        /** The form whose id ends with {@code suffix} (forms inside repeated markup get prefixes). */
        public Form formEndingWith(String suffix) {
            Element form = html().select("form[id]").stream()
                    .filter(f -> f.id().equals(suffix) || f.id().endsWith(":" + suffix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No form ending in " + suffix + " on " + uri + " (status " + status + ")"));
            return form(form.id());
        }

        /** The form that holds the element with this id (e.g. a post's action buttons). */
        public Form formAround(String elementId) {
            Element element = html().getElementById(elementId);
            if (element == null) {
                throw new AssertionError("No element " + elementId + " on " + uri);
            }
            Element form = element.closest("form");
            if (form == null) {
                throw new AssertionError("Element " + elementId + " is in no form");
            }
            return form(form.id());
        }

        /** The Faces view state this page carries for its session (the first form's), or null if it has no Faces form. */
        public String viewState() {
            Element input = html().selectFirst("input[name=\"jakarta.faces.ViewState\"]");
            return input == null ? null : input.val();
        }

        /** Whether a form whose id ends with {@code suffix} is on the page. */
        public boolean hasFormEndingWith(String suffix) {
            return html().select("form[id]").stream().anyMatch(f -> f.id().equals(suffix) || f.id().endsWith(":" + suffix));
        }

        public Form form(String id) {
            Element form = html().getElementById(id);
            if (form == null || !form.tagName().equals("form")) {
                throw new AssertionError("No form with id " + id + " on " + uri + " (status " + status + ")");
            }
            return new Form(client, uri.resolve(form.attr("action")), form);
        }
    }

    /** An HTML form being filled in: fields are found by the end of their name, like Mare's ids. */
    public static final class Form {
        private final WebClient client;
        private final URI action;
        private final Element element;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, FilePart> files = new LinkedHashMap<>();

        Form(WebClient client, URI action, Element element) {
            this.client = client;
            this.action = action;
            this.element = element;
            for (Element input : element.select("input[name], textarea[name], select[name]")) {
                String type = input.attr("type");
                if (type.equals("submit") || type.equals("button")) {
                    continue;
                }
                if (type.equals("file")) {
                    files.put(input.attr("name"), null);
                    continue;
                }
                fields.put(input.attr("name"), valueOf(input));
            }
        }

        private static String valueOf(Element input) {
            return switch (input.tagName()) {
                case "textarea" -> input.wholeText().startsWith("\n") ? input.wholeText().substring(1) : input.wholeText();
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    Element option = selected != null ? selected : input.selectFirst("option");
                    yield option == null ? "" : option.attr("value");
                }
                default -> input.val();
            };
        }

        /** Chooses a file in the file input whose name ends with {@code nameSuffix}. */
        public Form attach(String nameSuffix, String fileName, String contentType, byte[] bytes) {
            String name = files.keySet().stream().filter(k -> k.equals(nameSuffix) || k.endsWith(":" + nameSuffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("No file input ending in " + nameSuffix + " in form " + element.id()));
            files.put(name, new FilePart(fileName, contentType, bytes));
            return this;
        }

        /** Whether the form has a file input whose name ends with {@code nameSuffix}. */
        public boolean hasFile(String nameSuffix) {
            return files.keySet().stream().anyMatch(k -> k.equals(nameSuffix) || k.endsWith(":" + nameSuffix));
        }

        public Form set(String nameSuffix, String value) {
            fields.put(name(nameSuffix), value);
            return this;
        }

        /** Adds (or replaces) a field by its exact name, as another form of the same page would send it (#14's confirmations). */
        public Form put(String name, String value) {
            fields.put(name, value);
            return this;
        }

        public String get(String nameSuffix) {
            return fields.get(name(nameSuffix));
        }

        /** Clicks the submit button whose name ends with {@code buttonSuffix}. */
        public Page submit(String buttonSuffix) {
            Map<String, String> sent = sent(buttonSuffix);
            // As a browser: a form that declares multipart is sent so, whichever button is pressed.
            if (element.attr("enctype").equalsIgnoreCase("multipart/form-data")) {
                return client.postMultipart(action, sent, files);
            }
            return client.post(action, sent);
        }

        /**
         * Clicks the button but sends the fields as a plain form ({@code application/x-www-form-urlencoded})
         * whatever the form declares, as a script or a hurried client may: no file goes.
         */
        public Page submitAsPlainForm(String buttonSuffix) {
            return client.post(action, sent(buttonSuffix));
        }

        /** Clicks the button and keeps the answer as bytes (a file download). */
        public HttpResponse<byte[]> download(String buttonSuffix) {
            return client.download(action, sent(buttonSuffix));
        }

        /** Clicks the submit button with this id: buttons that share a name and differ by their value (#14, a history's versions). */
        public Page press(String buttonId) {
            Element button = element.select("input[type=submit][name], button[type=submit][name]").stream()
                    .filter(b -> b.id().equals(buttonId)).findFirst()
                    .orElseThrow(() -> new AssertionError("No submit button " + buttonId + " in form " + element.id()));
            return client.post(action, sent(button));
        }

        private Map<String, String> sent(String buttonSuffix) {
            Element button = element.select("input[type=submit][name], button[type=submit][name]").stream()
                    .filter(b -> b.attr("name").equals(buttonSuffix) || b.attr("name").endsWith(":" + buttonSuffix)).findFirst()
                    .orElseThrow(() -> new AssertionError("No submit button ending in " + buttonSuffix));
            return sent(button);
        }

        private Map<String, String> sent(Element button) {
            Map<String, String> sent = new LinkedHashMap<>(fields);
            sent.put(button.attr("name"), button.val());
            return sent;
        }

        /** Submits with the button ending in {@code submit}, as Mare names them. */
        public Page submit() {
            return submit("submit");
        }

        /**
         * This form, as it would be sent by {@code other} with {@code viewState} (a view state of
         * {@code other}'s own session, or null for none — then a plain form's {@code csrf} token
         * goes too): the same action, fields and buttons. Used to replay a form to a caller whose
         * page does not render it, and to forge one.
         */
        public Form replayedBy(WebClient other, String viewState) {
            Form copy = new Form(other, action, element);
            copy.fields.clear();
            copy.fields.putAll(fields);
            copy.files.putAll(files);
            copy.fields.keySet().removeIf(k -> k.startsWith("jakarta.faces.ViewState"));
            if (viewState != null) {
                copy.fields.put("jakarta.faces.ViewState", viewState);
            } else {
                copy.fields.remove("csrf"); // a plain form's token, forged away like a view state
            }
            return copy;
        }

        /** Whether the form has a field whose name ends with {@code nameSuffix}. */
        public boolean has(String nameSuffix) {
            return fields.keySet().stream().anyMatch(k -> k.equals(nameSuffix) || k.endsWith(":" + nameSuffix));
        }

        /** Whether the form has a submit button whose name ends with {@code buttonSuffix}. */
        public boolean hasButton(String buttonSuffix) {
            return element.select("input[type=submit][name], button[type=submit][name]").stream()
                    .anyMatch(b -> b.attr("name").equals(buttonSuffix) || b.attr("name").endsWith(":" + buttonSuffix));
        }

        /** Submits without a view state, as a forged cross-site form would. */
        public Page submitWithoutViewState() {
            fields.keySet().removeIf(k -> k.startsWith("jakarta.faces.ViewState"));
            return submit();
        }

        private String name(String suffix) {
            return fields.keySet().stream()
                    .filter(k -> k.equals(suffix) || k.endsWith(":" + suffix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No field ending in " + suffix + " in form " + element.id()
                            + "; fields: " + fields.keySet()));
        }
    }
}
