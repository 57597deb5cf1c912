/**
 * Demo content, written for Mare in French: loaded with {@code MARE_DEMO=true} on an empty
 * database (and by the launcher on the embedded database's first start). Each feature adds its
 * part through its own service, never by writing rows directly. Passwords are documented in
 * the README.
 */
package fr.mare.demo;
