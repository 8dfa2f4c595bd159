package dev.authfeedback.domain.risk;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One user's risk history as bounded aggregates: per {@link RiskFeature}, the last
 * {@value #VALUES_PER_FEATURE} values the user's events had, each with how often it is in the
 * user's legitimate history and how many Valid and Invalid verdicts it carries, and the size of
 * that history. When a feature's history reaches {@value #HISTORY_LIMIT} events every count halves,
 * so recent sign-ins weigh most and no count grows without bound: evaluating costs the same after
 * ten events as after ten thousand. Immutable: {@link #learn} answers a new profile.
 */
public final class RiskProfile {

    /** The most values kept per feature; the least recently seen leaves first. */
    public static final int VALUES_PER_FEATURE = 16;
    /** A feature's history size at which its counts are halved, so that old habits fade. */
    public static final int HISTORY_LIMIT = 128;
    private static final int FEATURES = RiskFeature.ALL.length;
    private static final int SLOTS = FEATURES * VALUES_PER_FEATURE;
    private static final byte FORMAT = 1;

    /** The profile of a user with no history. */
    public static final RiskProfile EMPTY = new RiskProfile();

    /** Events recorded so far: the clock that orders values by when they were last seen. */
    private long recorded;
    private final int[] sizes = new int[FEATURES];
    private final double[] historySizes = new double[FEATURES];
    private final long[] keys = new long[SLOTS];
    private final double[] counts = new double[SLOTS];
    private final int[] confirmations = new int[SLOTS];
    private final int[] reports = new int[SLOTS];
    private final long[] lastSeen = new long[SLOTS];

    private RiskProfile() {
    }

    private RiskProfile copy() {
        RiskProfile copy = new RiskProfile();
        copy.recorded = recorded;
        System.arraycopy(sizes, 0, copy.sizes, 0, FEATURES);
        System.arraycopy(historySizes, 0, copy.historySizes, 0, FEATURES);
        System.arraycopy(keys, 0, copy.keys, 0, SLOTS);
        System.arraycopy(counts, 0, copy.counts, 0, SLOTS);
        System.arraycopy(confirmations, 0, copy.confirmations, 0, SLOTS);
        System.arraycopy(reports, 0, copy.reports, 0, SLOTS);
        System.arraycopy(lastSeen, 0, copy.lastSeen, 0, SLOTS);
        return copy;
    }

    /**
     * The profile after {@code lesson}. A seen value takes a place (the value seen longest ago
     * leaves when the feature is full); verdicts on a value that already left change nothing. Which
     * values stay depends on recorded events alone, never on verdicts, so a verdict cannot make
     * the model forget anything.
     */
    public RiskProfile learn(RiskLesson lesson) {
        if (lesson.isEmpty()) {
            return this;
        }
        RiskProfile next = copy();
        if (lesson.seen() > 0) {
            next.recorded++;
        }
        for (RiskFeature feature : RiskFeature.ALL) {
            long key = lesson.features().key(feature);
            if (key != 0) {
                next.learn(feature.ordinal(), key, lesson);
            }
        }
        return next;
    }

    private void learn(int feature, long key, RiskLesson lesson) {
        int slot = slot(feature, key);
        if (lesson.seen() > 0) {
            if (slot < 0) {
                slot = place(feature, key);
            }
            lastSeen[slot] = recorded;
            historySizes[feature] += lesson.history();
        }
        if (slot < 0) {
            return;
        }
        counts[slot] = Math.min(historySizes[feature], Math.max(0, counts[slot] + lesson.history()));
        confirmations[slot] = Math.max(0, confirmations[slot] + lesson.confirmations());
        reports[slot] = Math.max(0, reports[slot] + lesson.reports());
        if (lesson.seen() > 0 && historySizes[feature] >= HISTORY_LIMIT) {
            historySizes[feature] /= 2;
            int first = feature * VALUES_PER_FEATURE;
            for (int i = first; i < first + sizes[feature]; i++) {
                counts[i] /= 2;
            }
        }
    }

    private int place(int feature, long key) {
        int first = feature * VALUES_PER_FEATURE;
        int slot;
        if (sizes[feature] < VALUES_PER_FEATURE) {
            slot = first + sizes[feature]++;
        } else {
            slot = first;
            for (int i = first + 1; i < first + VALUES_PER_FEATURE; i++) {
                if (lastSeen[i] < lastSeen[slot]) {
                    slot = i;
                }
            }
        }
        keys[slot] = key;
        counts[slot] = 0;
        confirmations[slot] = 0;
        reports[slot] = 0;
        return slot;
    }

    /** The slot of {@code key} in {@code feature}, -1 if the profile does not hold it. */
    private int slot(int feature, long key) {
        int first = feature * VALUES_PER_FEATURE;
        for (int i = first; i < first + sizes[feature]; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** The size of the user's legitimate history for {@code feature} (halved as it grows). */
    public double historySize(RiskFeature feature) {
        return historySizes[feature.ordinal()];
    }

    /** How often the value {@code key} is in the legitimate history; 0 if never, or forgotten. */
    public double count(RiskFeature feature, long key) {
        int slot = slot(feature.ordinal(), key);
        return slot < 0 ? 0 : counts[slot];
    }

    /** The Valid verdicts the value carries. */
    public int confirmations(RiskFeature feature, long key) {
        int slot = slot(feature.ordinal(), key);
        return slot < 0 ? 0 : confirmations[slot];
    }

    /** The Invalid verdicts the value carries. */
    public int reports(RiskFeature feature, long key) {
        int slot = slot(feature.ordinal(), key);
        return slot < 0 ? 0 : reports[slot];
    }

    /** The profile as bytes for a store that keeps it as one value; {@link #fromBytes} reads it back. */
    public byte[] toBytes() {
        int entries = Arrays.stream(sizes).sum();
        ByteBuffer buffer = ByteBuffer.allocate(1 + 8 + FEATURES * (4 + 8) + entries * (8 + 8 + 4 + 4 + 8));
        buffer.put(FORMAT).putLong(recorded);
        for (int feature = 0; feature < FEATURES; feature++) {
            buffer.putInt(sizes[feature]).putDouble(historySizes[feature]);
            int first = feature * VALUES_PER_FEATURE;
            for (int i = first; i < first + sizes[feature]; i++) {
                buffer.putLong(keys[i]).putDouble(counts[i]).putInt(confirmations[i]).putInt(reports[i])
                        .putLong(lastSeen[i]);
            }
        }
        return buffer.array();
    }

    /** Reads what {@link #toBytes} wrote; IllegalArgumentException for anything else. */
    public static RiskProfile fromBytes(byte[] bytes) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (buffer.get() != FORMAT) {
                throw new IllegalArgumentException("unknown risk profile format");
            }
            RiskProfile profile = new RiskProfile();
            profile.recorded = buffer.getLong();
            for (int feature = 0; feature < FEATURES; feature++) {
                int size = buffer.getInt();
                if (size < 0 || size > VALUES_PER_FEATURE) {
                    throw new IllegalArgumentException("risk profile holds " + size + " values of a feature");
                }
                profile.sizes[feature] = size;
                profile.historySizes[feature] = buffer.getDouble();
                int first = feature * VALUES_PER_FEATURE;
                for (int i = first; i < first + size; i++) {
                    profile.keys[i] = buffer.getLong();
                    profile.counts[i] = buffer.getDouble();
                    profile.confirmations[i] = buffer.getInt();
                    profile.reports[i] = buffer.getInt();
                    profile.lastSeen[i] = buffer.getLong();
                }
            }
            if (buffer.hasRemaining()) {
                throw new IllegalArgumentException("risk profile has trailing bytes");
            }
            return profile;
        } catch (BufferUnderflowException truncated) {
            throw new IllegalArgumentException("risk profile is truncated", truncated);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RiskProfile profile && Arrays.equals(toBytes(), profile.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "RiskProfile[recorded=" + recorded + ", values=" + Arrays.toString(sizes) + "]";
    }
}
