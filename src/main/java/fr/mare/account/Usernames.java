package fr.mare.account;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Canonicalization and look-alike checks for usernames (Unicode UAX #15, UTS #39).
 *
 * <p>Invariants the rest of Mare relies on:
 * <ul>
 *   <li>A name that parses holds no character a reader cannot see: controls, format
 *       characters, default-ignorables, bidi controls, unassigned code points and non-ASCII
 *       spaces are refused outright rather than stripped, because stripping would let two
 *       visibly identical names differ in storage, or let a bidi override make a name render
 *       as someone else's.</li>
 *   <li>Identity is the NFKC_Casefold form ({@link Username#canonical()}): {@code ADMIN},
 *       {@code ａｄｍｉｎ} and {@code admin} are one account; so are NFC and NFD spellings of
 *       {@code léa}.</li>
 *   <li>The typographic apostrophe U+2019 is folded to ASCII {@code '} before anything else
 *       is derived. French keyboards and phones produce either one for the same intent
 *       ({@code l’atelier} / {@code l'atelier}), so Mare treats them as the same identity,
 *       which is stronger than the UTS #39 "confusable" verdict.</li>
 *   <li>Lengths ({@value #MIN_LENGTH}–{@value #MAX_LENGTH}) are counted in code points of
 *       the canonical form, the form the uniqueness constraint sees; the column holding it
 *       must accept at least {@value #MAX_LENGTH} code points (NFKC can expand, so size the
 *       display column generously too).</li>
 *   <li>The computed forms depend on the Unicode version of the bundled ICU. Upgrading ICU
 *       may change skeletons; stored forms must then be recomputed from the display form.</li>
 * </ul>
 */
public final class Usernames {

    /** Minimum length, in code points of the canonical form. */
    public static final int MIN_LENGTH = 3;
    /** Maximum length, in code points of the canonical form. */
    public static final int MAX_LENGTH = 30;

    /** What comparing a candidate name with an existing one concludes. */
    public enum Verdict {
        /** The candidate is not an acceptable username on its own. */
        INVALID,
        /** Same canonical form: it is the existing account's name, spelled differently. */
        SAME_IDENTITY,
        /** Different identity, but a UTS #39 look-alike: refuse or send to moderation. */
        CONFUSABLE,
        /** Neither the same nor a look-alike. */
        DISTINCT
    }

    private static final char TYPOGRAPHIC_APOSTROPHE = '\u2019';

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    /*
     * Only the restriction-level check is asked for: confusability between two names is
     * decided by skeletons (which this class compares itself, across both forms), and the
     * character repertoire is already decided by the explicit charset rule below.
     * ICU documents SpoofChecker's check and skeleton methods as safe for concurrent use.
     */
    private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
            .build();

    private Usernames() {
    }

    /**
     * Validates and canonicalizes a typed username.
     *
     * <p>Rules are applied in a fixed order so that the reported key is the most useful one:
     * required, invisible characters, length, charset, then mixed scripts.
     *
     * @throws InvalidUsernameException with the key of the first rule the name breaks
     */
    public static Username parse(String typed) {
        Analysis analysis = analyse(typed);
        if (analysis.mixedScripts()) {
            throw new InvalidUsernameException(InvalidUsernameException.MIXED_SCRIPTS);
        }
        return analysis.username();
    }

    /**
     * Compares a name someone wants to register (or rename to) with an existing account's.
     *
     * <p>Mixed scripts are judged after the look-alike test, not before: a Cyrillic-laced
     * {@code аdmin} is refused either way, but reporting it as {@link Verdict#CONFUSABLE}
     * tells moderators that an existing member is being imitated, which {@code INVALID}
     * would hide. Every other reason {@link #parse(String)} refuses a name comes first.
     *
     * @param existing      an already accepted name (from {@link #parse(String)})
     * @param candidateTyped the new name, as typed
     */
    public static Verdict compare(Username existing, String candidateTyped) {
        Analysis candidate;
        try {
            candidate = analyse(candidateTyped);
        } catch (InvalidUsernameException e) {
            return Verdict.INVALID;
        }
        if (existing.sameIdentityAs(candidate.username())) {
            return Verdict.SAME_IDENTITY;
        }
        if (existing.confusableWith(candidate.username())) {
            return Verdict.CONFUSABLE;
        }
        if (candidate.mixedScripts()) {
            return Verdict.INVALID;
        }
        return Verdict.DISTINCT;
    }

    /** A parsed name plus the one refusal {@link #compare} reports last. */
    private record Analysis(Username username, boolean mixedScripts) {
    }

    private static Analysis analyse(String typed) {
        if (typed == null) {
            throw new InvalidUsernameException(InvalidUsernameException.REQUIRED);
        }
        String trimmed = trimAsciiSpaces(typed);
        if (trimmed.isEmpty()) {
            throw new InvalidUsernameException(InvalidUsernameException.REQUIRED);
        }
        // Before any normalization: NFKC would turn U+00A0 into an ordinary space and
        // NFKC_Casefold would silently delete default-ignorables, hiding what was typed.
        if (trimmed.codePoints().anyMatch(Usernames::isInvisible)) {
            throw new InvalidUsernameException(InvalidUsernameException.INVISIBLE_CHARACTERS);
        }

        String apostrophesFolded = trimmed.replace(TYPOGRAPHIC_APOSTROPHE, '\'');
        String display = NFC.normalize(apostrophesFolded);
        String canonical = NFKC_CASEFOLD.normalize(apostrophesFolded);

        int length = canonical.codePointCount(0, canonical.length());
        if (length < MIN_LENGTH) {
            throw new InvalidUsernameException(InvalidUsernameException.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            throw new InvalidUsernameException(InvalidUsernameException.TOO_LONG);
        }
        // Checked on the canonical form, since that is the identity being stored: a
        // compatibility character (fullwidth letters, ligatures) is fine if what it stands
        // for is allowed.
        if (!canonical.codePoints().allMatch(Usernames::isAllowed)) {
            throw new InvalidUsernameException(InvalidUsernameException.FORBIDDEN_CHARACTERS);
        }

        SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
        SPOOF_CHECKER.failsChecks(canonical, result);
        boolean mixedScripts = (result.checks & SpoofChecker.RESTRICTION_LEVEL) != 0;

        Username username = new Username(display, canonical,
                SPOOF_CHECKER.getSkeleton(canonical), SPOOF_CHECKER.getSkeleton(display));
        return new Analysis(username, mixedScripts);
    }

    /**
     * Only U+0020 is trimmed: it is what people type or paste by accident. Any other
     * space-like character at either end is deliberate or pasted from somewhere odd, and is
     * refused as invisible instead of being quietly dropped.
     */
    private static String trimAsciiSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Characters a reader cannot see, or whose effect is on other characters' rendering.
     * The ASCII space is deliberately not included: it is visible, and refused later by the
     * charset rule with a clearer message.
     */
    private static boolean isInvisible(int cp) {
        if (cp == ' ') {
            return false;
        }
        int type = UCharacter.getType(cp);
        return type == UCharacterCategory.CONTROL
                || type == UCharacterCategory.FORMAT
                || type == UCharacterCategory.UNASSIGNED
                // A lone surrogate is not a character at all; it cannot render either.
                || type == UCharacterCategory.SURROGATE
                || type == UCharacterCategory.SPACE_SEPARATOR
                || type == UCharacterCategory.LINE_SEPARATOR
                || type == UCharacterCategory.PARAGRAPH_SEPARATOR
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.hasBinaryProperty(cp, UProperty.BIDI_CONTROL)
                || UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE);
    }

    /**
     * Letters, combining marks, decimal digits and a little punctuation found in real names
     * ({@code jean-noël}, {@code l'atelier}, {@code j.dupont}, {@code le_coq}). Any dash
     * punctuation passes here on purpose, so that {@code jean‐noël} (U+2010) is accepted as
     * a name and then caught as a look-alike of {@code jean-noël}, rather than refused with
     * a message that would puzzle someone who only typed a hyphen.
     */
    private static boolean isAllowed(int cp) {
        if (cp == '_' || cp == '-' || cp == '.' || cp == '\'') {
            return true;
        }
        return switch (UCharacter.getType(cp)) {
            case UCharacterCategory.UPPERCASE_LETTER,
                 UCharacterCategory.LOWERCASE_LETTER,
                 UCharacterCategory.TITLECASE_LETTER,
                 UCharacterCategory.MODIFIER_LETTER,
                 UCharacterCategory.OTHER_LETTER,
                 UCharacterCategory.NON_SPACING_MARK,
                 UCharacterCategory.COMBINING_SPACING_MARK,
                 UCharacterCategory.ENCLOSING_MARK,
                 UCharacterCategory.DECIMAL_DIGIT_NUMBER,
                 UCharacterCategory.DASH_PUNCTUATION -> true;
            default -> false;
        };
    }
}
