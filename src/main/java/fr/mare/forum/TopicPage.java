package fr.mare.forum;

import java.util.List;

/** A page of a topic list and the cursor of the next page (null on the last one). */
public record TopicPage(List<Topic> topics, TopicCursor next) {
}
