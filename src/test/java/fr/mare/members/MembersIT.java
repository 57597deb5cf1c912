package fr.mare.members;

import fr.mare.testing.Collectives;
import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.TestMail;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Form;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static fr.mare.testing.Sql.count;
import static fr.mare.testing.Sql.sql;
import static fr.mare.testing.Sql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13, account administration ({@code /admin/comptes}) and « Vos données »
 * ({@code /mes-donnees}), end to end through the pages as a browser without JavaScript, with the
 * effects read in the database and the reset mail received by GreenMail.
 */
class MembersIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    private static long id(String username) throws Exception {
        return count("SELECT id FROM account WHERE username = ?", username);
    }

    private static String role(long id) throws Exception {
        return text("SELECT role FROM account WHERE id = ?", id);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void anAdministratorFindsAnAccountSeesItsActivityAndChangesItsRole() throws Exception {
        Member camille = member("camille");
        String topic = Discussions.ask(camille.client(), CATEGORY, "Partager un dossier sans compte " + camille.name(),
                "Comment partager un dossier avec quelqu'un qui n'a pas de compte ?", null);
        long account = id(camille.name());
        WebClient admin = admin();

        Page byName = admin.get("/admin/comptes?q=" + q(camille.name()));
        assertEquals(200, byName.status());
        assertEquals(1, byName.html().select("tr.account-row[data-username=" + camille.name() + "]").size(), byName.mainText());
        Page byEmail = admin.get("/admin/comptes?q=" + q(Names.email(camille.name()).toUpperCase()));
        assertEquals(1, byEmail.html().select("tr.account-row").size(), "found by e-mail, whatever its case: " + byEmail.mainText());
        Page wildcard = admin.get("/admin/comptes?q=" + q("%_"));
        assertEquals(200, wildcard.status(), "LIKE wildcards are searched as text");
        Page first = admin.get("/admin/comptes");
        assertTrue(first.html().select("tr.account-row").size() <= 25, "a page holds at most 25 accounts");

        Page page = admin.get("/admin/comptes?compte=" + account);
        assertEquals(200, page.status());
        String text = page.mainText();
        assertTrue(text.contains("Un message"), text);
        assertTrue(text.contains("Un sujet ouvert"), text);
        assertTrue(page.html().getElementById("latest-topics").text().contains("Partager un dossier sans compte"), text);
        assertTrue(page.html().getElementById("latest-topics").selectFirst("a").attr("href").endsWith(topic));
        assertTrue(page.html().getElementById("account-email").text().contains(Names.email(camille.name())));
        assertEquals("Membre", page.html().getElementById("account-role").text());
        assertEquals(404, admin.get("/admin/comptes?compte=999999999").status(), "an unknown account");

        Page unconfirmed = page.form("role").set("newRole", "MODERATOR").submit();
        assertEquals(200, unconfirmed.status(), "without the confirmation, the page again with its message");
        assertTrue(unconfirmed.mainText().contains("Cochez la case pour confirmer"), unconfirmed.mainText());
        assertEquals("MEMBER", role(account));

        Page done = admin.get("/admin/comptes?compte=" + account).form("role").set("newRole", "MODERATOR").set("confirmed", "on").submit();
        assertEquals(302, done.status(), done.mainText());
        assertEquals("MODERATOR", role(account));
        assertEquals(1, count("SELECT COUNT(*) FROM account_event WHERE account_id = ? AND kind = 'ROLE_CHANGED'"
                + " AND detail = 'MEMBER → MODERATOR'", account));
        assertEquals(302, camille.client().get("/compte").status(), "the member's session ended: the new role applies at the next login");
        assertEquals(200, logIn(camille.name()).get("/moderation").status(), "logged in again, the new role applies");
        Page history = admin.open(done.location());
        assertTrue(history.html().select("li.account-event[data-kind=ROLE_CHANGED]").text().contains(TestDatabase.ADMIN_USERNAME));

        // The administrator cannot change their own role, whoever else is an administrator.
        long self = id(TestDatabase.ADMIN_USERNAME);
        Page own = admin.get("/admin/comptes?compte=" + self).form("role").set("newRole", "MEMBER").set("confirmed", "on").submit();
        assertEquals(200, own.status());
        assertTrue(own.mainText().contains("Vous ne pouvez pas changer votre propre rôle"), own.mainText());
        assertEquals("ADMIN", role(self));
    }

    @Test
    void theLastAdministratorStaysAndAnotherCanBeDemoted() throws Exception {
        Member lea = member("lea");
        long leaId = id(lea.name());
        sql("UPDATE account SET role = 'ADMIN' WHERE id = ?", leaId);
        WebClient leaAdmin = logIn(lea.name());
        long root = id(TestDatabase.ADMIN_USERNAME);
        Map<Long, String> others = new HashMap<>();
        try {
            // Léa alone at the administration, for this test: the other administrators step aside in the database.
            try (var c = TestDatabase.connect(); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT id FROM account WHERE role = 'ADMIN' AND erased_at IS NULL AND id <> " + leaId)) {
                while (rs.next()) {
                    others.put(rs.getLong(1), "ADMIN");
                }
            }
            for (long other : others.keySet()) {
                sql("UPDATE account SET role = 'MODERATOR' WHERE id = ?", other);
            }
            Page refused = leaAdmin.get("/mes-donnees").form("erase").set("currentPassword", PASSWORD).set("confirmed", "on").submit();
            assertEquals(200, refused.status());
            assertTrue(refused.mainText().contains("dernier compte d'administration"), refused.mainText());
            assertNull(text("SELECT erased_at FROM account WHERE id = ?", leaId), "the last administrator is not erased");
            assertEquals("ADMIN", role(leaId));
        } finally {
            for (long other : others.keySet()) {
                sql("UPDATE account SET role = 'ADMIN' WHERE id = ?", other);
            }
        }
        // Two administrators again: the root administrator demotes Léa.
        Page demoted = admin().get("/admin/comptes?compte=" + leaId).form("role").set("newRole", "MEMBER").set("confirmed", "on").submit();
        assertEquals(302, demoted.status(), demoted.mainText());
        assertEquals("MEMBER", role(leaId));
        assertEquals("ADMIN", role(root));
        assertEquals(403, logIn(lea.name()).get("/admin/comptes").status(), "a member again");
    }

    @Test
    void resetMailAndSuspensionFromTheAccountPage() throws Exception {
        Member sam = member("sam");
        long account = id(sam.name());
        WebClient admin = admin();

        Page sent = admin.get("/admin/comptes?compte=" + account).form("reset").submit();
        assertEquals(302, sent.status(), sent.mainText());
        TestMail.Received mail = TestMail.awaitSubject(Names.email(sam.name()), "Choisir un nouveau mot de passe");
        String link = mail.localLink("/nouveau-mot-de-passe");
        assertEquals(200, anonymous().get(link).status(), "the link opens the new-password page");
        assertEquals(1, count("SELECT COUNT(*) FROM account_event WHERE account_id = ? AND kind = 'RESET_SENT'", account));
        assertEquals(200, logIn(sam.name()).get("/compte").status(), "the password still works until the link is used");

        Page noReason = admin.get("/admin/comptes?compte=" + account).form("suspend").set("confirmed", "on").submit();
        assertEquals(200, noReason.status(), "moderation's rule: a reason is required");
        assertNull(text("SELECT suspended_at FROM account WHERE id = ?", account));

        Page suspended = admin.get("/admin/comptes?compte=" + account).form("suspend")
                .set("reason", "Messages publicitaires répétés.").set("parameter", "7").set("confirmed", "on").submit();
        assertEquals(302, suspended.status(), suspended.mainText());
        assertNotNull(text("SELECT suspended_at FROM account WHERE id = ?", account));
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_action WHERE target_type = 'account' AND target_id = ? AND action = 'SUSPEND'",
                account), "journalled by moderation's own service");
        Page shown = admin.open(suspended.location());
        assertTrue(shown.html().select("li.journal-line[data-action=SUSPEND]").text().contains("Messages publicitaires"), shown.mainText());

        Page lifted = shown.form("lift").set("reason", "Échange avec la personne, c'est réglé.").submit();
        assertEquals(302, lifted.status(), lifted.mainText());
        assertNull(text("SELECT suspended_at FROM account WHERE id = ?", account));

        // Staff cannot be suspended, by moderation's rule.
        Member modo = moderator("veille");
        long modoId = id(modo.name());
        Page staff = admin.get("/admin/comptes?compte=" + modoId).form("suspend").set("reason", "Essai.").set("confirmed", "on").submit();
        assertEquals(200, staff.status());
        assertNull(text("SELECT suspended_at FROM account WHERE id = ?", modoId));
    }

    @Test
    void nobodyButAnAdministratorReachesTheAccountsPagesOrActions() throws Exception {
        Member target = member("cible");
        long account = id(target.name());
        WebClient admin = admin();
        Page adminPage = admin.get("/admin/comptes?compte=" + account);
        Form role = adminPage.form("role").set("newRole", "ADMIN").set("confirmed", "on");
        Form reset = adminPage.form("reset");
        Form suspend = adminPage.form("suspend").set("reason", "Essai.").set("confirmed", "on");

        assertEquals(302, anonymous().get("/admin/comptes").status(), "a visitor is sent to log in");
        for (WebClient caller : new WebClient[]{loggedIn("curieux"), moderator("veilleur").client(), target.client()}) {
            assertEquals(403, caller.get("/admin/comptes").status());
            assertEquals(403, caller.get("/admin/comptes?compte=" + account).status());
            String viewState = caller.get("/compte").viewState();
            for (Form forged : new Form[]{role, reset, suspend}) {
                Page answer = forged.replayedBy(caller, viewState).submit();
                assertEquals(403, answer.status(), "a forged POST by a non-administrator");
            }
        }
        assertEquals("MEMBER", role(account));
        assertNull(text("SELECT suspended_at FROM account WHERE id = ?", account));
        assertEquals(0, count("SELECT COUNT(*) FROM account_event WHERE account_id = ?", account));
        assertEquals(0, TestMail.to(Names.email(target.name())).stream().filter(m -> m.subject().contains("nouveau mot de passe")).count());

        // The administrator's own form without its view state does nothing either.
        assertTrue(role.replayedBy(admin, null).submit().status() < 500);
        assertEquals("MEMBER", role(account));
    }

    @Test
    void theExportHoldsOnesOwnWritingAndNothingOfOthers() throws Exception {
        Member karim = member("karim");
        Member other = member("autre");
        String topic = Discussions.ask(karim.client(), CATEGORY, "Synchroniser un agenda " + karim.name(),
                "Ma question sur l'agenda partagé.", null);
        Discussions.reply(other.client(), topic, null, "La réponse de quelqu'un d'autre, canari-autre.");
        long reply = Discussions.reply(karim.client(), topic, null, "Merci, **ça marche** désormais.");

        Page form = karim.client().get("/mes-donnees");
        assertEquals(200, form.status());
        Page wrong = form.form("export").set("currentPassword", "pas le bon mot de passe").submit();
        assertEquals(200, wrong.status());
        assertTrue(wrong.mainText().contains("Le mot de passe actuel n'est pas le bon"), wrong.mainText());

        HttpResponse<byte[]> zip = karim.client().get("/mes-donnees").form("export").set("currentPassword", PASSWORD).download("submit");
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Map<String, String> files = unzip(zip.body());
        String json = files.get("mes-donnees.json");
        assertNotNull(json, "files: " + files.keySet());
        assertTrue(json.contains(Names.email(karim.name())), "what Mare knows: the address");
        assertTrue(json.contains("Ma question sur l'agenda partagé."), json);
        assertTrue(json.contains("Merci, **ça marche** désormais."), "the Markdown as typed");
        assertFalse(json.contains("canari-autre"), "nothing another member wrote");
        assertFalse(json.contains(other.name()), "nor their name");
        assertEquals("Merci, **ça marche** désormais.", files.get("messages/" + reply + ".md").replaceFirst("(?s)^<!--.*?-->\\n\\n", ""));
        assertTrue(files.containsKey("LISEZMOI.txt"));
        assertFalse(String.join("", files.values()).contains("canari-autre"));
    }

    /** Creates a collective administered by {@code admin} (through its page) and returns its slug. */
    private static String collective(Member admin, String name) {
        return Collectives.create(admin.client(), name);
    }

    /** Writes to a collective through its profile's « Contacter » link; returns the conversation's path. */
    private static String contact(Member sender, String slug, String subject, String body) {
        String href = sender.client().get("/voisins/" + slug).html().getElementById("contact-link").attr("href");
        Page sent = sender.client().get(href.substring(href.indexOf("/messages"))).form("contact")
                .set("subject", subject).set("body", body).submit();
        assertEquals(302, sent.status(), sent.mainText());
        return sent.location().substring(sent.location().indexOf("/messages/"));
    }

    private static Map<String, String> export(Member member) throws IOException {
        HttpResponse<byte[]> zip = member.client().get("/mes-donnees").form("export").set("currentPassword", PASSWORD).download("submit");
        assertEquals(200, zip.statusCode());
        return unzip(zip.body());
    }

    @Test
    void theExportHoldsTheConversationsWithCollectivesWrittenOrReceived() throws Exception {
        Member sender = member("ecrit");
        Member admin = member("recoit");
        String slug = collective(admin, "Ressourcerie " + Names.username("r").replace("-", ""));
        String conversation = contact(sender, slug, "Des meubles à donner", "Bonjour, nous avons **trois tables** à donner.");
        assertEquals(302, admin.client().get(conversation).form("reply").set("body", "Merci, nous passons samedi.").submit().status());
        long id = Long.parseLong(conversation.substring(conversation.lastIndexOf('/') + 1));

        Map<String, String> mine = export(sender);
        String json = mine.get("mes-donnees.json");
        assertTrue(json.contains("\"conversationsAvecDesCollectifs\""), json);
        assertTrue(json.contains("Des meubles à donner") && json.contains("Bonjour, nous avons **trois tables** à donner."),
                "the sender's own message, as typed: " + json);
        assertTrue(json.contains("Merci, nous passons samedi."), "and the answer they received");
        String file = mine.get("messages-avec-des-collectifs/" + id + ".md");
        assertNotNull(file, "one Markdown file per conversation: " + mine.keySet());
        assertTrue(file.indexOf("trois tables") < file.indexOf("nous passons samedi"), "oldest first: " + file);
        assertFalse(json.contains(Names.email(admin.name())), "no one else's address");

        String received = export(admin).get("mes-donnees.json");
        assertTrue(received.contains("Des meubles à donner") && received.contains("trois tables"),
                "the collective's admin finds the conversation they received: " + received);

        // A message that moderation hid: its author keeps their text, the other side reads what the page says.
        sql("UPDATE contact_message SET hidden_at = NOW(6), hidden_reason = 'Essai de masquage', hidden_by = "
                + "(SELECT id FROM account WHERE username = ?) WHERE conversation_id = ? AND body_markdown LIKE 'Merci%'",
                TestDatabase.ADMIN_USERNAME, id);
        String after = export(sender).get("mes-donnees.json");
        assertFalse(after.contains("nous passons samedi"), "a hidden message of another is not in the export");
        assertTrue(after.contains("masqué par la modération"), after);
        assertTrue(export(admin).get("mes-donnees.json").contains("nous passons samedi"), "its author still has it");
    }

    @Test
    void downloadsOfOnesDataAreLimitedPerHour() throws Exception {
        Member member = member("archiviste");
        for (int i = 0; i < 5; i++) {
            export(member);
        }
        Page refused = member.client().get("/mes-donnees").form("export").set("currentPassword", PASSWORD).submit();
        assertEquals(429, refused.status(), "mare.limits.data-requests (5 an hour): " + refused.mainText());
        assertTrue(refused.mainText().contains("plusieurs fois dans l'heure"), refused.mainText());
    }

    @Test
    void theOnlyAdminOfACollectiveWithMembersHandsItOverBeforeErasure() throws Exception {
        Member alone = member("seule");
        Member other = member("membre");
        String name = "Jardin " + Names.username("j").replace("-", "");
        String slug = collective(alone, name);
        String page = "/voisins/" + slug;
        assertEquals(302, alone.client().get(page).form("manage").set("username", other.name()).submit().status());
        assertEquals(302, other.client().get(page).form("invitation").submit().status());
        long account = id(alone.name());

        Page data = alone.client().get("/mes-donnees");
        assertEquals(1, data.html().select("#collectives-run-alone li.collective-run-alone[data-slug=" + slug + "]").size(),
                "the page warns before anything is typed: " + data.mainText());
        assertTrue(data.html().getElementById("collectives-run-alone").text().contains("nommez d'abord"), data.mainText());
        Page refused = data.form("erase").set("currentPassword", PASSWORD).set("confirmed", "on").submit();
        assertEquals(200, refused.status());
        assertTrue(refused.mainText().contains("seul·e admin de « " + name + " »"), refused.mainText());
        assertNull(text("SELECT erased_at FROM account WHERE id = ?", account), "not erased while the collective needs them");

        // Another admin named from the collective's page: the erasure goes through, the collective keeps an admin.
        assertEquals(302, alone.client().get(page).form("manage").set("username", other.name()).submit("appoint").status());
        Page erased = alone.client().get("/mes-donnees").form("erase").set("currentPassword", PASSWORD).set("confirmed", "on").submit();
        assertEquals(302, erased.status(), erased.mainText());
        assertEquals(1, count("SELECT COUNT(*) FROM collective_member m JOIN collective c ON c.id = m.collective_id"
                + " WHERE c.slug = ? AND m.role = 'ADMIN' AND m.status = 'ACTIVE'", slug));
    }

    @Test
    void aCollectiveLeftWithoutAdminIsHandedOverByTheSiteAdministration() throws Exception {
        Member founder = member("fondatrice");
        Member next = member("relais");
        String name = "Chorale " + Names.username("c").replace("-", "");
        String slug = collective(founder, name);
        Page warned = founder.client().get("/mes-donnees");
        assertTrue(warned.html().getElementById("collectives-run-alone").text().contains("restera, sans admin"), warned.mainText());
        assertEquals(302, warned.form("erase").set("currentPassword", PASSWORD).set("confirmed", "on").submit().status(),
                "alone in their collective, the member may go");

        WebClient admin = admin();
        Page list = admin.get("/admin/comptes");
        assertEquals(1, list.html().select("#orphan-collectives li.orphan-collective[data-slug=" + slug + "]").size(), list.mainText());
        long account = id(next.name());
        Page unconfirmed = admin.get("/admin/comptes?compte=" + account).form("handover").set("collective", "/voisins/" + slug).submit();
        assertEquals(200, unconfirmed.status(), "not without the confirmation");
        Page unknown = admin.get("/admin/comptes?compte=" + account).form("handover").set("collective", "pas-un-collectif-" + slug)
                .set("confirmed", "on").submit();
        assertEquals(200, unknown.status());
        assertTrue(unknown.mainText().contains("Aucun collectif n'a cette adresse"), unknown.mainText());

        Page done = admin.get("/admin/comptes?compte=" + account).form("handover")
                .set("collective", "http://mare.example/voisins/" + slug).set("confirmed", "on").submit();
        assertEquals(302, done.status(), done.mainText());
        assertEquals(1, count("SELECT COUNT(*) FROM collective_member m JOIN collective c ON c.id = m.collective_id"
                + " WHERE c.slug = ? AND m.account_id = ? AND m.role = 'ADMIN' AND m.status = 'ACTIVE'", slug, account));
        assertEquals(1, count("SELECT COUNT(*) FROM account_event WHERE account_id = ? AND kind = 'COLLECTIVE_ADMIN'"
                + " AND actor_id = ? AND detail LIKE ?", account, id(TestDatabase.ADMIN_USERNAME), "%" + name + "%"), "journalled");
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND text_key = 'directory.notice.handedOver'",
                account), "the new admin is told");
        assertTrue(admin.open(done.location()).html().select("li.account-event[data-kind=COLLECTIVE_ADMIN]").size() == 1);
        assertTrue(admin.get("/admin/comptes").html().select("li.orphan-collective[data-slug=" + slug + "]").isEmpty(),
                "no longer without an admin");
        assertNotNull(next.client().get("/voisins/" + slug).html().getElementById("manage"), "the new admin runs the collective");
        Page twice = admin.get("/admin/comptes?compte=" + account).form("handover").set("collective", slug).set("confirmed", "on").submit();
        assertEquals(200, twice.status());
        assertTrue(twice.mainText().contains("déjà admin"), twice.mainText());
    }

    @Test
    void erasureKeepsPostsUnderFormerMemberAndForgetsThePerson() throws Exception {
        Member zoe = member("zoe");
        Member other = member("voisin");
        String topic = Discussions.ask(other.client(), CATEGORY, "Un agenda pour l'association " + other.name(), "Que conseillez-vous ?", null);
        long kept = Discussions.reply(zoe.client(), topic, null, "Le calendrier partagé de Nextcloud, avec des invitations.");
        long account = id(zoe.name());
        WebClient secondSession = logIn(zoe.name());
        String email = Names.email(zoe.name());

        Page unconfirmed = zoe.client().get("/mes-donnees").form("erase").set("currentPassword", PASSWORD).submit();
        assertEquals(200, unconfirmed.status(), "not without the confirmation");
        Page wrong = zoe.client().get("/mes-donnees").form("erase").set("currentPassword", "mauvais").set("confirmed", "on").submit();
        assertEquals(200, wrong.status());
        assertNull(text("SELECT erased_at FROM account WHERE id = ?", account));

        Page erased = zoe.client().get("/mes-donnees").form("erase").set("currentPassword", PASSWORD).set("confirmed", "on").submit();
        assertEquals(302, erased.status(), erased.mainText());
        assertTrue(erased.location().endsWith("/compte-supprime"), erased.location());
        assertEquals(200, zoe.client().open(erased.location()).status());

        assertNotNull(text("SELECT erased_at FROM account WHERE id = ?", account));
        assertEquals(0, count("SELECT COUNT(*) FROM account WHERE email = ? OR username = ? OR display_name = ?", email, zoe.name(), zoe.name()),
                "address, username and display name are gone from the database");
        assertEquals("ancien membre", text("SELECT display_name FROM account WHERE id = ?", account));
        assertEquals(0, count("SELECT COUNT(*) FROM account_token WHERE account_id = ?", account));
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE recipient_id = ?", account));
        assertEquals(0, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", email), "their mails forget the address");
        assertEquals(1, count("SELECT COUNT(*) FROM account_event WHERE account_id = ? AND kind = 'ERASED' AND detail LIKE 'messages gardés%'", account));
        assertNull(text("SELECT deleted_at FROM forum_post WHERE id = ?", kept), "the post is kept");

        assertEquals(302, secondSession.get("/compte").status(), "every other session ended");
        assertNotEquals(302, anonymous().login(zoe.name(), PASSWORD).status(), "nobody logs in as them any more");
        Page thread = anonymous().get(topic);
        String threadText = thread.mainText();
        assertTrue(threadText.contains("Le calendrier partagé de Nextcloud"), "the post stays");
        assertTrue(thread.html().getElementById("post-" + kept + "-author").text().contains("ancien membre"), threadText);
        assertFalse(thread.body().contains(zoe.name()), "neither their name nor a link to it on the topic page");
        assertEquals(404, anonymous().get("/u/" + zoe.name()).status(), "no profile under the old name");
        assertEquals(404, anonymous().get("/u/ancien-membre-" + account).status(), "nor under the new one");
        assertFalse(anonymous().get("/recherche?q=" + q(zoe.name())).mainText().contains(zoe.name()), "search shows no name");

        // The name stays reserved: nobody registers it to pass for them.
        Page taken = anonymous().register(zoe.name(), Names.email(Names.username("nouvelle")), PASSWORD);
        assertEquals(200, taken.status(), "registration refused: " + taken.status());
        assertEquals(0, count("SELECT COUNT(*) FROM account WHERE username = ?", zoe.name()));
        assertEquals(200, anonymous().register("ancien-membre-" + (account + 1000), Names.email(Names.username("faux")), PASSWORD).status(),
                "nor the placeholder names of erased accounts");
    }

    @Test
    void erasureOnRequestDeletesThePostsWithATrace() throws Exception {
        Member ines = member("ines");
        Member other = member("voisine");
        String topic = Discussions.ask(other.client(), CATEGORY, "Partage de fichiers " + other.name(), "Quelle taille maximale ?", null);
        String canary = "zorglub" + Names.username("x").replaceAll("[^a-z]", "");
        long removed = Discussions.reply(ines.client(), topic, null, "Cela dépend de l'hébergeur, " + canary + ".");
        long account = id(ines.name());

        Page erased = ines.client().get("/mes-donnees").form("erase").set("currentPassword", PASSWORD)
                .set("removePosts", "on").set("confirmed", "on").submit();
        assertEquals(302, erased.status(), erased.mainText());
        assertNotNull(text("SELECT deleted_at FROM forum_post WHERE id = ?", removed), "soft-deleted: the row is the trace");
        assertEquals(1, count("SELECT COUNT(*) FROM account_event WHERE account_id = ? AND kind = 'ERASED' AND detail LIKE '1 messages supprimés%'",
                account));
        Page thread = anonymous().get(topic);
        assertFalse(thread.mainText().contains(canary), "readers no longer see the text");
        assertTrue(thread.mainText().contains("Quelle taille maximale"), "the others' posts stay");
        long deadline = System.currentTimeMillis() + 15_000;
        boolean found;
        do {
            found = anonymous().get("/recherche?q=" + canary).body().contains(topic);
            Thread.sleep(200);
        } while (found && System.currentTimeMillis() < deadline);
        assertFalse(found, "search no longer finds the deleted post's text");
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
