package io.hakmem;

import io.hakmem.os.OsChoice;
import org.jspecify.annotations.NullMarked;

/**
 * Where an arena gets its memory from.
 *
 * <pre>{@code
 * HakmemConfig portable = HakmemConfig.builder().osBackend(OsBackend.PORTABLE).build();
 * }</pre>
 */
@NullMarked
public enum OsBackend {
    /** {@link #LINUX} on Linux x86-64 and aarch64, else {@link #PORTABLE}. */
    AUTO,
    /** {@code mmap}, {@code munmap}, {@code madvise} and {@code mincore} through FFM downcalls. */
    LINUX,
    /**
     * JDK arenas only: works everywhere, but cannot purge pages or measure residency, so
     * {@link HakmemStats#residentBytes()} is -1.
     */
    PORTABLE;

    /**
     * The backend this one stands for on the running platform.
     *
     * <pre>{@code
     * boolean mapsFromOs = config.osBackend().resolved() == OsBackend.LINUX;
     * }</pre>
     *
     * @return {@link #LINUX} or {@link #PORTABLE}; {@link #AUTO} resolves by platform
     */
    public OsBackend resolved() {
        return choice().resolved() == OsChoice.LINUX ? LINUX : PORTABLE;
    }

    /** {@return the OS layer's name for this backend} */
    OsChoice choice() {
        return switch (this) {
            case AUTO -> OsChoice.AUTO;
            case LINUX -> OsChoice.LINUX;
            case PORTABLE -> OsChoice.PORTABLE;
        };
    }
}
