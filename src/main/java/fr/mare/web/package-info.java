/**
 * Shared Faces and servlet plumbing: the message bundle, error handling (French error pages,
 * 503 while the database is away, the user's input re-shown), security headers and the CSRF
 * token of the few non-Faces forms, the client's address behind trusted proxies ({@link
 * fr.mare.web.ClientAddress}), and what a redirect carries to whichever node serves the next page
 * (messages, kept texts, sealed values: ADR 0036). Imports no feature.
 */
package fr.mare.web;
