package io.hakmem;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The immutable settings of a {@link HakmemArena}.
 *
 * <p>Defaults come from system properties, then environment variables, then built-in values:
 *
 * <table>
 *   <caption>Knobs read by {@link #defaults()}</caption>
 *   <tr><th>setting</th><th>system property</th><th>environment</th><th>built-in</th></tr>
 *   <tr><td>{@link #magazineCapacity()}</td><td>{@code hakmem.tiny.magCap}</td>
 *       <td>{@code HAKMEM_TINY_MAG_CAP}</td><td>2048 (0 turns thread caches off)</td></tr>
 *   <tr><td>{@link #maxMappedBytes()}</td><td>{@code hakmem.maxMappedBytes}</td>
 *       <td>{@code HAKMEM_MAX_MAPPED_BYTES}</td><td>unlimited</td></tr>
 *   <tr><td>{@link #osBackend()}</td><td>{@code hakmem.osBackend}</td>
 *       <td>{@code HAKMEM_OS_BACKEND}</td><td>{@link OsBackend#AUTO}</td></tr>
 *   <tr><td>{@link #trackAllocationSites()}</td><td>{@code hakmem.trackAllocationSites}</td>
 *       <td>{@code HAKMEM_TRACK_ALLOCATION_SITES}</td><td>false</td></tr>
 *   <tr><td>{@link #backgroundTrimInterval()}</td><td>{@code hakmem.backgroundTrimMillis}</td>
 *       <td>{@code HAKMEM_BACKGROUND_TRIM_MILLIS}</td><td>0 (off)</td></tr>
 *   <tr><td>{@link #purgeDelay()}</td><td>{@code hakmem.purgeDelayMillis}</td>
 *       <td>{@code HAKMEM_PURGE_DELAY_MILLIS}</td><td>10</td></tr>
 *   <tr><td>{@link #registerMXBean()}</td><td>{@code hakmem.jmx}</td>
 *       <td>{@code HAKMEM_JMX}</td><td>true</td></tr>
 *   <tr><td>{@link #detectUseAfterFree()}</td><td>{@code hakmem.detectUseAfterFree}</td>
 *       <td>{@code HAKMEM_DETECT_USE_AFTER_FREE}</td><td>false</td></tr>
 *   <tr><td>{@link #failOnCloseWithLiveBlocks()}</td><td>{@code hakmem.failOnCloseWithLiveBlocks}</td>
 *       <td>{@code HAKMEM_FAIL_ON_CLOSE_WITH_LIVE_BLOCKS}</td><td>false (log a warning)</td></tr>
 * </table>
 *
 * <p>One knob is process-wide rather than per arena: {@code -Dhakmem.showStats=true} (or
 * {@code HAKMEM_SHOW_STATS=1}) prints every open arena's per-class table to stderr at JVM exit.
 *
 * <pre>{@code
 * HakmemConfig config = HakmemConfig.builder()
 *         .magazineCapacity(0)                 // no thread caches
 *         .maxMappedBytes(64L << 20)           // fail allocations past 64 MiB
 *         .trackAllocationSites(true)          // leak reports name the allocating line
 *         .build();
 * try (HakmemArena arena = HakmemArena.create(config)) { ... }
 * }</pre>
 */
@NullMarked
public final class HakmemConfig {

    /** The built-in magazine capacity: blocks a thread may cache per size class. */
    public static final int DEFAULT_MAGAZINE_CAPACITY = 2048;
    /**
     * The built-in purge delay: mimalloc's, long enough that a workload freeing and refilling
     * slabs in a loop never pays a madvise and a page fault per round.
     */
    public static final Duration DEFAULT_PURGE_DELAY = Duration.ofMillis(10);
    /** The built-in number of frees per size class between two periodic magazine drains. */
    public static final int DEFAULT_DRAIN_INTERVAL = 1024;

    private final int magazineCapacity;
    private final int drainInterval;
    private final boolean zeroOnAllocate;
    private final boolean trackAllocationSites;
    private final boolean poisonFreedBlocks;
    private final long maxMappedBytes;
    private final int emptySuperSlabCacheSize;
    private final long purgeThresholdBytes;
    private final OsBackend osBackend;
    private final Duration backgroundTrimInterval;
    private final Duration purgeDelay;
    private final @Nullable String name;
    private final boolean registerMXBean;
    private final boolean detectUseAfterFree;
    private final boolean failOnCloseWithLiveBlocks;

    private HakmemConfig(Builder b) {
        this.magazineCapacity = b.magazineCapacity;
        this.drainInterval = b.drainInterval;
        this.zeroOnAllocate = b.zeroOnAllocate;
        this.trackAllocationSites = b.trackAllocationSites;
        this.poisonFreedBlocks = b.poisonFreedBlocks;
        this.maxMappedBytes = b.maxMappedBytes;
        this.emptySuperSlabCacheSize = b.emptySuperSlabCacheSize;
        this.purgeThresholdBytes = b.purgeThresholdBytes;
        this.osBackend = b.osBackend;
        this.backgroundTrimInterval = b.backgroundTrimInterval;
        this.purgeDelay = b.purgeDelay;
        this.name = b.name;
        this.registerMXBean = b.registerMXBean;
        this.detectUseAfterFree = b.detectUseAfterFree;
        this.failOnCloseWithLiveBlocks = b.failOnCloseWithLiveBlocks;
    }

    /**
     * The settings from system properties and environment variables, else built-in defaults.
     *
     * @return the default configuration
     * @throws IllegalArgumentException if a property or variable holds an invalid value
     */
    public static HakmemConfig defaults() {
        return builder().build();
    }

    /**
     * A builder that starts from {@link #defaults()}' values.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(HakmemConfig::knob);
    }

    /**
     * A builder that starts from this configuration's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(name -> null);
        b.magazineCapacity = magazineCapacity;
        b.drainInterval = drainInterval;
        b.zeroOnAllocate = zeroOnAllocate;
        b.trackAllocationSites = trackAllocationSites;
        b.poisonFreedBlocks = poisonFreedBlocks;
        b.maxMappedBytes = maxMappedBytes;
        b.emptySuperSlabCacheSize = emptySuperSlabCacheSize;
        b.purgeThresholdBytes = purgeThresholdBytes;
        b.osBackend = osBackend;
        b.backgroundTrimInterval = backgroundTrimInterval;
        b.purgeDelay = purgeDelay;
        b.name = name;
        b.registerMXBean = registerMXBean;
        b.detectUseAfterFree = detectUseAfterFree;
        b.failOnCloseWithLiveBlocks = failOnCloseWithLiveBlocks;
        return b;
    }

    /** {@return blocks each platform thread may cache per tiny size class; 0 means no caches} */
    public int magazineCapacity() {
        return magazineCapacity;
    }

    /** {@return frees per size class between two periodic drains of a thread's magazine} */
    public int drainInterval() {
        return drainInterval;
    }

    /** {@return whether segments come back zero-filled, as the JDK's arenas do} */
    public boolean zeroOnAllocate() {
        return zeroOnAllocate;
    }

    /** {@return whether each live block remembers the stack that allocated it, for leak reports} */
    public boolean trackAllocationSites() {
        return trackAllocationSites;
    }

    /** {@return whether freed blocks are filled with a pattern that is checked on reuse} */
    public boolean poisonFreedBlocks() {
        return poisonFreedBlocks;
    }

    /** {@return the most bytes the arena may map at once; allocations past it fail} */
    public long maxMappedBytes() {
        return maxMappedBytes;
    }

    /** {@return empty SuperSlabs kept mapped for reuse instead of being unmapped at once} */
    public int emptySuperSlabCacheSize() {
        return emptySuperSlabCacheSize;
    }

    /** {@return bytes of empty slabs allowed to stay resident before they are purged} */
    public long purgeThresholdBytes() {
        return purgeThresholdBytes;
    }

    /** {@return where memory comes from} */
    public OsBackend osBackend() {
        return osBackend;
    }

    /** {@return how often a shared daemon thread trims idle arenas; {@link Duration#ZERO} is off} */
    public Duration backgroundTrimInterval() {
        return backgroundTrimInterval;
    }

    /**
     * {@return how long an empty slab stays resident before it is purged; an empty SuperSlab beyond
     * {@link #emptySuperSlabCacheSize()} stays mapped a thousand times as long}
     */
    public Duration purgeDelay() {
        return purgeDelay;
    }

    /**
     * {@return the arena's name as set with {@link Builder#name}, or null for the default: the
     * creation site ({@code Class.method:line}), or {@code arena-N} when no caller frame is found}
     */
    public @Nullable String name() {
        return name;
    }

    /**
     * {@return whether the arena registers an MXBean {@code io.hakmem:type=HakmemArena,name=<name>}
     * with the platform MBean server while it is open}
     */
    public boolean registerMXBean() {
        return registerMXBean;
    }

    /** {@return whether every block gets a JDK scope of its own that {@code free} closes} */
    public boolean detectUseAfterFree() {
        return detectUseAfterFree;
    }

    /** {@return whether {@code close()} with live blocks throws instead of logging a warning} */
    public boolean failOnCloseWithLiveBlocks() {
        return failOnCloseWithLiveBlocks;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof HakmemConfig c
                && magazineCapacity == c.magazineCapacity
                && drainInterval == c.drainInterval
                && zeroOnAllocate == c.zeroOnAllocate
                && trackAllocationSites == c.trackAllocationSites
                && poisonFreedBlocks == c.poisonFreedBlocks
                && maxMappedBytes == c.maxMappedBytes
                && emptySuperSlabCacheSize == c.emptySuperSlabCacheSize
                && purgeThresholdBytes == c.purgeThresholdBytes
                && osBackend == c.osBackend
                && backgroundTrimInterval.equals(c.backgroundTrimInterval)
                && purgeDelay.equals(c.purgeDelay)
                && Objects.equals(name, c.name)
                && registerMXBean == c.registerMXBean
                && detectUseAfterFree == c.detectUseAfterFree
                && failOnCloseWithLiveBlocks == c.failOnCloseWithLiveBlocks;
    }

    @Override
    public int hashCode() {
        return Objects.hash(magazineCapacity, drainInterval, zeroOnAllocate, trackAllocationSites,
                poisonFreedBlocks, maxMappedBytes, emptySuperSlabCacheSize, purgeThresholdBytes,
                osBackend, backgroundTrimInterval, purgeDelay, name, registerMXBean, detectUseAfterFree,
                failOnCloseWithLiveBlocks);
    }

    @Override
    public String toString() {
        return "HakmemConfig[magazineCapacity=" + magazineCapacity
                + ", drainInterval=" + drainInterval
                + ", zeroOnAllocate=" + zeroOnAllocate
                + ", trackAllocationSites=" + trackAllocationSites
                + ", poisonFreedBlocks=" + poisonFreedBlocks
                + ", maxMappedBytes=" + maxMappedBytes
                + ", emptySuperSlabCacheSize=" + emptySuperSlabCacheSize
                + ", purgeThresholdBytes=" + purgeThresholdBytes
                + ", osBackend=" + osBackend
                + ", backgroundTrimInterval=" + backgroundTrimInterval
                + ", purgeDelay=" + purgeDelay
                + ", name=" + name
                + ", registerMXBean=" + registerMXBean
                + ", detectUseAfterFree=" + detectUseAfterFree
                + ", failOnCloseWithLiveBlocks=" + failOnCloseWithLiveBlocks + "]";
    }

    private static @Nullable String knob(String property) {
        String value = System.getProperty(property);
        if (value != null) {
            return value;
        }
        String env = switch (property) {
            case "hakmem.tiny.magCap" -> "HAKMEM_TINY_MAG_CAP";
            default -> "HAKMEM_" + property.substring("hakmem.".length())
                    .replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        };
        return System.getenv(env);
    }

    /**
     * Builds a {@link HakmemConfig}; every setter rejects invalid values at once.
     *
     * <pre>{@code
     * HakmemConfig config = HakmemConfig.builder().magazineCapacity(64).build();
     * }</pre>
     */
    @NullMarked
    public static final class Builder {
        private int magazineCapacity;
        private int drainInterval = DEFAULT_DRAIN_INTERVAL;
        private boolean zeroOnAllocate = true;
        private boolean trackAllocationSites;
        private boolean poisonFreedBlocks;
        private long maxMappedBytes;
        private int emptySuperSlabCacheSize = 1;
        private long purgeThresholdBytes = 64L << 20;
        private OsBackend osBackend;
        private Duration backgroundTrimInterval;
        private Duration purgeDelay = DEFAULT_PURGE_DELAY;
        private @Nullable String name;
        private boolean registerMXBean;
        private boolean detectUseAfterFree;
        private boolean failOnCloseWithLiveBlocks;

        private Builder(UnaryOperator<@Nullable String> knobs) {
            fromKnob(knobs, "hakmem.tiny.magCap",
                    () -> magazineCapacity(intKnob(knobs, "hakmem.tiny.magCap", DEFAULT_MAGAZINE_CAPACITY)));
            fromKnob(knobs, "hakmem.maxMappedBytes",
                    () -> maxMappedBytes(longKnob(knobs, "hakmem.maxMappedBytes", Long.MAX_VALUE)));
            String backend = knobs.apply("hakmem.osBackend");
            osBackend = backend == null ? OsBackend.AUTO : parseBackend(backend);
            String track = knobs.apply("hakmem.trackAllocationSites");
            trackAllocationSites = track != null && parseBoolean("hakmem.trackAllocationSites", track);
            fromKnob(knobs, "hakmem.backgroundTrimMillis", () -> backgroundTrimInterval(Duration.ofMillis(
                    longKnob(knobs, "hakmem.backgroundTrimMillis", 0))));
            fromKnob(knobs, "hakmem.purgeDelayMillis", () -> purgeDelay(Duration.ofMillis(
                    longKnob(knobs, "hakmem.purgeDelayMillis", DEFAULT_PURGE_DELAY.toMillis()))));
            String jmx = knobs.apply("hakmem.jmx");
            registerMXBean = jmx == null || parseBoolean("hakmem.jmx", jmx);
            String uaf = knobs.apply("hakmem.detectUseAfterFree");
            detectUseAfterFree = uaf != null && parseBoolean("hakmem.detectUseAfterFree", uaf);
            String failOnClose = knobs.apply("hakmem.failOnCloseWithLiveBlocks");
            failOnCloseWithLiveBlocks = failOnClose != null
                    && parseBoolean("hakmem.failOnCloseWithLiveBlocks", failOnClose);
        }

        /** Applies a knob; a value the setter rejects is reported with the knob's name. */
        private static void fromKnob(UnaryOperator<@Nullable String> knobs, String name, Runnable apply) {
            try {
                apply.run();
            } catch (IllegalArgumentException e) {
                if (String.valueOf(e.getMessage()).startsWith(name)) {
                    throw e;
                }
                throw new IllegalArgumentException(
                        name + "='" + knobs.apply(name) + "' is invalid: " + e.getMessage(), e);
            }
        }

        /**
         * Blocks each platform thread may cache per tiny size class (the seed's
         * {@code HAKMEM_TINY_MAG_CAP}); 0 turns thread caches off.
         *
         * @param capacity 0 to 65536
         * @return this builder
         */
        public Builder magazineCapacity(int capacity) {
            if (capacity < 0 || capacity > 65536) {
                throw new IllegalArgumentException(
                        "magazineCapacity must be between 0 and 65536, was " + capacity);
            }
            this.magazineCapacity = capacity;
            return this;
        }

        /**
         * Frees per size class between two periodic drains of a thread's magazine, as hakmem's
         * drain every 1024 frees.
         *
         * @param frees at least 1
         * @return this builder
         */
        public Builder drainInterval(int frees) {
            if (frees < 1) {
                throw new IllegalArgumentException("drainInterval must be at least 1, was " + frees);
            }
            this.drainInterval = frees;
            return this;
        }

        /**
         * Whether segments come back zero-filled (default true). Fresh pages from the OS are
         * never cleared twice.
         *
         * @param zero false to get recycled blocks with their old contents
         * @return this builder
         */
        public Builder zeroOnAllocate(boolean zero) {
            this.zeroOnAllocate = zero;
            return this;
        }

        /**
         * Whether each live block remembers the stack that allocated it (default false).
         *
         * @param track true for leak reports that name allocation sites
         * @return this builder
         */
        public Builder trackAllocationSites(boolean track) {
            this.trackAllocationSites = track;
            return this;
        }

        /**
         * Whether freed blocks are filled with a pattern checked on reuse, to catch writes after
         * free (default false).
         *
         * @param poison true to poison
         * @return this builder
         */
        public Builder poisonFreedBlocks(boolean poison) {
            this.poisonFreedBlocks = poison;
            return this;
        }

        /**
         * The most bytes the arena may map at once. Allocations past it throw
         * {@link OutOfMemoryError}.
         *
         * @param bytes at least one SuperSlab (2 MiB)
         * @return this builder
         */
        public Builder maxMappedBytes(long bytes) {
            if (bytes < (2L << 20)) {
                throw new IllegalArgumentException(
                        "maxMappedBytes must be at least 2097152 (one SuperSlab), was " + bytes);
            }
            this.maxMappedBytes = bytes;
            return this;
        }

        /**
         * Empty SuperSlabs kept mapped for reuse (default 1); {@link HakmemArena#trim()} unmaps
         * them.
         *
         * @param superSlabs 0 to 64
         * @return this builder
         */
        public Builder emptySuperSlabCacheSize(int superSlabs) {
            if (superSlabs < 0 || superSlabs > 64) {
                throw new IllegalArgumentException(
                        "emptySuperSlabCacheSize must be between 0 and 64, was " + superSlabs);
            }
            this.emptySuperSlabCacheSize = superSlabs;
            return this;
        }

        /**
         * Bytes of empty slabs allowed to wait for their {@link #purgeDelay(Duration)} (default
         * 64 MiB): past it, the next slow path purges them all whatever their age. Purging never
         * runs on the free path.
         *
         * @param bytes 0 or more
         * @return this builder
         */
        public Builder purgeThresholdBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("purgeThresholdBytes must not be negative, was " + bytes);
            }
            this.purgeThresholdBytes = bytes;
            return this;
        }

        /**
         * Where memory comes from (default {@link OsBackend#AUTO}).
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder osBackend(OsBackend backend) {
            this.osBackend = Objects.requireNonNull(backend, "osBackend");
            return this;
        }

        /**
         * How often one shared daemon thread trims arenas that were idle for a whole interval;
         * {@link Duration#ZERO} (the default) turns it off.
         *
         * @param interval zero, or between 1 ms and 1 day
         * @return this builder
         */
        public Builder backgroundTrimInterval(Duration interval) {
            Objects.requireNonNull(interval, "backgroundTrimInterval");
            if (!interval.isZero() && (interval.isNegative() || interval.toMillis() < 1
                    || interval.compareTo(Duration.ofDays(1)) > 0)) {
                throw new IllegalArgumentException(
                        "backgroundTrimInterval must be zero or between 1 ms and 1 day, was " + interval);
            }
            this.backgroundTrimInterval = interval;
            return this;
        }

        /**
         * How long an empty slab stays resident, ready for reuse, before the allocator hands its
         * pages back with {@code madvise} (default 10 ms); reuse cancels it. An empty SuperSlab
         * beyond {@link #emptySuperSlabCacheSize(int)} is unmapped after a thousand delays (10 s by
         * default). Both happen
         * lazily on allocation slow paths and in the background trimmer, never on the free path;
         * {@link HakmemArena#trim()} does both at once.
         *
         * @param delay zero (purge at the next slow path) up to 1 hour
         * @return this builder
         */
        public Builder purgeDelay(Duration delay) {
            Objects.requireNonNull(delay, "purgeDelay");
            if (delay.isNegative() || delay.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("purgeDelay must be between 0 and 1 hour, was " + delay);
            }
            this.purgeDelay = delay;
            return this;
        }

        /**
         * Names the arena in the exit table, the {@code hakmem.ArenaStatistics} JFR event and its
         * MXBean's {@code ObjectName}.
         *
         * <pre>{@code
         * HakmemArena arena = HakmemArena.create(HakmemConfig.builder().name("parser").build());
         * }</pre>
         *
         * @param arenaName 1 to 200 characters, no line break; null restores the default (the
         *     creation site, or {@code arena-N})
         * @return this builder
         */
        public Builder name(@Nullable String arenaName) {
            if (arenaName != null && (arenaName.isBlank() || arenaName.length() > 200
                    || arenaName.chars().anyMatch(ch -> ch == '\n' || ch == '\r'))) {
                throw new IllegalArgumentException(
                        "name must be 1 to 200 characters, not blank, on one line, was '" + arenaName + "'");
            }
            this.name = arenaName;
            return this;
        }

        /**
         * Whether each block gets a JDK scope of its own, closed by {@code free} (default false).
         * Every read or write through a freed segment, or a slice of one, then throws
         * {@link IllegalStateException} at that access, and freeing an old segment again is a
         * double free even after its address was handed out again. Each allocation creates a
         * shared JDK arena and each free closes it, which costs a handshake with every thread:
         * meant for tests.
         *
         * <pre>{@code
         * HakmemArena arena = HakmemArena.create(HakmemConfig.builder().detectUseAfterFree(true).build());
         * MemorySegment s = arena.allocate(16);
         * arena.free(s);
         * s.get(ValueLayout.JAVA_BYTE, 0);   // IllegalStateException: Already closed
         * }</pre>
         *
         * @param detect true to detect
         * @return this builder
         */
        public Builder detectUseAfterFree(boolean detect) {
            this.detectUseAfterFree = detect;
            return this;
        }

        /**
         * Whether the arena registers an MXBean with the platform MBean server from creation to
         * {@link HakmemArena#close()} (default true). The first registration in a JVM starts the
         * platform MBean server, which costs about 0.2 s once.
         *
         * @param register false to keep the arena out of JMX
         * @return this builder
         */
        public Builder registerMXBean(boolean register) {
            this.registerMXBean = register;
            return this;
        }

        /**
         * Whether {@code close()} with blocks still live throws {@link IllegalStateException}
         * (after unmapping them) instead of logging one warning to the {@code io.hakmem} logger
         * (default false).
         *
         * @param fail true to throw
         * @return this builder
         */
        public Builder failOnCloseWithLiveBlocks(boolean fail) {
            this.failOnCloseWithLiveBlocks = fail;
            return this;
        }

        /** {@return the configuration} */
        public HakmemConfig build() {
            return new HakmemConfig(this);
        }

        private static int intKnob(UnaryOperator<@Nullable String> knobs, String name, int fallback) {
            long value = longKnob(knobs, name, fallback);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " is out of range: " + value);
            }
            return (int) value;
        }

        private static long longKnob(UnaryOperator<@Nullable String> knobs, String name, long fallback) {
            String value = knobs.apply(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
            }
        }

        private static boolean parseBoolean(String name, String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(
                        name + " must be true or false, was '" + value + "'");
            };
        }

        private static OsBackend parseBackend(String value) {
            try {
                return OsBackend.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "hakmem.osBackend must be AUTO, LINUX or PORTABLE, was '" + value + "'", e);
            }
        }
    }
}
