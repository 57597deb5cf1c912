package fr.mare.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Answers computed from the database and kept while the {@linkplain ContentVersion content
 * version} they were computed at is current (ADR 0019, #11): the same question asked by every
 * reader of a page (which collectives know a topic's subject, which tutorials document it) is
 * answered once per change of content, not once per page. Bounded in entries; an answer is never
 * served once anything was written after it was computed.
 */
public final class VersionedMemo<K, V> {

    private record Kept<V>(long version, V value) {
    }

    private final Cache<K, Kept<V>> kept;

    public VersionedMemo(long maximumEntries) {
        this.kept = Caffeine.newBuilder().maximumSize(maximumEntries).build();
    }

    /** Bounded by the answers' weight ({@code weigher}, in about bytes) rather than their number. */
    public VersionedMemo(long maximumWeight, ToIntFunction<V> weigher) {
        this.kept = Caffeine.newBuilder().maximumWeight(maximumWeight)
                .weigher((K key, Kept<V> answer) -> answer.value() == null ? 1 : weigher.applyAsInt(answer.value()))
                .build();
    }

    /** The answer for {@code key}: kept if computed at the current version, else computed now (and kept). */
    public V get(K key, Function<K, V> compute) {
        long version = ContentVersion.current();
        Kept<V> found = kept.getIfPresent(key);
        if (found != null && found.version() == version) {
            return found.value();
        }
        V value = compute.apply(key);
        kept.put(key, new Kept<>(version, value));
        return value;
    }
}
