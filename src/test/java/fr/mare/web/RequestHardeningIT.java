package fr.mare.web;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.Sql;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the black-box audit of security issue #10 (and the input drills of reliability issue #17)
 * sent, answered as it must be now: each test failed on the main before this change.
 */
class RequestHardeningIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    @Test
    void adminAndModerationPagesAreGuardedWhateverTheSpellingOfTheirPath() throws Exception {
        for (String path : List.of("//admin/domaines", "/%61dmin/domaines", "/./admin/domaines", "/admin;x=1/domaines",
                "//moderation", "/%6Doderation/journal")) {
            Page page = anonymous().open(path);
            assertEquals("/connexion", page.uri().getPath(),
                    path + " must send a visitor to log in, got " + page.status() + " " + page.mainText());
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413OnItsDeclaredLengthWithoutReadingIt() throws Exception {
        URI uri = base.toURI();
        long declared = 100L * 1024 * 1024;
        Instant start = Instant.now();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /connexion HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("a=".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("Envoi trop volumineux"), "the French page: " + answer);
            assertTrue(answer.toLowerCase().contains("content-security-policy"), "security headers on the error too");
        }
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 10, "answered at once, without the 100 MB");
    }

    @Test
    void aBodyOfUnannouncedLengthIsRefusedUnread() throws Exception {
        URI uri = base.toURI();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /connexion HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 48; i++) { // 3 MiB, over the 2 MiB limit
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before the whole body is sent: that is the point
            }
            String answer = readHead(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 411"), answer);
            assertTrue(answer.contains("Demande incomprise"), "the French page: " + answer);
        }
    }

    @Test
    void oddPathsAndQueriesAnswerCalmlyNever500() throws Exception {
        URI uri = base.toURI();
        for (String path : List.of("/a:b", "/t/1:2/x", "/u/x:y", "/?q=%ff%fe", "/connexion?x=%C3%28", "/t/%ff/x")) {
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = readHead(socket.getInputStream());
                int status = Integer.parseInt(answer.substring(9, 12));
                assertTrue(status < 500, path + " answered " + answer);
                assertFalse(answer.contains("Exception"), path);
            }
        }
    }

    @Test
    void redirectsNeverEchoAForgedHostHeader() throws Exception {
        URI uri = base.toURI();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /compte HTTP/1.1\r\nHost: piege.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readHead(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 302"), answer);
            String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst().orElseThrow();
            assertFalse(location.contains("piege.example"), location);
            assertTrue(location.substring(9).strip().startsWith("/connexion"), location);
        }
    }

    @Test
    void feedLinksComeFromThePublicUrlNotFromTheHostHeader() throws Exception {
        URI uri = base.toURI();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /flux/sujets HTTP/1.1\r\nHost: piege.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readHead(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("<link rel=\"self\" href=\"http://localhost:8080/flux/sujets\""), answer);
            assertFalse(answer.contains("piege.example"), answer);
        }
    }

    @Test
    void aFacesFormSentByGetChangesNothing() throws Exception {
        WebClient client = anonymous();
        Page login = client.get("/connexion");
        StringBuilder query = new StringBuilder();
        for (org.jsoup.nodes.Element input : login.html().select("form#login input[name], form#login button[name]")) {
            String name = input.attr("name");
            String value = name.endsWith("username") ? TestDatabase.ADMIN_USERNAME
                    : name.endsWith("password") ? TestDatabase.ADMIN_PASSWORD : input.attr("value");
            query.append(query.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        assertTrue(query.toString().contains("jakarta.faces.ViewState"), query.toString());
        Page byGet = client.get("/connexion?" + query);
        assertEquals(400, byGet.status(), byGet.mainText());
        assertTrue(client.get("/compte").isRedirect(), "still not logged in");
    }

    @Test
    void errorResponsesCarryTheSecurityHeaders() throws Exception {
        WebClient member = anonymous();
        member.registerNewMember("entetes", "un mot de passe assez long");
        List<Page> errors = List.of(
                anonymous().get("/page-qui-n-existe-pas"),                         // 404
                member.get("/moderation"),                                       // 403
                anonymous().get("/connexion?jakarta.faces.ViewState=1:2"));        // 400
        for (Page page : errors) {
            assertTrue(page.status() >= 400, page.uri() + " " + page.status());
            String csp = page.header("Content-Security-Policy");
            assertNotNull(csp, page.status() + " lacks the CSP");
            assertTrue(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", page.header("X-Content-Type-Options"), page.status() + "");
            assertEquals("same-origin", page.header("Referrer-Policy"), page.status() + "");
        }
    }

    @Test
    void pagesOfALoggedInMemberAreNeverStored() throws Exception {
        // A visitor's page may be kept, and is asked again each time (ETag, ADR 0019).
        assertEquals("no-cache", anonymous().get("/connexion").header("Cache-Control"), "anonymous pages may be cached, revalidated");
        WebClient member = anonymous();
        member.registerNewMember("cache", "un mot de passe assez long");
        for (String path : List.of("/", "/compte", "/notifications")) {
            assertEquals("no-store", member.get(path).header("Cache-Control"), path);
        }
    }

    @Test
    void controlCharactersNeverReachTheDatabaseAndFeedsStayValidXml() throws Exception {
        WebClient member = anonymous();
        member.registerNewMember("controle", "un mot de passe assez long");
        String topic = Discussions.ask(member, CATEGORY, "Sujet\u0000 avec\u001b des contrôles\u0007",
                "Texte\u0000 de la question, assez long pour passer.\u000b", null);
        long reply = Discussions.reply(member, topic, null, "Réponse\u0000 avec un NUL");
        long topicId = Long.parseLong(topic.split("/")[2]);
        try (Connection db = TestDatabase.connect()) {
            assertEquals("Sujet avec des contrôles", single(db, "SELECT title FROM forum_topic WHERE id = ?", topicId));
            assertEquals("Réponse avec un NUL", single(db, "SELECT body_markdown FROM forum_post WHERE id = ?", reply));
        }
        for (String feed : List.of("/flux/sujets", "/flux/sujet/" + topicId, "/flux/categorie/" + CATEGORY)) {
            Page atom = anonymous().get(feed);
            assertEquals(200, atom.status(), feed);
            Document xml = parseStrictly(atom.body());
            assertEquals("feed", xml.getDocumentElement().getLocalName(), feed);
        }
        // A row stored before input was cleaned (or written by hand) must not break the feeds either.
        // Sql.sql also tells the visitors' page cache, which still holds the feed read above.
        Sql.sql("UPDATE forum_topic SET title = ? WHERE id = ?", "Ancien\u0001 titre", topicId);
        Page atom = anonymous().get("/flux/sujet/" + topicId);
        assertTrue(parseStrictly(atom.body()).getDocumentElement().getTextContent().contains("Ancien titre"), atom.body());
    }

    @Test
    void anUploadFormSentAsAPlainFormIsAFormWithoutAFileNever500() throws Exception {
        WebClient member = anonymous();
        member.registerNewMember("simple", "un mot de passe assez long");
        Page sent = member.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic")
                .set("title", "Un sujet envoyé sans multipart")
                .set("body", "Le formulaire déclare multipart, le client envoie un formulaire simple.")
                .submitAsPlainForm("submit");
        assertEquals(302, sent.status(), sent.mainText());
        assertTrue(member.follow(sent).mainText().contains("Un sujet envoyé sans multipart"));
    }

    @Test
    void aViewStateIssuedForAnotherPageOfTheSameSessionIsRefused() throws Exception {
        WebClient member = anonymous();
        member.registerNewMember("etat", "un mot de passe assez long");
        String issuedForAccount = member.get("/compte").viewState();
        String title = "Un sujet envoyé avec l'état de vue d'une autre page";
        Page refused = member.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic")
                .set("title", title).set("body", "Le texte tapé doit revenir, le sujet ne doit pas être créé.")
                .replayedBy(member, issuedForAccount).submit();
        assertEquals(400, refused.status(), refused.mainText());
        assertTrue(refused.body().contains("Le texte tapé doit revenir"), "the typed text is shown again");
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM forum_topic WHERE title = ?", title));
        Page own = member.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic")
                .set("title", title).set("body", "Avec l'état de vue de sa propre page, le sujet est créé.").submit();
        assertEquals(302, own.status(), own.mainText());
    }

    /** The view state travels in the page (ADR 0032): one issued to another member, valid and signed, opens nothing. */
    @Test
    void aViewStateIssuedToAnotherSessionIsRefused() throws Exception {
        WebClient owner = anonymous();
        owner.registerNewMember("etat-a", "un mot de passe assez long");
        String ownersState = owner.get("/nouveau-sujet?categorie=" + CATEGORY).viewState();
        WebClient other = anonymous();
        other.registerNewMember("etat-b", "un mot de passe assez long");
        String title = "Un sujet envoyé avec l'état de vue d'une autre personne";
        Page refused = other.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic")
                .set("title", title).set("body", "Un état de vue valide, mais pas le sien : refusé comme expiré.")
                .replayedBy(other, ownersState).submit();
        assertEquals(400, refused.status(), refused.mainText());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM forum_topic WHERE title = ?", title));
    }

    private static Document parseStrictly(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void payaraMetricsAndOpenApiAreNotPublic() throws Exception {
        for (String path : List.of("/metrics", "/metrics/base", "/openapi")) {
            Page page = anonymous().get(path);
            assertTrue(page.status() == 404 || page.status() == 403, path + " answered " + page.status() + ": "
                    + page.body().substring(0, Math.min(200, page.body().length())));
            assertFalse(page.body().contains("openapi:") || page.body().contains("# TYPE"), path + " told about the server");
        }
    }

    @Test
    void aSessionOpensOnlyWithItsCookiesNeverFromItsAddressNorFromItsIdAlone() throws Exception {
        WebClient victim = anonymous();
        victim.registerNewMember("cookies", "une phrase de passe tranquille");
        String id = victim.cookie("JSESSIONID").orElseThrow();
        String binding = victim.cookie("MARE_SESSION").orElseThrow(() -> new AssertionError("no binding cookie at login"));
        assertTrue(java.util.Base64.getUrlDecoder().decode(binding).length >= 16, "at least 128 random bits: " + binding);
        assertEquals(200, victim.get("/compte").status());

        java.net.http.HttpClient bare = WebClient.bareClient();
        // The id in the address is not a way in (cookies only).
        var inAddress = bare.send(java.net.http.HttpRequest.newBuilder(base.toURI().resolve("compte;jsessionid=" + id)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, inAddress.statusCode(), inAddress.body());
        assertEquals("/compte", inAddress.headers().firstValue("Location").orElse(""), "sent to the address without the id");
        assertFalse(victim.get("/").body().contains("jsessionid="), "no session id written in links");
        assertEquals(200, victim.get("/compte").status(), "the address did not touch the session");

        // The session id alone, without its binding cookie, opens nothing.
        var idAlone = bare.send(java.net.http.HttpRequest.newBuilder(base.toURI().resolve("compte"))
                .header("Cookie", "JSESSIONID=" + id).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, idAlone.statusCode(), idAlone.body());
        assertFalse(idAlone.body().contains("cookies-"), "nothing of the account shown");
        var again = bare.send(java.net.http.HttpRequest.newBuilder(base.toURI().resolve("compte"))
                .header("Cookie", "JSESSIONID=" + id).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(again.headers().firstValue("Location").orElse("").startsWith("/connexion"), "still not logged in");
        assertTrue(idAlone.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=;") && c.contains("Max-Age=0")),
                "the client is told to forget the id: " + idAlone.headers().allValues("Set-Cookie"));
        // And it closes nothing: the session is still its owner's, who holds both cookies.
        Page owner = victim.get("/compte");
        assertEquals(200, owner.status(), "the victim is still logged in");
        assertTrue(owner.body().contains("cookies-"), "and still sees their account");
    }

    private static String single(Connection db, String query, long id) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(query)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), query + " " + id);
                return rows.getString(1);
            }
        }
    }

    /** The status line, headers and the beginning of the body, as far as the server sends them. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while (text.length() < 64 * 1024 && (read = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (text.indexOf("</html>") >= 0) {
                    break;
                }
            }
        } catch (IOException resetOrTimeout) {
            // what arrived before the server closed is the answer
        }
        return text.toString();
    }
}
