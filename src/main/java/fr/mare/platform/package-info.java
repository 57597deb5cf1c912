/**
 * The thin shared core: the datasource, start-up (Flyway migrations before any JPA use),
 * database health, the clock, and typed business exceptions. Imports no feature.
 */
package fr.mare.platform;
