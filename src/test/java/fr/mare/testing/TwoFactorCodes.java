package fr.mare.testing;

import fr.mare.account.Totp;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authenticator app of the tests (ADR 0023): enrols an account through its page as a person
 * would (reads the secret the page shows, answers with the current code, keeps the backup codes
 * shown once) and answers the login's second step. Moderators and administrators need a second
 * factor before their pages, so {@link WebClient#login} goes through here for them; nothing is
 * weakened on the server for the tests.
 * <p>
 * A code is accepted once (the server stores its step), so a second login within the same 30 s
 * takes the next step's code (accepted one step early), then a backup code, and only then waits.
 */
public final class TwoFactorCodes {

    /** What the test "phone" holds for one account. */
    public static final class Device {
        public final byte[] secret;
        long lastStep;
        public final Deque<String> backupCodes = new ArrayDeque<>();

        Device(byte[] secret, long lastStep) {
            this.secret = secret;
            this.lastStep = lastStep;
        }

        /** A code the server has not seen yet. */
        public synchronized String nextCode() {
            long now = Totp.step(Instant.now());
            for (long step = now - 1; step <= now + 1; step++) {
                if (step > lastStep) {
                    lastStep = step;
                    return Totp.code(secret, step);
                }
            }
            if (!backupCodes.isEmpty()) {
                return backupCodes.pop();
            }
            try {
                Thread.sleep((lastStep - now) * Totp.STEP_SECONDS * 1000 + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return nextCode();
        }

        /** The code of the current step, whether used or not (to try a replay). */
        public String currentCode() {
            return Totp.code(secret, Totp.step(Instant.now()));
        }

        public long lastStep() {
            return lastStep;
        }
    }

    private static final Map<String, Device> DEVICES = new ConcurrentHashMap<>();

    private TwoFactorCodes() {
    }

    public static Device device(String username) {
        return DEVICES.get(username.toLowerCase(Locale.ROOT));
    }

    /**
     * Turns two-factor authentication on for the account logged in on {@code client}, through
     * {@code /double-authentification}: returns the device, its backup codes kept.
     */
    public static Device enrol(WebClient client, String username) {
        WebClient.Page page = client.get("/double-authentification");
        if (page.hasFormEndingWith("start")) {
            WebClient.Page started = page.form("start").submit();
            if (started.status() != 302) {
                throw new AssertionError("enrolment of " + username + " not started: " + started.status() + " " + started.mainText());
            }
            page = client.follow(started);
        }
        Element shown = page.html().getElementById("two-factor-secret");
        if (shown == null) {
            throw new AssertionError("no secret shown to " + username + ": " + page.mainText());
        }
        long step = Totp.step(Instant.now());
        Device device = new Device(Totp.fromBase32(shown.text()), step);
        WebClient.Page confirmed = page.form("confirm").set("code", Totp.code(device.secret, step)).submit();
        if (confirmed.status() != 302) {
            throw new AssertionError("enrolment of " + username + " refused: " + confirmed.status() + " " + confirmed.mainText());
        }
        WebClient.Page codes = client.follow(confirmed);
        List<String> backup = codes.html().select("#backup-codes code").eachText();
        if (backup.isEmpty()) {
            throw new AssertionError("no backup codes shown to " + username + ": " + codes.mainText());
        }
        device.backupCodes.addAll(backup);
        DEVICES.put(username.toLowerCase(Locale.ROOT), device);
        return device;
    }

    /** Answers {@code /code-de-connexion} (where {@code askedForCode} redirects) with the next code. */
    static WebClient.Page answer(WebClient client, String username, WebClient.Page askedForCode) {
        Device device = device(username);
        if (device == null) {
            throw new AssertionError(username + " has two-factor authentication but the tests hold no device for it");
        }
        return client.follow(askedForCode).form("secondFactor").set("code", device.nextCode()).submit();
    }
}
