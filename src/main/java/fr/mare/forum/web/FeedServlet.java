package fr.mare.forum.web;

import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.forum.ForumVisibility;
import fr.mare.forum.Post;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicFilter;
import fr.mare.forum.TopicLinks;
import fr.mare.forum.TopicLists;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Atom feeds, readable in any feed reader without an account:
 * {@code /flux/sujets} (latest topics), {@code /flux/categorie/{slug}} (a category's topics) and
 * {@code /flux/sujet/{id}} (a topic's latest messages, with their sanitized HTML).
 */
@WebServlet(name = "feeds", urlPatterns = "/flux/*")
public class FeedServlet extends HttpServlet {

    static final int ENTRIES = 30;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newInstance();

    @Inject
    @ConfigProperty(name = "mare.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private TopicLists topicLists;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumVisibility visibility;

    private record Entry(String id, String title, String link, Instant updated, String author, String html) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        // From configuration, never from the Host header, which any client can forge (#10).
        String site = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        String[] parts = path.split("/");
        try {
            if (path.equals("/sujets")) {
                List<Topic> topics = topicLists.topics(null, TopicFilter.ALL, null, ENTRIES).topics();
                write(response, site, path, "Mare — discussions récentes", site + "/", topicEntries(site, topics));
            } else if (parts.length == 3 && parts[1].equals("categorie")) {
                Category category = forumCategories.category(parts[2]).orElse(null);
                if (category == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                List<Topic> topics = topicLists.topics(category.getId(), TopicFilter.ALL, null, ENTRIES).topics();
                write(response, site, path, "Mare — " + category.getName(), site + "/c/" + category.getSlug(), topicEntries(site, topics));
            } else if (parts.length == 3 && parts[1].equals("sujet") && parts[2].matches("\\d{1,18}")) {
                // A feed is a public document, the same for every reader: the topic must be everyone's (#10).
                Topic topic = threadReading.topicFor(Caller.ANONYMOUS, Long.parseLong(parts[2])).filter(visibility::isPublic).orElse(null);
                if (topic == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                write(response, site, path, "Mare — " + topic.getTitle(), site + TopicLinks.of(topic), postEntries(site, topic));
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private List<Entry> topicEntries(String site, List<Topic> topics) {
        Map<Long, AccountSummary> authors = authors(topics.stream().map(Topic::getAuthorId).toList());
        return topics.stream().map(t -> {
            Post question = threadReading.question(t.getId());
            return new Entry("tag:mare,2026:topic:" + t.getId(), t.getTitle(), site + TopicLinks.of(t), t.getLastActivityAt(),
                    name(authors, t.getAuthorId()), visibility.canRead(Caller.ANONYMOUS, t, question) ? question.getBodyHtml() : "");
        }).toList();
    }

    private List<Entry> postEntries(String site, Topic topic) {
        // Only what everyone reads in full (ForumVisibility.PUBLIC_POST): no pending, hidden or deleted post (#6, #10).
        List<Post> posts = threadReading.latestPosts(topic.getId(), ENTRIES);
        Map<Long, AccountSummary> authors = authors(posts.stream().map(Post::getAuthorId).toList());
        return posts.stream().map(p -> new Entry("tag:mare,2026:post:" + p.getId(),
                (p.isQuestion() ? "" : "Réponse de " + name(authors, p.getAuthorId()) + " : ") + topic.getTitle(),
                site + TopicLinks.of(topic) + "?message=" + p.getId(), p.getCreatedAt(), name(authors, p.getAuthorId()),
                p.getBodyHtml())).toList();
    }

    private Map<Long, AccountSummary> authors(Collection<Long> ids) {
        return accounts.summaries(ids.stream().collect(Collectors.toSet()));
    }

    private static String name(Map<Long, AccountSummary> authors, Long id) {
        AccountSummary author = authors.get(id);
        return author == null ? "?" : author.displayName();
    }

    private static void write(HttpServletResponse response, String site, String path, String title, String alternate,
                              List<Entry> entries) throws IOException, XMLStreamException {
        response.setContentType("application/atom+xml;charset=UTF-8");
        XMLStreamWriter xml = XML.createXMLStreamWriter(response.getWriter());
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        xml.writeAttribute("xml:lang", "fr");
        element(xml, "id", site + "/flux" + path);
        element(xml, "title", title);
        link(xml, "self", site + "/flux" + path);
        link(xml, "alternate", alternate);
        Instant updated = entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        element(xml, "updated", format(updated));
        for (Entry entry : entries) {
            xml.writeStartElement("entry");
            element(xml, "id", entry.id());
            element(xml, "title", entry.title());
            link(xml, "alternate", entry.link());
            element(xml, "updated", format(entry.updated()));
            xml.writeStartElement("author");
            element(xml, "name", entry.author());
            xml.writeEndElement();
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(xmlText(entry.html()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /**
     * The text without the characters XML 1.0 cannot hold (C0 controls but tab and line breaks,
     * U+FFFE, U+FFFF, lone surrogates): the feed stays valid whatever is stored, even rows written
     * before input was cleaned (security issue #10).
     */
    static String xmlText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder valid = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (valid != null) {
                    valid.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = (c >= 0x20 && c <= 0xD7FF) || c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && valid == null) {
                valid = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && valid != null) {
                valid.append(c);
            }
        }
        return valid == null ? text : valid.toString();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
