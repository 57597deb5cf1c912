package fr.mare.demo;

import fr.mare.platform.PinnableClock;
import fr.mare.wiki.WikiDraft;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiReviewService;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Demo tutorials, written for Mare ({@code fr/mare/demo/tutoriels/}, read by {@link DemoScript}):
 * how-tos that answer what small associations keep asking about their Nextcloud space, each with
 * its versions by different members over the months (summaries included, a revert here and
 * there), some reviewed, some signalled as outdated or not reviewed for a year (« à revoir »), one
 * drafted from the solved discussion it documents. Everything goes through {@link WikiService}
 * and {@link WikiReviewService}, acting as the demo members, each at its date.
 */
@ApplicationScoped
class DemoTutorials {

    @Inject
    private WikiService wiki;

    @Inject
    private WikiReviewService review;

    @Inject
    private DemoCallers callers;

    /** {@code topics}: the discussions' ids by file name ({@link DemoDiscussions#load}). */
    void load(ZonedDateTime now, Map<String, Long> topics) {
        for (DemoScript.Tutorial script : DemoScript.tutorials()) {
            String slug = null;
            for (DemoScript.Version version : script.versions()) {
                if (slug == null) {
                    Long source = script.topic() == null ? null : topics.get(script.topic());
                    if (script.topic() != null && source == null) {
                        throw new IllegalStateException(script.name() + " : discussion inconnue " + script.topic());
                    }
                    WikiPage page = PinnableClock.at(version.when().at(now),
                            () -> wiki.create(callers.as(version.author()), draft(script, version), source));
                    slug = page.getSlug();
                } else if (version.revertTo() != null) {
                    String target = slug;
                    PinnableClock.at(version.when().at(now), () -> wiki.revert(callers.as(version.author()), target, version.revertTo()));
                } else {
                    String target = slug;
                    PinnableClock.at(version.when().at(now), () -> wiki.edit(callers.as(version.author()), target,
                            draft(script, version), wiki.page(target).orElseThrow().getRevisionCount()));
                }
            }
            String page = slug;
            // Signals and the review in the order they happened: a review closes the signals before it.
            java.util.List<java.util.Map.Entry<DemoScript.When, Runnable>> marks = new java.util.ArrayList<>();
            for (DemoScript.Mark signal : script.signals()) {
                marks.add(Map.entry(signal.when(), () -> review.signalOutdated(callers.as(signal.author()), page, signal.text())));
            }
            if (script.review() != null) {
                DemoScript.Mark reviewed = script.review();
                marks.add(Map.entry(reviewed.when(), () -> review.markReviewed(callers.as(reviewed.author()), page, reviewed.text())));
            }
            marks.sort(Map.Entry.comparingByKey());
            marks.forEach(mark -> PinnableClock.at(mark.getKey().at(now), mark.getValue()));
        }
    }

    private static WikiDraft draft(DemoScript.Tutorial script, DemoScript.Version version) {
        return new WikiDraft(script.title(), script.section(), version.level(), script.audience(), version.min(), version.max(),
                version.body(), version.summary());
    }
}
