/**
 * Demo content, written for Mare in French: loaded with {@code MARE_DEMO=true} on an empty
 * database (and by the launcher on the embedded database's first start). Each feature adds its
 * part through its own service, never by writing rows directly. The administrator's password
 * is always random and printed once; the members' is the README's only in a local demo
 * ({@code DemoContent}).
 */
package fr.mare.demo;
