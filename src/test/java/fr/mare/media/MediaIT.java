package fr.mare.media;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Form;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.mare.testing.Sql.count;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #15 through the pages, as a browser without JavaScript: « Envoyer l'image » in the reply
 * and tutorial forms, the refusals that keep the text, the {@code /medias/} answers and who gets
 * them, and the three ids in every other form.
 */
class MediaIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";
    private static final Pattern MEDIA = Pattern.compile("!\\[([^\\]]*)]\\((/medias/[0-9a-f]{32}\\.(?:png|jpg))\\)");

    @Test
    void aReplyGetsAScreenshotWithoutGpsWhichFollowsThePostsVisibility() throws Exception {
        Member author = member("photo");
        String topic = Discussions.ask(author.client(), CATEGORY, "Mon partage ne marche pas, voici l'écran", "Que faire ?", null);
        Form reply = author.client().get(topic).form("reply");
        String typed = "Voici ce que je vois : réglages « partage » ouverts.";

        // Without a description: refused in French, nothing typed lost.
        Page noAlt = reply.set("body", typed).attach("image", "ecran.jpg", "image/jpeg", jpegWithGps()).submit("upload");
        assertEquals(200, noAlt.status());
        assertTrue(noAlt.mainText().contains("Décrivez l'image"), noAlt.mainText());
        assertEquals(typed, noAlt.form("reply").get("body"));

        Page uploaded = noAlt.form("reply").attach("image", "ecran.jpg", "image/jpeg", jpegWithGps())
                .set("imageAlt", "Réglages de partage, lien public coché").submit("upload");
        assertEquals(200, uploaded.status(), uploaded.mainText());
        String body = uploaded.form("reply").get("body");
        assertTrue(body.startsWith(typed), body);
        Matcher markdown = MEDIA.matcher(body);
        assertTrue(markdown.find(), body);
        assertEquals("Réglages de partage, lien public coché", markdown.group(1));
        String image = markdown.group(2);
        assertEquals("", uploaded.form("reply").get("imageAlt"), "the description is not left for the next image");

        // Not published yet: its uploader's alone.
        assertEquals(200, author.client().get(image).status());
        assertEquals(404, anonymous().get(image).status());
        assertEquals(404, loggedIn("curieux").get(image).status());

        Page published = uploaded.form("reply").submit();
        assertEquals(302, published.status(), published.mainText());
        Element img = author.client().follow(published).html().selectFirst("img[src=\"" + image + "\"]");
        assertNotNull(img, "the reply shows the image");
        assertEquals("Réglages de partage, lien public coché", img.attr("alt"));
        assertEquals("40", img.attr("width"));
        assertEquals("80", img.attr("height"));
        assertEquals("lazy", img.attr("loading"));

        // A visitor's page with the image is kept and served again like any other (ADR 0019).
        WebClient visitor = anonymous();
        Element shown = visitor.get(topic).html().selectFirst("img[src=\"" + image + "\"]");
        assertNotNull(shown, "a visitor sees the image");
        // (A write elsewhere on the busy test server may change the content version once meanwhile.)
        String cached = "";
        for (int i = 0; i < 5 && !cached.equals("hit"); i++) {
            cached = String.valueOf(visitor.get(topic).header("X-Mare-Cache"));
        }
        assertEquals("hit", cached, "a page with an image is kept for visitors");
        assertTrue(visitor.cookie("JSESSIONID").isEmpty(), "no session for a visitor");

        // Served to everyone now: the right type, never sniffed, never a document, cached long.
        HttpResponse<byte[]> served = raw(image, null);
        assertEquals(200, served.statusCode());
        assertEquals("image/jpeg", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("inline", served.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(served.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        String caching = served.headers().firstValue("Cache-Control").orElse("");
        assertTrue(caching.contains("public") && caching.contains("max-age=31536000") && caching.contains("immutable"), caching);
        assertTrue(served.headers().firstValue("Set-Cookie").isEmpty(), "a visitor's image opens no session");
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, raw(image, etag).statusCode());
        // EXIF GPS in, none out: the bytes read back, as served and as stored.
        byte[] bytes = served.body();
        assertFalse(ImageFilesTest.contains(bytes, "Exif".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(ImageFilesTest.contains(bytes, "GPSMARE".getBytes(StandardCharsets.US_ASCII)));
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(40, read.getWidth(), "orientation applied");
        assertArrayEquals(bytes, Files.readAllBytes(TestDatabase.MEDIAS.resolve(image.substring("/medias/".length()))));
        assertEquals(1, count("SELECT COUNT(*) FROM media_use u JOIN media_image m ON m.id = u.media_id "
                + "WHERE m.hash = ? AND u.holder_kind = 'post'", image.substring(8, 40)));

        // Hidden by moderation: an anonymous reader of the hidden post gets 404 for its image.
        long post = Long.parseLong(published.location().replaceAll(".*#post-", ""));
        WebClient modo = moderator("veilleur").client();
        Page postPage = modo.get("/moderation/cible?cible=post:" + post);
        Element imageLink = postPage.html().selectFirst("#target-images a[id^=image-]");
        assertNotNull(imageLink, "the post's moderation page lists its images");
        String imageTarget = "image:" + imageLink.id().substring("image-".length());
        Page hidden = postPage.form("act-post-" + post)
                .set("action", "HIDE").set("reason", "capture avec des données personnelles").submit();
        assertEquals(302, hidden.status(), hidden.mainText());
        assertEquals(404, anonymous().get(image).status());
        assertEquals(404, loggedIn("autre").get(image).status());
        assertEquals(200, author.client().get(image).status(), "its author still sees their hidden post");
        assertEquals(200, modo.get(image).status());
        // Moderation hides the image itself: gone for its uploader too, journaled, not sent again.
        Page hiddenImage = modo.get("/moderation/cible?cible=" + imageTarget).form("act-" + imageTarget.replace(':', '-'))
                .set("action", "HIDE").set("reason", "adresse personnelle visible").submit();
        assertEquals(302, hiddenImage.status(), hiddenImage.mainText());
        assertEquals(404, author.client().get(image).status());
        assertEquals(200, modo.get(image).status());
        assertTrue(modo.get("/moderation/journal?cible=" + imageTarget).mainText().contains("adresse personnelle visible"));
        Page again = author.client().get(topic).form("reply").set("body", "encore").set("imageAlt", "la même")
                .attach("image", "ecran.jpg", "image/jpeg", jpegWithGps()).submit("upload");
        assertTrue(again.mainText().contains("masquée par la modération"), again.mainText());
        assertEquals(404, anonymous().get("/medias/00000000000000000000000000000000.png").status());
        assertTrue(anonymous().get("/medias/..%2Fmare.sql").status() >= 400, "no way out of the folder");
    }

    /**
     * « Signaler » for one image (ADR 0026): the report page of a post lists the images it shows,
     * each with its own link; the report goes into the moderation queue as an {@code image} target,
     * whose hide takes it from every page. Then the account erasure deletes its uploader's images
     * that no content shows, and keeps the others.
     */
    @Test
    void aReaderReportsOneImageOfAPostAndTheErasureKeepsOnlyTheShownOnes() throws Exception {
        Member author = member("capture");
        String topic = Discussions.ask(author.client(), CATEGORY, "Mon calendrier partagé, capture jointe", "Qu'en pensez-vous ?", null);
        Page uploaded = author.client().get(topic).form("reply").set("body", "Mon écran :")
                .attach("image", "agenda.png", "image/png", png(64, 48, Color.ORANGE)).set("imageAlt", "Agenda avec une adresse").submit("upload");
        Matcher markdown = MEDIA.matcher(uploaded.form("reply").get("body"));
        assertTrue(markdown.find(), uploaded.mainText());
        String image = markdown.group(2);
        Page published = uploaded.form("reply").submit();
        assertEquals(302, published.status(), published.mainText());
        long post = Long.parseLong(published.location().replaceAll(".*#post-", ""));
        // A second upload never published: its uploader's alone, erased with the account.
        Page unused = author.client().get(topic).form("reply").attach("image", "brouillon.png", "image/png", png(65, 48, Color.PINK))
                .set("imageAlt", "Brouillon").submit("upload");
        Matcher unusedMarkdown = MEDIA.matcher(unused.form("reply").get("body"));
        assertTrue(unusedMarkdown.find(), unused.mainText());
        String draft = unusedMarkdown.group(2);

        WebClient reader = loggedIn("lecteur");
        Page reportPost = reader.get("/signaler?cible=post:" + post);
        Element link = reportPost.html().selectFirst("#report-images a[id^=report-image-]");
        assertNotNull(link, "the report page of the post lists its image: " + reportPost.mainText());
        assertTrue(link.text().contains("Agenda avec une adresse"), link.text());
        String imageTarget = "image:" + link.id().substring("report-image-".length());
        Page reportImage = reader.get(link.attr("href"));
        assertEquals(200, reportImage.status(), reportImage.mainText());
        assertNotNull(reportImage.html().selectFirst("#report-image img[src=\"" + image + "\"]"), "the reader sees what they report");
        Page sent = reportImage.form("report").set("reason", "PERSONAL_DATA").set("comment", "On y lit une adresse.").submit();
        assertEquals(302, sent.status(), sent.mainText());
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_item WHERE target_type = 'image' AND target_id = ? AND status = 'OPEN'",
                Long.parseLong(imageTarget.substring(6))));
        assertEquals(404, loggedIn("autre-lecteur").get("/signaler?cible=image:999999999").status());

        WebClient modo = moderator("tri").client();
        String key = imageTarget.replace(':', '-');
        Page queue = modo.get("/moderation");
        assertNotNull(queue.html().getElementById("item-" + key), "the report is in the queue");
        Page hidden = queue.form("act-" + key).set("action", "HIDE").set("reason", "adresse personnelle").submit();
        assertEquals(302, hidden.status(), hidden.mainText());
        assertEquals(404, anonymous().get(image).status(), "hidden everywhere");
        assertTrue(modo.get("/moderation/journal?cible=" + imageTarget).mainText().contains("adresse personnelle"));

        // Erasure (posts kept): the unused upload goes, row and file; the image of the kept post
        // stays with it (still hidden: the same bytes stay refused).
        Page erased = author.client().get("/mes-donnees").form("erase").set("currentPassword", PASSWORD).set("confirmed", "on").submit();
        assertEquals(302, erased.status(), erased.mainText());
        assertEquals(0, count("SELECT COUNT(*) FROM media_image WHERE hash = ?", draft.substring(8, 40)), draft);
        assertFalse(Files.exists(TestDatabase.MEDIAS.resolve(draft.substring("/medias/".length()))), draft);
        assertEquals(1, count("SELECT COUNT(*) FROM media_image WHERE hash = ? AND hidden_at IS NOT NULL", image.substring(8, 40)));
        assertEquals(404, anonymous().get(image).status());
    }

    /** Unused uploads go after a day, rows and files; used ones stay; a dead writer's partial file goes after an hour. */
    @Test
    void unusedUploadsArePurgedAfterADay() throws Exception {
        WebClient client = loggedIn("purge");
        String topic = Discussions.ask(client, CATEGORY, "Une question pour la purge des images", "La question.", null);
        Page first = client.get(topic).form("reply").attach("image", "a.png", "image/png", png(71, 33, Color.CYAN))
                .set("imageAlt", "Publiée").submit("upload");
        Matcher kept = MEDIA.matcher(first.form("reply").get("body"));
        assertTrue(kept.find(), first.mainText());
        assertEquals(302, first.form("reply").submit().status());
        Page second = client.get(topic).form("reply").attach("image", "b.png", "image/png", png(72, 33, Color.CYAN))
                .set("imageAlt", "Oubliée").submit("upload");
        Matcher forgotten = MEDIA.matcher(second.form("reply").get("body"));
        assertTrue(forgotten.find(), second.mainText());
        String keptHash = kept.group(2).substring(8, 40);
        String goneHash = forgotten.group(2).substring(8, 40);
        fr.mare.testing.Sql.sql("UPDATE media_image SET created_at = NOW(6) - INTERVAL 2 DAY WHERE hash IN (?, ?)", keptHash, goneHash);
        java.nio.file.Path partial = Files.write(TestDatabase.MEDIAS.resolve(MediaStore.PARTIAL_PREFIX + "mort-" + System.nanoTime() + ".part"),
                new byte[] {1});
        Files.setLastModifiedTime(partial, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(2))));

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10L * TestDatabase.MEDIA_PURGE_SECONDS);
        while ((count("SELECT COUNT(*) FROM media_image WHERE hash = ?", goneHash) > 0 || Files.exists(partial))
                && System.nanoTime() < deadline) {
            Thread.sleep(200); // waiting for the scheduled purge, polled
        }
        assertEquals(0, count("SELECT COUNT(*) FROM media_image WHERE hash = ?", goneHash), "the forgotten upload is purged");
        assertFalse(Files.exists(TestDatabase.MEDIAS.resolve(forgotten.group(2).substring("/medias/".length()))), "its file too");
        assertFalse(Files.exists(partial), "the partial file of a dead writer is swept");
        assertEquals(1, count("SELECT COUNT(*) FROM media_image WHERE hash = ?", keptHash), "a published image stays");
        assertEquals(200, anonymous().get(kept.group(2)).status());
    }

    @Test
    void aTutorialGetsALargeImageShownReducedWithTheOriginalBehindAClick() throws Exception {
        WebClient writer = loggedIn("tuto");
        String title = "Partager un dossier en lien public " + System.nanoTime();
        Form form = writer.get("/tutoriels/nouveau").form("wiki")
                .set("title", title).set("section", CATEGORY).set("body", "1. Ouvrir Fichiers.").set("summary", "Avec capture");
        Page uploaded = form.attach("image", "capture.png", "image/png", png(2400, 600, Color.BLUE))
                .set("imageAlt", "Le menu Partager ouvert").submit("upload");
        assertEquals(200, uploaded.status(), uploaded.mainText());
        Form back = uploaded.form("wiki");
        assertEquals(title, back.get("title"), "every field kept");
        assertEquals("Avec capture", back.get("summary"));
        Matcher markdown = MEDIA.matcher(back.get("body"));
        assertTrue(back.get("body").startsWith("1. Ouvrir Fichiers."), back.get("body"));
        assertTrue(markdown.find(), back.get("body"));
        String original = markdown.group(2);

        Page saved = back.submit();
        assertEquals(302, saved.status(), saved.mainText());
        Page page = anonymous().open(saved.location());
        Element img = page.html().selectFirst("img[alt=\"Le menu Partager ouvert\"]");
        assertNotNull(img, page.body());
        String reduced = original.replace(".png", "-" + ImageFiles.DISPLAY_WIDTH + ".png");
        assertEquals(reduced, img.attr("src"));
        assertEquals("1200", img.attr("width"));
        assertEquals("300", img.attr("height"));
        assertEquals(original, img.parent().attr("href"), "the original behind a click");
        assertEquals(200, anonymous().get(reduced).status());
        assertEquals(2400, ImageIO.read(new ByteArrayInputStream(raw(original, null).body())).getWidth());
    }

    @Test
    void refusalsKeepTheTypedText() throws Exception {
        WebClient client = loggedIn("refus");
        String title = "Une question avec une image refusée";
        String body = "Mon texte, à ne pas perdre.";
        Form topic = client.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic").set("title", title).set("body", body)
                .set("imageAlt", "une image");

        Page svg = topic.attach("image", "logo.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8)).submit("upload");
        assertKept(svg, title, body, "n'est pas une image PNG, JPEG, WebP ou GIF");
        Page misnamed = topic.attach("image", "capture.jpg", "image/jpeg", png(10, 10, Color.RED)).submit("upload");
        assertKept(misnamed, title, body, "ne correspond pas à son nom");
        byte[] tooBig = new byte[8_500_000];
        System.arraycopy(png(10, 10, Color.RED), 0, tooBig, 0, 8);
        Page large = topic.attach("image", "grande.png", "image/png", tooBig).submit("upload");
        assertKept(large, title, body, "dépasse 8 Mo");

        // The daily quota of a new account, then a refusal with the text kept.
        for (int i = 0; i < TestDatabase.NEWCOMER_UPLOADS_PER_DAY; i++) {
            Page ok = topic.attach("image", "n" + i + ".png", "image/png", png(20 + i, 20, Color.GREEN)).submit("upload");
            assertEquals(200, ok.status(), ok.mainText());
            assertTrue(MEDIA.matcher(ok.form("topic").get("body")).find(), ok.mainText());
        }
        Page quota = topic.attach("image", "trop.png", "image/png", png(99, 20, Color.GREEN)).submit("upload");
        assertEquals(429, quota.status());
        assertTrue(quota.mainText().contains("Les comptes de moins de"), quota.mainText());
        assertEquals(title, quota.form("topic").get("title"));
        assertEquals(body, quota.form("topic").get("body"));
    }

    @Test
    void everyMarkdownFormCarriesTheThreeIds() throws Exception {
        Member member = member("formes");
        String topic = Discussions.ask(member.client(), CATEGORY, "Un sujet pour les formulaires", "La question.", null);
        long reply = Discussions.reply(member.client(), topic, null, "Une réponse.");
        assertUploadForm(member.client().get("/nouveau-sujet").form("topic"));
        assertUploadForm(member.client().get(topic).form("reply"));
        assertUploadForm(member.client().get(topic + "?repondre=" + reply).formEndingWith("replyTo"));
        assertUploadForm(member.client().get(topic + "?modifier=" + reply).formEndingWith("edit"));
        assertUploadForm(member.client().get("/tutoriels/nouveau").form("wiki"));
        assertUploadForm(member.client().get("/voisins/nouveau").form("collective"));

        // The collective form writes into its presentation, and keeps its plain fields.
        Page uploaded = member.client().get("/voisins/nouveau").form("collective").set("name", "Les Voisins Photographes")
                .set("presentation", "Nous aidons.").attach("image", "logo.gif", "image/gif", gif())
                .set("imageAlt", "Notre logo").submit("upload");
        assertEquals(200, uploaded.status(), uploaded.mainText());
        assertEquals("Les Voisins Photographes", uploaded.form("collective").get("name"));
        assertTrue(MEDIA.matcher(uploaded.form("collective").get("presentation")).find(),
                uploaded.form("collective").get("presentation"));
    }

    private static void assertUploadForm(Form form) {
        assertTrue(form.hasFile("image"), "file input");
        assertTrue(form.has("imageAlt"), "description");
        assertTrue(form.hasButton("upload"), "upload button");
    }

    private static void assertKept(Page page, String title, String body, String message) {
        assertEquals(200, page.status());
        assertTrue(page.mainText().contains(message), page.mainText());
        assertEquals(title, page.form("topic").get("title"));
        assertEquals(body, page.form("topic").get("body"));
        assertFalse(MEDIA.matcher(page.form("topic").get("body")).find(), "no image added");
    }

    /** An 80 × 40 JPEG stored sideways (EXIF orientation 6) with GPS data. */
    private static byte[] jpegWithGps() throws IOException {
        BufferedImage image = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
        return ImageFilesTest.withExif(ImageFilesTest.encode(image, "jpeg"), 6);
    }

    private static byte[] png(int width, int height, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return ImageFilesTest.encode(image, "png");
    }

    private static byte[] gif() throws IOException {
        return ImageFilesTest.encode(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "gif");
    }

    /** A visitor's GET of an image, its bytes as they come ({@code etag}: If-None-Match, or null). */
    private HttpResponse<byte[]> raw(String path, String etag) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path.substring(1)));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return WebClient.bareClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
