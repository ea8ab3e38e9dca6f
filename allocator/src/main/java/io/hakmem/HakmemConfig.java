package io.hakmem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The immutable settings of a {@link HakmemArena}.
 *
 * <p>Every setting but {@link #name()} can be given three ways: with the {@link Builder}, as a
 * system property, or as an environment variable. {@link #defaults()} and {@link #builder()} read
 * the property first, then the variable, then fall back to the built-in value; a blank value
 * counts as unset. An explicit builder call wins over both.
 *
 * <table>
 *   <caption>Knobs read by {@link #defaults()}</caption>
 *   <tr><th>setting</th><th>system property</th><th>environment</th><th>built-in</th></tr>
 *   <tr><td>{@link #magazineCapacity()}</td><td>{@code hakmem.tiny.magCap}</td>
 *       <td>{@code HAKMEM_TINY_MAG_CAP}</td><td>2048 (0 turns thread caches off)</td></tr>
 *   <tr><td>{@link #drainInterval()}</td><td>{@code hakmem.drainInterval}</td>
 *       <td>{@code HAKMEM_DRAIN_INTERVAL}</td><td>1024</td></tr>
 *   <tr><td>{@link #zeroOnAllocate()}</td><td>{@code hakmem.zeroOnAllocate}</td>
 *       <td>{@code HAKMEM_ZERO_ON_ALLOCATE}</td><td>true</td></tr>
 *   <tr><td>{@link #trackAllocationSites()}</td><td>{@code hakmem.trackAllocationSites}</td>
 *       <td>{@code HAKMEM_TRACK_ALLOCATION_SITES}</td><td>false</td></tr>
 *   <tr><td>{@link #poisonFreedBlocks()}</td><td>{@code hakmem.poisonFreedBlocks}</td>
 *       <td>{@code HAKMEM_POISON_FREED_BLOCKS}</td><td>false</td></tr>
 *   <tr><td>{@link #maxMappedBytes()}</td><td>{@code hakmem.maxMappedBytes}</td>
 *       <td>{@code HAKMEM_MAX_MAPPED_BYTES}</td><td>unlimited ({@link Long#MAX_VALUE})</td></tr>
 *   <tr><td>{@link #emptySuperSlabCacheSize()}</td><td>{@code hakmem.emptySuperSlabCacheSize}</td>
 *       <td>{@code HAKMEM_EMPTY_SUPER_SLAB_CACHE_SIZE}</td><td>1</td></tr>
 *   <tr><td>{@link #purgeThresholdBytes()}</td><td>{@code hakmem.purgeThresholdBytes}</td>
 *       <td>{@code HAKMEM_PURGE_THRESHOLD_BYTES}</td><td>67108864 (64 MiB)</td></tr>
 *   <tr><td>{@link #osBackend()}</td><td>{@code hakmem.osBackend}</td>
 *       <td>{@code HAKMEM_OS_BACKEND}</td><td>{@link OsBackend#AUTO}</td></tr>
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
 * <p>Numbers are whole numbers, durations whole milliseconds, switches {@code true} or
 * {@code false} and the backend a constant of {@link OsBackend}, in any case. {@link #name()} has
 * no property: it tells one arena from the others, and one value for the whole process would give
 * every arena the same MXBean name.
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

    /** One value per {@link Knob}, at its {@link Knob#index}; never null. */
    private final Object[] values;

    private final @Nullable String name;

    private HakmemConfig(Builder b) {
        this.values = b.values.clone();
        this.name = b.name;
    }

    /**
     * The settings from system properties and environment variables, else built-in defaults.
     *
     * @return the default configuration
     * @throws IllegalArgumentException if a property or variable holds an invalid value, naming
     *     both
     */
    public static HakmemConfig defaults() {
        return builder().build();
    }

    /**
     * A builder that starts from {@link #defaults()}' values.
     *
     * @return a new builder
     * @throws IllegalArgumentException if a property or variable holds an invalid value, naming
     *     both
     */
    public static Builder builder() {
        return builder(System::getProperty, System::getenv);
    }

    /**
     * A builder that starts from the knobs' values as {@code properties}, then
     * {@code environment}, give them; tests pass maps here instead of changing the process's
     * environment, which Java cannot.
     */
    static Builder builder(
            Function<String, @Nullable String> properties, Function<String, @Nullable String> environment) {
        Builder b = new Builder(Knob.builtIns(), null);
        for (Knob<?> knob : Knob.ALL) {
            knob.applyFrom(properties, environment, b);
        }
        return b;
    }

    /**
     * A builder that starts from this configuration's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(values, name);
    }

    /** {@return blocks each platform thread may cache per size class (each class also bounds its bytes); 0 means no caches} */
    public int magazineCapacity() {
        return Knob.MAGAZINE_CAPACITY.in(values);
    }

    /** {@return frees per size class between two periodic drains of a thread's magazine} */
    public int drainInterval() {
        return Knob.DRAIN_INTERVAL.in(values);
    }

    /** {@return whether segments come back zero-filled, as the JDK's arenas do} */
    public boolean zeroOnAllocate() {
        return Knob.ZERO_ON_ALLOCATE.in(values);
    }

    /** {@return whether each live block remembers the stack that allocated it, for leak reports} */
    public boolean trackAllocationSites() {
        return Knob.TRACK_ALLOCATION_SITES.in(values);
    }

    /** {@return whether freed blocks are filled with a pattern that is checked on reuse} */
    public boolean poisonFreedBlocks() {
        return Knob.POISON_FREED_BLOCKS.in(values);
    }

    /** {@return the most bytes the arena may map at once; allocations past it fail} */
    public long maxMappedBytes() {
        return Knob.MAX_MAPPED_BYTES.in(values);
    }

    /** {@return empty SuperSlabs kept mapped for reuse instead of being unmapped at once} */
    public int emptySuperSlabCacheSize() {
        return Knob.EMPTY_SUPER_SLAB_CACHE_SIZE.in(values);
    }

    /** {@return bytes of empty slabs allowed to stay resident before they are purged} */
    public long purgeThresholdBytes() {
        return Knob.PURGE_THRESHOLD_BYTES.in(values);
    }

    /** {@return where memory comes from} */
    public OsBackend osBackend() {
        return Knob.OS_BACKEND.in(values);
    }

    /** {@return how often a shared daemon thread trims idle arenas; {@link Duration#ZERO} is off} */
    public Duration backgroundTrimInterval() {
        return Knob.BACKGROUND_TRIM_INTERVAL.in(values);
    }

    /**
     * {@return how long an empty slab stays resident before it is purged; an empty SuperSlab beyond
     * {@link #emptySuperSlabCacheSize()} stays mapped a thousand times as long}
     */
    public Duration purgeDelay() {
        return Knob.PURGE_DELAY.in(values);
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
        return Knob.REGISTER_MXBEAN.in(values);
    }

    /** {@return whether every block gets a JDK scope of its own that {@code free} closes} */
    public boolean detectUseAfterFree() {
        return Knob.DETECT_USE_AFTER_FREE.in(values);
    }

    /** {@return whether {@code close()} with live blocks throws instead of logging a warning} */
    public boolean failOnCloseWithLiveBlocks() {
        return Knob.FAIL_ON_CLOSE_WITH_LIVE_BLOCKS.in(values);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof HakmemConfig c && Arrays.equals(values, c.values) && Objects.equals(name, c.name);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Objects.hashCode(name);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("HakmemConfig[");
        for (Knob<?> knob : Knob.ALL) {
            text.append(knob.setting).append('=').append(values[knob.index]).append(", ");
        }
        return text.append("name=").append(name).append(']').toString();
    }

    /**
     * Turns the text of a property or environment variable into a value.
     *
     * @param expected what the text must be, for the message when it is not
     * @param parse the value, or null when the text is not {@code expected}
     */
    private record Parser<T>(Class<T> type, String expected, Function<String, @Nullable T> parse) {

        static final Parser<Integer> INT = new Parser<>(Integer.class, "a whole number that fits in an int", text -> {
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                return null;
            }
        });
        static final Parser<Long> LONG = new Parser<>(Long.class, "a whole number", text -> {
            try {
                return Long.valueOf(text);
            } catch (NumberFormatException e) {
                return null;
            }
        });
        static final Parser<Boolean> BOOLEAN =
                new Parser<>(Boolean.class, "true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> null;
                });
        static final Parser<Duration> MILLIS = new Parser<>(Duration.class, "a whole number of milliseconds", text -> {
            Long millis = LONG.parse.apply(text);
            return millis == null ? null : Duration.ofMillis(millis);
        });
        static final Parser<OsBackend> OS_BACKEND = new Parser<>(
                OsBackend.class, "one of " + Arrays.toString(OsBackend.values()) + " in any case", text -> {
                    for (OsBackend backend : OsBackend.values()) {
                        if (backend.name().equalsIgnoreCase(text)) {
                            return backend;
                        }
                    }
                    return null;
                });
    }

    /**
     * One setting, defined here once: the builder method that sets it, the system property and
     * environment variable that give its default, how their text is read, its built-in value and
     * the values it accepts. Accessors, setters, {@code equals}, {@code toString} and the
     * property lookup all go through this table, so a new setting is one entry plus its accessor
     * and builder method.
     *
     * @param <T> the type of the value
     */
    static final class Knob<T> {

        /** Every knob, in declaration order: the order of {@code toString} and of the tables. */
        static final List<Knob<?>> ALL;

        private static final List<Knob<?>> DECLARED = new ArrayList<>();

        static final Knob<Integer> MAGAZINE_CAPACITY = new Knob<>(
                "magazineCapacity",
                "hakmem.tiny.magCap",
                "HAKMEM_TINY_MAG_CAP",
                Parser.INT,
                DEFAULT_MAGAZINE_CAPACITY,
                "must be between 0 and 65536",
                v -> v >= 0 && v <= 65536);
        static final Knob<Integer> DRAIN_INTERVAL = new Knob<>(
                "drainInterval",
                "hakmem.drainInterval",
                "HAKMEM_DRAIN_INTERVAL",
                Parser.INT,
                DEFAULT_DRAIN_INTERVAL,
                "must be at least 1",
                v -> v >= 1);
        static final Knob<Boolean> ZERO_ON_ALLOCATE =
                new Knob<>("zeroOnAllocate", "hakmem.zeroOnAllocate", "HAKMEM_ZERO_ON_ALLOCATE", Parser.BOOLEAN, true);
        static final Knob<Boolean> TRACK_ALLOCATION_SITES = new Knob<>(
                "trackAllocationSites",
                "hakmem.trackAllocationSites",
                "HAKMEM_TRACK_ALLOCATION_SITES",
                Parser.BOOLEAN,
                false);
        static final Knob<Boolean> POISON_FREED_BLOCKS = new Knob<>(
                "poisonFreedBlocks", "hakmem.poisonFreedBlocks", "HAKMEM_POISON_FREED_BLOCKS", Parser.BOOLEAN, false);
        static final Knob<Long> MAX_MAPPED_BYTES = new Knob<>(
                "maxMappedBytes",
                "hakmem.maxMappedBytes",
                "HAKMEM_MAX_MAPPED_BYTES",
                Parser.LONG,
                Long.MAX_VALUE,
                "must be at least 2097152 (one SuperSlab)",
                v -> v >= (2L << 20));
        static final Knob<Integer> EMPTY_SUPER_SLAB_CACHE_SIZE = new Knob<>(
                "emptySuperSlabCacheSize",
                "hakmem.emptySuperSlabCacheSize",
                "HAKMEM_EMPTY_SUPER_SLAB_CACHE_SIZE",
                Parser.INT,
                1,
                "must be between 0 and 64",
                v -> v >= 0 && v <= 64);
        static final Knob<Long> PURGE_THRESHOLD_BYTES = new Knob<>(
                "purgeThresholdBytes",
                "hakmem.purgeThresholdBytes",
                "HAKMEM_PURGE_THRESHOLD_BYTES",
                Parser.LONG,
                64L << 20,
                "must not be negative",
                v -> v >= 0);
        static final Knob<OsBackend> OS_BACKEND =
                new Knob<>("osBackend", "hakmem.osBackend", "HAKMEM_OS_BACKEND", Parser.OS_BACKEND, OsBackend.AUTO);
        static final Knob<Duration> BACKGROUND_TRIM_INTERVAL = new Knob<>(
                "backgroundTrimInterval",
                "hakmem.backgroundTrimMillis",
                "HAKMEM_BACKGROUND_TRIM_MILLIS",
                Parser.MILLIS,
                Duration.ZERO,
                "must be zero or between 1 ms and 1 day",
                v -> v.isZero() || (!v.isNegative() && v.toMillis() >= 1 && v.compareTo(Duration.ofDays(1)) <= 0));
        static final Knob<Duration> PURGE_DELAY = new Knob<>(
                "purgeDelay",
                "hakmem.purgeDelayMillis",
                "HAKMEM_PURGE_DELAY_MILLIS",
                Parser.MILLIS,
                DEFAULT_PURGE_DELAY,
                "must be between 0 and 1 hour",
                v -> !v.isNegative() && v.compareTo(Duration.ofHours(1)) <= 0);
        static final Knob<Boolean> REGISTER_MXBEAN =
                new Knob<>("registerMXBean", "hakmem.jmx", "HAKMEM_JMX", Parser.BOOLEAN, true);
        static final Knob<Boolean> DETECT_USE_AFTER_FREE = new Knob<>(
                "detectUseAfterFree",
                "hakmem.detectUseAfterFree",
                "HAKMEM_DETECT_USE_AFTER_FREE",
                Parser.BOOLEAN,
                false);
        static final Knob<Boolean> FAIL_ON_CLOSE_WITH_LIVE_BLOCKS = new Knob<>(
                "failOnCloseWithLiveBlocks",
                "hakmem.failOnCloseWithLiveBlocks",
                "HAKMEM_FAIL_ON_CLOSE_WITH_LIVE_BLOCKS",
                Parser.BOOLEAN,
                false);

        static {
            ALL = Collections.unmodifiableList(DECLARED);
        }

        final int index;
        final String setting;
        final String property;
        final String variable;
        private final Parser<T> parser;
        private final T builtIn;
        private final String requirement;
        private final Predicate<T> accepts;

        private Knob(String setting, String property, String variable, Parser<T> parser, T builtIn) {
            this(setting, property, variable, parser, builtIn, "", v -> true);
        }

        private Knob(
                String setting,
                String property,
                String variable,
                Parser<T> parser,
                T builtIn,
                String requirement,
                Predicate<T> accepts) {
            this.index = DECLARED.size();
            this.setting = setting;
            this.property = property;
            this.variable = variable;
            this.parser = parser;
            this.builtIn = builtIn;
            this.requirement = requirement;
            this.accepts = accepts;
            DECLARED.add(this);
        }

        static Object[] builtIns() {
            return ALL.stream().map(knob -> knob.builtIn).toArray();
        }

        T in(Object[] values) {
            return parser.type().cast(values[index]);
        }

        /** {@return why {@code value} is refused, naming this setting and the value, or null} */
        @Nullable
        String problem(T value) {
            return accepts.test(value) ? null : setting + " " + requirement + ", was " + value;
        }

        /**
         * Sets this knob on {@code builder} from its property, else its environment variable,
         * and names the one that held a bad value.
         */
        void applyFrom(
                Function<String, @Nullable String> properties,
                Function<String, @Nullable String> environment,
                Builder builder) {
            String source = property;
            String text = properties.apply(property);
            if (text == null || text.isBlank()) {
                source = variable;
                text = environment.apply(variable);
            }
            if (text == null || text.isBlank()) {
                return;
            }
            T value = parser.parse().apply(text.trim());
            if (value == null) {
                throw new IllegalArgumentException(source + " must be " + parser.expected() + ", was '" + text + "'");
            }
            String problem = problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(source + "='" + text + "' is invalid: " + problem);
            }
            builder.values[index] = value;
        }
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
        private final Object[] values;
        private @Nullable String name;

        private Builder(Object[] values, @Nullable String name) {
            this.values = values.clone();
            this.name = name;
        }

        private <T> Builder set(Knob<T> knob, T value) {
            Objects.requireNonNull(value, knob.setting);
            String problem = knob.problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            values[knob.index] = value;
            return this;
        }

        /**
         * Blocks each platform thread may cache per size class (the seed's
         * {@code HAKMEM_TINY_MAG_CAP}, kept as the property's name); each class also bounds the
         * bytes it pins (see the README's "Caches"). 0 turns thread caches off.
         *
         * @param capacity 0 to 65536
         * @return this builder
         */
        public Builder magazineCapacity(int capacity) {
            return set(Knob.MAGAZINE_CAPACITY, capacity);
        }

        /**
         * Frees per size class between two periodic drains of a thread's magazine, as hakmem's
         * drain every 1024 frees.
         *
         * @param frees at least 1
         * @return this builder
         */
        public Builder drainInterval(int frees) {
            return set(Knob.DRAIN_INTERVAL, frees);
        }

        /**
         * Whether segments come back zero-filled (default true). Fresh pages from the OS are
         * never cleared twice.
         *
         * @param zero false to get recycled blocks with their old contents
         * @return this builder
         */
        public Builder zeroOnAllocate(boolean zero) {
            return set(Knob.ZERO_ON_ALLOCATE, zero);
        }

        /**
         * Whether each live block remembers the stack that allocated it (default false).
         *
         * @param track true for leak reports that name allocation sites
         * @return this builder
         */
        public Builder trackAllocationSites(boolean track) {
            return set(Knob.TRACK_ALLOCATION_SITES, track);
        }

        /**
         * Whether freed blocks are filled with a pattern checked on reuse, to catch writes after
         * free (default false).
         *
         * @param poison true to poison
         * @return this builder
         */
        public Builder poisonFreedBlocks(boolean poison) {
            return set(Knob.POISON_FREED_BLOCKS, poison);
        }

        /**
         * The most bytes the arena may map at once. Allocations past it throw
         * {@link OutOfMemoryError}.
         *
         * @param bytes at least one SuperSlab (2 MiB)
         * @return this builder
         */
        public Builder maxMappedBytes(long bytes) {
            return set(Knob.MAX_MAPPED_BYTES, bytes);
        }

        /**
         * Empty SuperSlabs kept mapped for reuse (default 1); {@link HakmemArena#trim()} unmaps
         * them.
         *
         * @param superSlabs 0 to 64
         * @return this builder
         */
        public Builder emptySuperSlabCacheSize(int superSlabs) {
            return set(Knob.EMPTY_SUPER_SLAB_CACHE_SIZE, superSlabs);
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
            return set(Knob.PURGE_THRESHOLD_BYTES, bytes);
        }

        /**
         * Where memory comes from (default {@link OsBackend#AUTO}).
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder osBackend(OsBackend backend) {
            return set(Knob.OS_BACKEND, backend);
        }

        /**
         * How often one shared daemon thread trims arenas that were idle for a whole interval;
         * {@link Duration#ZERO} (the default) turns it off.
         *
         * @param interval zero, or between 1 ms and 1 day
         * @return this builder
         */
        public Builder backgroundTrimInterval(Duration interval) {
            return set(Knob.BACKGROUND_TRIM_INTERVAL, interval);
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
            return set(Knob.PURGE_DELAY, delay);
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
            if (arenaName != null
                    && (arenaName.isBlank()
                            || arenaName.length() > 200
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
            return set(Knob.DETECT_USE_AFTER_FREE, detect);
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
            return set(Knob.REGISTER_MXBEAN, register);
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
            return set(Knob.FAIL_ON_CLOSE_WITH_LIVE_BLOCKS, fail);
        }

        /** {@return the configuration} */
        public HakmemConfig build() {
            return new HakmemConfig(this);
        }
    }
}
