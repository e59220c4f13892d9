package io.camelsegment.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One recorded list in arrival order, numbered from 1 and holding at most {@code capacity} items: past that
 * the oldest are evicted and counted, so a long-running emulator (or a load test) cannot fill the JVM.
 * Not thread-safe: {@link Recording} guards it.
 */
final class RecordLog<T> {

    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;
    private final ToLongFunction<T> sequenceOf;
    private long lastSequence;
    private long evicted;

    /** @param capacity how many items to keep; 0 keeps everything */
    RecordLog(int capacity, ToLongFunction<T> sequenceOf) {
        this.capacity = capacity;
        this.sequenceOf = sequenceOf;
    }

    /** Numbers the item with the next sequence and keeps it, evicting the oldest when full. */
    T add(LongFunction<T> numbered) {
        T item = numbered.apply(++lastSequence);
        items.addLast(item);
        if (capacity > 0 && items.size() > capacity) {
            items.removeFirst();
            evicted++;
        }
        return item;
    }

    List<T> matching(Predicate<T> filter) {
        return items.stream().filter(filter).toList();
    }

    /**
     * One page of matching items, newest first: those with a sequence above {@code after} and, when
     * {@code before} is positive, below it. {@code next} is the {@code before} to ask for the following,
     * older page, or null when this page reaches the oldest match.
     */
    Page<T> page(Predicate<T> filter, long after, long before, int limit) {
        List<T> page = new ArrayList<>();
        Long next = null;
        int total = 0;
        for (Iterator<T> newestFirst = items.descendingIterator(); newestFirst.hasNext(); ) {
            T item = newestFirst.next();
            long sequence = sequenceOf.applyAsLong(item);
            if (!filter.test(item)) {
                continue;
            }
            total++;
            if (sequence <= after || (before > 0 && sequence >= before)) {
                continue;
            }
            if (page.size() < limit) {
                page.add(item);
            } else if (next == null) {
                next = sequenceOf.applyAsLong(page.get(page.size() - 1));
            }
        }
        return new Page<>(page, next, total);
    }

    long evicted() {
        return evicted;
    }

    void clear() {
        items.clear();
        lastSequence = 0;
        evicted = 0;
    }

    /**
     * @param items newest first
     * @param next  the {@code before} cursor of the next, older page, or null on the last page
     * @param total how many kept items match the filter, on every page
     */
    record Page<T>(List<T> items, Long next, int total) {
    }
}
