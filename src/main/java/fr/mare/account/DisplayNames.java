package fr.mare.account;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Look-alike keys for the names people read (security issue #10): a display name must not pass
 * for another member (« Sophie Lemaire » taken again, « S0phie Lemaire »), and a member's name
 * must not pass for the staff (« ᴍodėration », « Administrateur »).
 * <p>
 * The key of a name is what a reader could not tell apart: NFKC case folding, small capitals
 * read as letters (UTS #39 maps ᴍ to ʍ, not m), diacritics dropped, everything but letters and
 * digits dropped (« L'Escale » and « lescale »), then the UTS #39 skeleton, folded again. Two
 * names with one key are the same name to a reader. Usernames get a key the same way, so that a
 * display name cannot borrow another account's username either.
 */
public final class DisplayNames {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    /** Words only the staff may carry in a name, as whole words of it. */
    private static final Set<String> STAFF_WORDS = keys(List.of("moderation", "moderateur", "moderatrice", "moderateurs",
            "moderatrices", "moderateurice", "modo", "modos", "administration", "administrateur", "administratrice",
            "administrateurs", "administratrices", "admin", "admins", "root", "staff", "support", "webmaster", "sysadmin"));
    /** Whole names only the staff may carry; « ancien membre » is Mare's name for a deleted account (ADR 0022). */
    private static final Set<String> STAFF_NAMES = keys(List.of("mare", "equipe mare", "equipe de mare", "l'equipe de mare",
            "mare officiel", "equipe", "l'equipe", "ancien membre", "ancienne membre", "ancien·ne membre"));

    private DisplayNames() {
    }

    /** The look-alike key; empty for a name without letter or digit (such names are compared with nobody). */
    public static String key(String name) {
        String letters = folded(name).codePoints().filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return skeleton(letters);
    }

    /** Whether the name reads as the staff's: a staff word in it, or a staff name as a whole. */
    public static boolean looksLikeStaff(String name) {
        if (STAFF_NAMES.contains(key(name))) {
            return true;
        }
        return Arrays.stream(folded(name).split("[^\\p{L}\\p{N}]+"))
                .filter(token -> !token.isEmpty())
                .map(DisplayNames::skeleton)
                .anyMatch(STAFF_WORDS::contains);
    }

    private static String folded(String name) {
        String text = NFKC_CASEFOLD.normalize(name == null ? "" : name.replace('\u2019', '\''));
        StringBuilder plain = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> plain.appendCodePoint(smallCapitalAsLetter(cp)));
        return Normalizer.normalize(plain, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /** ᴀ, ʙ, ᴍ… (LATIN LETTER SMALL CAPITAL X) read as x. */
    private static int smallCapitalAsLetter(int cp) {
        String unicodeName = Character.getName(cp);
        String prefix = "LATIN LETTER SMALL CAPITAL ";
        if (unicodeName != null && unicodeName.startsWith(prefix) && unicodeName.length() == prefix.length() + 1) {
            return Character.toLowerCase(unicodeName.charAt(prefix.length()));
        }
        return cp;
    }

    private static String skeleton(String letters) {
        String once = NFKC_CASEFOLD.normalize(SPOOF.getSkeleton(letters));
        return NFKC_CASEFOLD.normalize(SPOOF.getSkeleton(once));
    }

    private static Set<String> keys(List<String> names) {
        return names.stream().map(DisplayNames::key).collect(Collectors.toUnmodifiableSet());
    }
}
