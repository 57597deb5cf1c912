package fr.mare.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's text, read from Markdown files under {@code fr/mare/demo/} (one per discussion in
 * {@code sujets/}, one per tutorial in {@code tutoriels/}, each folder listing its files in
 * {@code index.txt}, in the order they are written). Pure parsing, no container: what the demo will
 * write can be checked by a unit test ({@code DemoScriptTest}).
 * <p>
 * A discussion: a header of {@code clé: valeur} lines ({@code titre}, {@code catégorie},
 * {@code auteur}, {@code date}, optional {@code étiquettes} and {@code solution: id · date}), a
 * blank line, the question, then each message after a line
 * {@code --- id · auteur · date [· à: id] [· merci: a, b]}, or a change of a message after
 * {@code --- modif · id · date}. A tutorial: a header ({@code titre}, {@code section},
 * {@code niveau}, {@code public}, {@code nextcloud: 27-31}, optional {@code sujet} (the discussion it
 * came from), {@code relu: qui · date · version}, {@code signalé: qui · date · commentaire}), then
 * each version after {@code === auteur · date · résumé}, or a revert after
 * {@code === retour N · auteur · date}. A version's text is complete, or starts with directives:
 * {@code @@remplace ancien ⇒ nouveau} (on one line, {@code \n} for a line break), {@code @@nextcloud 28-31}, {@code @@niveau intermediaire},
 * and {@code @@ajout} (what follows is appended to the previous version).
 * <p>
 * Dates are {@code J-N HH:MM}: N days before the day the demo is loaded (N ≥ 1, so never in the
 * future), at that time in Paris.
 */
final class DemoScript {

    static final String BASE = "fr/mare/demo/";
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Paris");
    private static final Pattern WHEN = Pattern.compile("J-(\\d{1,4}) (\\d{1,2}):(\\d{2})");
    private static final String SEP = " · ";

    private DemoScript() {
    }

    /** A day before the load, at a time of day in Paris. */
    record When(int daysAgo, LocalTime time) implements Comparable<When> {

        static When parse(String text, String where) {
            Matcher m = WHEN.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(where + " : date « " + text + " » (attendu « J-12 09:30 »)");
            }
            int days = Integer.parseInt(m.group(1));
            if (days < 1) {
                throw new IllegalArgumentException(where + " : J-0 pourrait être dans le futur");
            }
            return new When(days, LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }

        Instant at(ZonedDateTime now) {
            return now.withZoneSameInstant(ZONE).toLocalDate().minusDays(daysAgo).atTime(time).atZone(ZONE).toInstant();
        }

        @Override
        public int compareTo(When other) {
            int byDay = Integer.compare(other.daysAgo, daysAgo);
            return byDay != 0 ? byDay : time.compareTo(other.time);
        }

        boolean after(When other) {
            return compareTo(other) > 0;
        }
    }

    sealed interface Step permits Reply, Edit {
        When when();
    }

    /** A message: {@code parent} null for a reply to the question. */
    record Reply(String id, String author, When when, String parent, List<String> thanks, String body) implements Step {
    }

    /** A later version of message {@code target}, by its author. */
    record Edit(String target, When when, String body) implements Step {
    }

    record Topic(String name, String title, String category, String author, When when, String tags, String body,
                 List<Step> steps, String solution, When solvedAt) {

        List<Reply> replies() {
            return steps.stream().filter(Reply.class::isInstance).map(Reply.class::cast).toList();
        }
    }

    /** One version of a tutorial, its text already complete; {@code revertTo} set for a revert. */
    record Version(String author, When when, String summary, String body, Integer revertTo, String level,
                   String min, String max) {
    }

    record Mark(String author, When when, String text) {
    }

    record Tutorial(String name, String title, String section, String audience, String topic,
                    List<Version> versions, Mark review, List<Mark> signals) {
    }

    static List<Topic> topics() {
        return index("sujets").stream().map(name -> topic(name, read("sujets/" + name + ".md"))).toList();
    }

    static List<Tutorial> tutorials() {
        return index("tutoriels").stream().map(name -> tutorial(name, read("tutoriels/" + name + ".md"))).toList();
    }

