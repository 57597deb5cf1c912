package fr.mare.notification;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestMail;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static fr.mare.testing.Sql.count;
import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notification mails end to end against GreenMail (issue #13, docs/adr/0021): a reply to one's
 * question mailed at once with the RFC 8058 headers, the one-click unsubscribe (POST, no login,
 * from another site) and its confirmation page (GET changes nothing), mentions gathered in the
 * daily digest with only what is still unread, « jamais » chosen on /compte, nothing to
 * an unproven address, and a contact message reaching a collective's admin without any address.
 */
class NotificationMailIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    /** A member whose address is proven (notification mails go only there). */
    private Member proven(String prefix) throws Exception {
        Member m = member(prefix);
        TestMail.confirmAddress(m.client(), Names.email(m.name()));
        return m;
    }

    /** Text as a reader sees it: French typography's no-break spaces as plain ones. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static long outbox(String to, String kind) throws Exception {
        return count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = ?", to, kind);
    }

    @Test
    void aReplyIsMailedAtOnceAndOneClickTurnsThatKindOff() throws Exception {
        Member asker = proven("demandeuse");
        Member helper = member("aidant");
        String to = Names.email(asker.name());
        String topic = Discussions.ask(asker.client(), CATEGORY, "Partager un agenda " + Names.username("t"), "Comment faire ?", null);
        Discussions.reply(helper.client(), topic, null, "Avec le calendrier de Nextcloud.");

        TestMail.Received mail = TestMail.awaitSubject(to, "a répondu à votre question");
        assertTrue(plain(mail.subject()).startsWith(helper.name() + " a répondu à votre question « Partager un agenda"), mail.subject());
        assertTrue(mail.message().getContentType().startsWith("multipart/alternative"));
        assertNotNull(mail.html());
        assertTrue(mail.html().contains("lang=\"fr\""));
        assertTrue(mail.link(topic).getQuery().startsWith("message="), "the link leads to the reply");
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));
        String header = mail.header("List-Unsubscribe");
        assertTrue(header.startsWith("<http") && header.endsWith(">") && header.contains("/courriels/desabonnement?"), header);
        assertFalse(mail.text().contains(Names.email(helper.name())), "no one's address in the mail");

        // RFC 8058: the mail client POSTs, without cookies, possibly from its web interface (another site).
        URI oneClick = URI.create(header.substring(1, header.length() - 1));
        String local = oneClick.getRawPath() + "?" + oneClick.getRawQuery();
        HttpResponse<String> forged = oneClickPost(anonymous().resolve(local.replace("jeton=", "jeton=x")));
        assertEquals(404, forged.statusCode(), "a wrong token changes nothing");
        assertEquals(0, count("SELECT COUNT(*) FROM notification_mail_choice c JOIN account a ON a.id = c.account_id"
                + " WHERE a.username = ?", asker.name()));
        Page get = anonymous().get(local);
        assertEquals(303, get.status(), "a GET of the header's address leads to the page that asks");
        Page asks = anonymous().follow(get);
        assertEquals(200, asks.status());
        assertTrue(asks.mainText().contains("Réponses à mes questions et à mes messages"), asks.mainText());
        assertEquals(0, count("SELECT COUNT(*) FROM notification_mail_choice c JOIN account a ON a.id = c.account_id"
                + " WHERE a.username = ?", asker.name()), "opening the links changes nothing");

        HttpResponse<String> done = oneClickPost(anonymous().resolve(local));
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(1, count("SELECT COUNT(*) FROM notification_mail_choice c JOIN account a ON a.id = c.account_id"
                + " WHERE a.username = ? AND c.category = 'REPLY' AND c.mode = 'NEVER'", asker.name()));
        Discussions.reply(helper.client(), topic, null, "Ou avec un lien public.");
        assertEquals(2, count("SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.recipient_id WHERE a.username = ?",
                asker.name()), "still told in the app");
        assertEquals(1, outbox(to, "notification"), "but no longer by mail");

        // The page's own button works the same way (here for a person who clicked the mail's link).
        Page page = anonymous().get(mail.localLink("/desabonnement"));
        assertEquals(200, page.status());
        Page confirmed = page.form("unsubscribe").submit();
        assertEquals(302, confirmed.status(), confirmed.mainText());
        assertTrue(anonymous().follow(confirmed).status() == 200);
        assertEquals(404, anonymous().get("/desabonnement?compte=1&type=reply&jeton=faux").status());
    }

    private static HttpResponse<String> oneClickPost(URI target) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://webmail.example")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build();
        return WebClient.bareClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mentionsWaitForTheDigestWhichHoldsOnlyWhatIsUnreadAndNeverMeansNever() throws Exception {
        Member named = proven("nommee");
        Member author = member("auteur");
        String to = Names.email(named.name());
        String first = Discussions.ask(author.client(), CATEGORY, "Première question " + Names.username("a"), "Qui sait ?", null);
        String second = Discussions.ask(author.client(), CATEGORY, "Seconde question " + Names.username("b"), "Et ici ?", null);
        Discussions.reply(author.client(), first, null, "Peut-être @" + named.name() + " ?");
        Discussions.reply(author.client(), second, null, "Et encore @" + named.name() + ".");
        assertEquals(0, outbox(to, "notification"), "a mention goes to the digest by default");
        assertEquals(1, count("SELECT COUNT(*) FROM notification_digest d JOIN account a ON a.id = d.account_id"
                + " WHERE a.username = ? AND d.pending_since IS NOT NULL", named.name()));

        // Read in the app meanwhile: the second topic's mention; then the digest hour comes.
        sql("UPDATE notification n JOIN forum_topic t ON t.id = n.topic_id SET n.read_at = NOW(6) WHERE t.title LIKE 'Seconde question%'"
                + " AND n.recipient_id = (SELECT id FROM account WHERE username = ?)", named.name());
        sql("UPDATE notification_digest SET pending_since = pending_since - INTERVAL 2 DAY"
                + " WHERE account_id = (SELECT id FROM account WHERE username = ?)", named.name());
        TestMail.Received digest = TestMail.awaitSubject(to, "Votre résumé Mare");
        assertEquals("Votre résumé Mare : une notification non lue", plain(digest.subject()));
        assertTrue(plain(digest.text()).contains(author.name() + " vous a mentionné·e dans « Première question"), digest.text());
        assertFalse(digest.text().contains("Seconde question"), "what was read in the app is not repeated");
        assertEquals("List-Unsubscribe=One-Click", digest.header("List-Unsubscribe-Post"));
        assertTrue(digest.text().contains("/compte#courriels"));
        assertEquals(1, outbox(to, "digest"));
        sql("UPDATE notification_digest SET last_sent_at = last_sent_at - INTERVAL 2 DAY"
                + " WHERE account_id = (SELECT id FROM account WHERE username = ?)", named.name());
        Thread.sleep(2500);
        assertEquals(1, outbox(to, "digest"), "nothing new: no second digest");

        // « Jamais » for mentions, chosen on /compte without JavaScript.
        Page settings = named.client().get("/compte");
        assertEquals(200, settings.status());
        assertEquals("IMMEDIATE", settings.html().selectFirst("input[name='mails:reply'][checked]").val(), "the defaults");
        assertEquals("DIGEST", settings.html().selectFirst("input[name='mails:mention'][checked]").val());
        assertEquals("IMMEDIATE", settings.html().selectFirst("input[name='mails:contact'][checked]").val());
        Page saved = settings.form("mails").set("reply", "IMMEDIATE").set("mention", "NEVER").set("solution", "DIGEST")
                .set("contact", "IMMEDIATE").set("moderation", "DIGEST").set("invitation", "DIGEST").submit();
        assertEquals(302, saved.status(), saved.mainText());
        assertEquals("NEVER", named.client().get("/compte").html().selectFirst("input[name='mails:mention'][checked]").val());
        Discussions.reply(author.client(), first, null, "Toujours @" + named.name() + ".");
        assertEquals(0, count("SELECT COUNT(*) FROM notification_digest d JOIN account a ON a.id = d.account_id"
                + " WHERE a.username = ? AND d.pending_since IS NOT NULL", named.name()), "never: not even in the digest");
        assertEquals(0, outbox(to, "notification"));
    }

    /**
     * The two kinds whose default is the digest, chosen « tout de suite »: a moderation decision on
     * one's post and an invitation to a collective each arrive as their own mail, with its headers.
     */
    @Test
    void moderationDecisionsAndInvitationsChosenImmediateAreMailedAtOnce() throws Exception {
        Member member = proven("choisit");
        String to = Names.email(member.name());
        Page saved = member.client().get("/compte").form("mails").set("reply", "IMMEDIATE").set("mention", "DIGEST")
                .set("solution", "DIGEST").set("contact", "IMMEDIATE").set("moderation", "IMMEDIATE").set("invitation", "IMMEDIATE").submit();
        assertEquals(302, saved.status(), saved.mainText());

        Member admin = member("invite");
        String slug = fr.mare.testing.Collectives.create(admin.client(), "Atelier vélo " + Names.username("v").replace("-", ""));
        assertEquals(302, admin.client().get("/voisins/" + slug).form("manage").set("username", member.name()).submit().status());
        TestMail.Received invitation = TestMail.awaitSubject(to, "vous invite à rejoindre le collectif");
        assertTrue(invitation.link("/voisins/" + slug).toString().startsWith("http"), invitation.text());
        assertEquals("List-Unsubscribe=One-Click", invitation.header("List-Unsubscribe-Post"));

        String topic = Discussions.ask(admin.client(), CATEGORY, "Régler un dérailleur " + Names.username("d"), "Des conseils ?", null);
        long post = Discussions.reply(member.client(), topic, null, "Une réponse que la modération va masquer.");
        WebClient moderator = moderator("tranche").client();
        assertEquals(302, moderator.get("/moderation/cible?cible=post:" + post).form("act-post-" + post)
                .set("action", "HIDE").set("reason", "hors sujet").submit().status());
        TestMail.Received decision = TestMail.awaitSubject(to, "La modération a masqué votre contenu");
        assertTrue(plain(decision.text()).contains("hors sujet"), decision.text());
        assertNotNull(decision.header("List-Unsubscribe"));
        assertEquals(0, outbox(to, "digest"), "nothing waited for the digest");
    }

    @Test
    void anUnprovenAddressReceivesNoNotificationMail() throws Exception {
        Member asker = member("pasconfirmee");
        Member helper = member("repondant");
        String topic = Discussions.ask(asker.client(), CATEGORY, "Sans adresse confirmée " + Names.username("c"), "Alors ?", null);
        Discussions.reply(helper.client(), topic, null, "Voici.");
        assertEquals(1, count("SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.recipient_id WHERE a.username = ?",
                asker.name()), "told in the app");
        assertEquals(0, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind IN ('notification', 'digest')",
                Names.email(asker.name())));
        Page settings = asker.client().get("/compte");
        assertEquals(200, settings.status());
        assertTrue(settings.html().getElementById("unproven") != null, "the page says why: " + settings.mainText());
    }

    @Test
    void aContactMessageReachesTheCollectivesAdminByMailWithoutAnyAddress() throws Exception {
        Member admin = proven("responsable");
        Member sender = member("voisine");
        Page saved = admin.client().get("/voisins/nouveau").form("collective")
                .set("name", "Jardin partagé " + Names.username("j").replace("-", "")).set("presentation", "Nous jardinons ensemble.")
                .set("kind", "ASSOCIATION").set("region", "35").set("size", "11-50").set("visible", "on").submit();
        assertEquals(302, saved.status(), saved.mainText());
        String slug = saved.location().substring(saved.location().lastIndexOf('/') + 1);
        String href = sender.client().get("/voisins/" + slug).html().getElementById("contact-link").attr("href");
        Page sent = sender.client().get(href.substring(href.indexOf("/messages"))).form("contact")
                .set("subject", "Des graines à donner").set("body", "Bonjour, j'ai des graines de tomates.").submit();
        assertEquals(302, sent.status(), sent.mainText());

        TestMail.Received mail = TestMail.awaitSubject(Names.email(admin.name()), "écrit à votre collectif");
        assertTrue(plain(mail.subject()).contains("« Des graines à donner »"), mail.subject());
        mail.link(sent.location().substring(sent.location().indexOf("/messages/")));
        assertEquals("mare@essais.example", mail.message().getFrom()[0].toString(), "from Mare, not from the sender");
        assertEquals(null, mail.header("Reply-To"));
        assertFalse(mail.text().contains(Names.email(sender.name())) || mail.html().contains(Names.email(sender.name())),
                "the sender's address is never in it");
        assertNotNull(mail.header("List-Unsubscribe"));
    }
}
