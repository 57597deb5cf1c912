package fr.mare.platform;

/**
 * Fired once, synchronously, when the schema is migrated and JPA may be used. Observers that
 * seed data order themselves with {@code @Priority} (demo content before the configured
 * administrator, so that "empty database" still means empty when the demo looks).
 */
public record DatabaseReady(int migrationsApplied) {
}
