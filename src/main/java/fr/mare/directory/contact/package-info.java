/**
 * « Contacter ce collectif »: conversations between one member (the sender) and the current
 * admins of a collective, inside Mare, so that no e-mail address is ever shown. Owns the
 * conversations and their messages, who may read them ({@link fr.mare.directory.contact.ContactPolicy}),
 * their rate limits and the hiding of a message by moderation; it does not own the reports
 * (moderation) nor the notifications it fires (notification).
 */
package fr.mare.directory.contact;
