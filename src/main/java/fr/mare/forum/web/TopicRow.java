package fr.mare.forum.web;

import fr.mare.account.AccountSummary;
import fr.mare.forum.Category;
import fr.mare.forum.Topic;

/** A line of a topic list: the topic, its category, its author and its tags. */
public record TopicRow(Topic topic, Category category, AccountSummary author, java.util.List<String> tags) {
}
