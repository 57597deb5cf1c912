package fr.mare.forum;

import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.platform.ContentVersion;
import fr.mare.platform.VersionedMemo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read model of a discussion's page {@code /t/{id}} (#16): one call returns what the page
 * shows of the topic and of one page of its thread, already filtered by {@link ForumVisibility}
 * for the caller; the page bean adds only what is the caller's own (thanks given, following).
 * <p>
 * Kept while nothing changes (#11, ADR 0019): most readers — visitors, and members who wrote
 * nothing pending or hidden in the topic — see exactly what a visitor sees, so that page is read
 * once per {@linkplain ContentVersion content version} and kept, bounded in size. Moderators and
 * the topic's insiders (authors of its pending or hidden posts, or of the topic when it is
 * pending or hidden) read theirs from the database every time, never from what others were shown.
 * The kept entities are detached and only read.
 */
@ApplicationScoped
public class ThreadPages {

    /** An upper bound of the kept pages' size (their posts' text, counted twice for the objects around it). */
    static final long KEPT_BYTES = 24L * 1024 * 1024;

    @Inject
    private ThreadReading reading;

    @Inject
    private TopicLists lists;

    @Inject
    private ForumCategories categories;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumVisibility visibility;

    private final VersionedMemo<Key, ThreadPage> kept = new VersionedMemo<>(KEPT_BYTES, ThreadPage::weight);

    private record Key(long topicId, int page, boolean chronological) {
    }

    /**
     * What {@code /t/{id}} shows this caller of topic {@code topicId}, page {@code page} (from 0)
     * in tree order or by date; empty when the topic does not exist for them (unknown, or pending
     * and theirs to see only when they wrote it).
     */
    public Optional<ThreadPage> page(Caller me, long topicId, int page, boolean chronological) {
        Key key = new Key(topicId, Math.max(0, page), chronological);
        ThreadPage anyone = kept.get(key, k -> read(Caller.ANONYMOUS, k));
        if (anyone != null && anyone.sameFor(me)) {
            return Optional.of(anyone);
        }
        return Optional.ofNullable(me.isAnonymous() ? null : read(me, key));
    }

    /** Reads the page for this caller from the database. */
    private ThreadPage read(Caller me, Key key) {
        Topic topic = reading.topicFor(me, key.topicId()).orElse(null);
        if (topic == null) {
            return null;
        }
        Category category = categories.category(topic.getCategoryId()).orElse(null);
        List<Post> posts = key.chronological() ? reading.chronologicalPage(me, topic.getId(), key.page())
                : reading.threadPage(me, topic.getId(), key.page());
        Set<Long> onPage = new HashSet<>();
        posts.forEach(p -> onPage.add(p.getId()));
        Set<Long> parentsElsewhere = new HashSet<>();
        posts.stream().map(Post::getParentId).filter(p -> p != null && !onPage.contains(p)).forEach(parentsElsewhere::add);
        Map<Long, Long> authorOfPost = new HashMap<>(reading.authorsOfPosts(parentsElsewhere));
        posts.forEach(p -> authorOfPost.put(p.getId(), p.getAuthorId()));
        Post solution = reading.solutionFor(me, topic).orElse(null);
        Set<Long> authorIds = new HashSet<>(authorOfPost.values());
        if (solution != null) {
            authorIds.add(solution.getAuthorId());
        }
        Map<Long, AccountSummary> authors = accounts.summaries(authorIds);
        return new ThreadPage(topic, category,
                lists.tagsOf(Set.of(topic.getId())).getOrDefault(topic.getId(), List.of()),
                List.copyOf(posts), Map.copyOf(authors), Map.copyOf(authorOfPost),
                solution, solution == null ? 0 : reading.pageOf(solution),
                reading.pageCount(me, topic.getId()), insiders(topic));
    }

    /** Who reads this topic differently from a visitor (besides moderation). */
    private Set<Long> insiders(Topic topic) {
        Set<Long> insiders = new HashSet<>(reading.authorsOfUnpublished(topic.getId()));
        if (!visibility.isPublic(topic)) {
            insiders.add(topic.getAuthorId());
        }
        return Set.copyOf(insiders);
    }
}
