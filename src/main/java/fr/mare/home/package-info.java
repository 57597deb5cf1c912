/**
 * The home page, which shows what each feature has to offer. Like {@code demo}, it composes
 * features through their services; no feature imports it.
 */
package fr.mare.home;
