/**
 * What a member did on Mare, as their public profile {@code /u/{username}} shows it (#14): their
 * recent topics, replies, solutions given and tutorials written. It reads the forum's and the
 * wiki's services, each applying its own visibility rule (ADR 0013: only what everyone may read
 * in full); it writes nothing and owns no data.
 */
package fr.mare.activity;
