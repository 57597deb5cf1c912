/**
 * Outgoing e-mail (issue #13, docs/adr/0016). A feature never talks to SMTP: it calls
 * {@link fr.mare.mail.Outbox#enqueue} inside the transaction of the change that causes the mail,
 * and {@link fr.mare.mail.MailWorker} sends committed rows in the background, with retries and
 * back-off, so a slow or failing SMTP server never slows or breaks a page and no mail is lost.
 * Without SMTP configured ({@code mare.smtp.host}), mails stay in the outbox and administrators read
 * them at {@code /admin/courriels}. Mails are French, multipart (plain text and a simple escaped
 * HTML built by {@link fr.mare.mail.MailBody}), with links from {@code mare.public-url}.
 * <p>
 * This package imports no feature, except {@code account.Caller} in {@code web/} for the
 * administrators' page.
 */
package fr.mare.mail;
