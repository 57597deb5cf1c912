/**
 * Shared Faces and servlet plumbing: the message bundle, error handling (French error pages,
 * 503 while the database is away, the user's input re-shown), security headers and the CSRF
 * token of the few non-Faces forms. Imports no feature.
 */
package fr.mare.web;
