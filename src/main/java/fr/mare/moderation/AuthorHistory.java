package fr.mare.moderation;

import fr.mare.account.AccountSummary;
import fr.mare.account.Suspension;

import java.time.Instant;

/**
 * What the queue shows of a target's author: who, since when, how much they wrote, and what
 * moderation already had to do about them.
 *
 * @param earlierReports reports against their content, this target's excepted
 * @param earlierActions journal lines about their content or account
 */
public record AuthorHistory(AccountSummary account, Instant joinedAt, boolean newcomer, long posts,
                            long earlierReports, long earlierActions, Suspension suspension) {
}
