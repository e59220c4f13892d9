package io.camelsegment.segment.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Things shared by key and counted by their users: the first user opens one, the last one to let go gets it back to
 * close. Closing is the caller's, outside this class's lock, since a close may take long (a queue draining).
 */
public final class ReferenceCounts<K, V> {

    /** Opens the thing for a key on its first use. */
    @FunctionalInterface
    public interface Opener<K, V> {
        V open(K key) throws Exception;
    }

    private record Entry<V>(V value, int users) {
    }

    private final Map<K, Entry<V>> entries = new HashMap<>();

    /** The value for {@code key}, opened on first use, with one user more. */
    public synchronized V acquire(K key, Opener<K, V> opener) throws Exception {
        Entry<V> entry = entries.get(key);
        V value = entry != null ? entry.value() : opener.open(key);
        entries.put(key, new Entry<>(value, entry != null ? entry.users() + 1 : 1));
        return value;
    }

    /** One user fewer; the value when that was its last user, for the caller to close. */
    public synchronized Optional<V> release(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty(); // already taken back by removeAll
        }
        if (entry.users() > 1) {
            entries.put(key, new Entry<>(entry.value(), entry.users() - 1));
            return Optional.empty();
        }
        entries.remove(key);
        return Optional.of(entry.value());
    }

    /** Every value, whoever still holds it, for the caller to close: their owner is stopping. */
    public synchronized Map<K, V> removeAll() {
        Map<K, V> values = new HashMap<>();
        entries.forEach((key, entry) -> values.put(key, entry.value()));
        entries.clear();
        return values;
    }

    /** The values in use. */
    public synchronized List<V> open() {
        return new ArrayList<>(entries.values().stream().map(Entry::value).toList());
    }

    /** How many users hold each value, by key. */
    public synchronized Map<K, Integer> users() {
        Map<K, Integer> users = new HashMap<>();
        entries.forEach((key, entry) -> users.put(key, entry.users()));
        return users;
    }
}