    static List<String> index(String folder) {
        return read(folder + "/index.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    static String read(String path) {
        try (InputStream in = DemoScript.class.getClassLoader().getResourceAsStream(BASE + path)) {
            if (in == null) {
                throw new IllegalStateException("Fichier de démonstration absent : " + BASE + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ discussions

    static Topic topic(String name, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        int i = header(lines, header, name);
        List<Step> steps = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String question = null;
        String[] pending = null;
        for (; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            if (line == null || (line.startsWith("--- ") && line.contains(SEP))) {
                String done = body.toString().strip();
                body.setLength(0);
                if (pending == null) {
                    question = done;
                } else {
                    steps.add(step(pending, done, name));
                }
                if (line != null) {
                    pending = line.substring(4).split(SEP, -1);
                }
            } else {
                body.append(line).append('\n');
            }
        }
        String solution = header.get("solution");
        String solutionId = null;
        When solvedAt = null;
        if (solution != null) {
            String[] parts = solution.split(SEP);
            solutionId = parts[0].strip();
            solvedAt = When.parse(parts[1], name + " (solution)");
        }
        return new Topic(name, require(header, "titre", name), require(header, "catégorie", name), require(header, "auteur", name),
                When.parse(require(header, "date", name), name), header.get("étiquettes"), question, List.copyOf(steps),
                solutionId, solvedAt);
    }

    private static Step step(String[] fields, String body, String file) {
        String where = file + " (" + String.join(SEP, fields) + ")";
        if (fields[0].strip().equals("modif")) {
            return new Edit(fields[1].strip(), When.parse(fields[2], where), body);
        }
        String parent = null;
        List<String> thanks = List.of();
        for (int k = 3; k < fields.length; k++) {
            String field = fields[k].strip();
            if (field.startsWith("à:")) {
                parent = field.substring(2).strip();
            } else if (field.startsWith("merci:")) {
                thanks = Arrays.stream(field.substring(6).split(",")).map(String::strip).toList();
            } else {
                throw new IllegalArgumentException(where + " : « " + field + " » ?");
            }
        }
        return new Reply(fields[0].strip(), fields[1].strip(), When.parse(fields[2], where), parent, thanks, body);
    }

    // ------------------------------------------------------------------ tutorials

    static Tutorial tutorial(String name, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        int i = header(lines, header, name);
        String level = require(header, "niveau", name);
        String[] versions = require(header, "nextcloud", name).split("-", -1);
        String min = versions[0].strip();
        String max = versions.length > 1 && !versions[1].isBlank() ? versions[1].strip() : null;
        List<Version> done = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        String[] pending = null;
        for (; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            if (line == null || line.startsWith("=== ")) {
                if (pending != null) {
                    Version previous = done.isEmpty() ? null : done.getLast();
                    Version version = version(pending, block.toString(), previous, level, min, max, done, name);
                    done.add(version);
                    level = version.level();
                    min = version.min();
                    max = version.max();
                }
                block.setLength(0);
                if (line != null) {
                    pending = line.substring(4).split(SEP, -1);
                }
            } else if (pending != null) {
                block.append(line).append('\n');
            }
        }
        Mark review = header.containsKey("relu") ? mark(header.get("relu"), name) : null;
        List<Mark> signals = header.entrySet().stream().filter(e -> e.getKey().startsWith("signalé"))
                .map(e -> mark(e.getValue(), name)).toList();
        return new Tutorial(name, require(header, "titre", name), require(header, "section", name), require(header, "public", name),
                header.get("sujet"), List.copyOf(done), review, signals);
    }

    private static Version version(String[] fields, String block, Version previous, String level, String min, String max,
                                   List<Version> done, String file) {
        String where = file + " (" + String.join(SEP, fields) + ")";
        if (fields[0].startsWith("retour ")) {
            int number = Integer.parseInt(fields[0].substring(7).strip());
            Version target = done.get(number - 1);
            return new Version(fields[1].strip(), When.parse(fields[2], where), null, target.body(), number, target.level(),
                    target.min(), target.max());
        }
        String author = fields[0].strip();
        When when = When.parse(fields[1], where);
        String summary = fields.length > 2 ? fields[2].strip() : "";
        String body = previous == null ? null : previous.body();
        List<String> lines = block.lines().toList();
        int k = 0;
        boolean directives = false;
        for (; k < lines.size() && lines.get(k).startsWith("@@"); k++) {
            directives = true;
            String directive = lines.get(k);
            if (directive.startsWith("@@remplace ")) {
                String[] change = directive.substring(11).replace("\\n", "\n").split(" ⇒ ", 2);
                if (body == null || change.length != 2 || !body.contains(change[0])) {
                    throw new IllegalArgumentException(where + " : rien à remplacer pour « " + directive + " »");
                }
                body = body.replace(change[0], change[1]);
            } else if (directive.startsWith("@@nextcloud ")) {
                String[] range = directive.substring(12).split("-", -1);
                min = range[0].strip();
                max = range.length > 1 && !range[1].isBlank() ? range[1].strip() : null;
            } else if (directive.startsWith("@@niveau ")) {
                level = directive.substring(9).strip();
            } else if (directive.equals("@@ajout")) {
                if (body == null) {
                    throw new IllegalArgumentException(where + " : @@ajout sans version précédente");
                }
                String rest = String.join("\n", lines.subList(k + 1, lines.size())).strip();
                body = body + "\n\n" + rest;
                k = lines.size();
                break;
            } else {
                throw new IllegalArgumentException(where + " : directive « " + directive + " » ?");
            }
        }
        String rest = k < lines.size() ? String.join("\n", lines.subList(k, lines.size())).strip() : "";
        if (!directives) {
            body = rest;
        } else if (!rest.isEmpty()) {
            throw new IllegalArgumentException(where + " : du texte après les directives, sans @@ajout");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException(where + " : version vide");
        }
        return new Version(author, when, summary, body, null, level, min, max);
    }

    private static Mark mark(String value, String file) {
        String[] parts = value.split(SEP, 3);
        return new Mark(parts[0].strip(), When.parse(parts[1], file), parts.length > 2 ? parts[2].strip() : "");
    }

    // ------------------------------------------------------------------ shared

    /** Reads {@code clé: valeur} lines up to the first blank line; a repeated key gets a number. Returns the next line. */
    private static int header(List<String> lines, Map<String, String> header, String file) {
        int i = 0;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException(file + " : ligne d'en-tête « " + line + " »");
            }
            String key = line.substring(0, colon).strip();
            while (header.containsKey(key)) {
                key = key + "+";
            }
            header.put(key, line.substring(colon + 1).strip());
        }
        return i;
    }

    private static String require(Map<String, String> header, String key, String file) {
        String value = header.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(file + " : « " + key + ": » manque");
        }
        return value;
    }
}
