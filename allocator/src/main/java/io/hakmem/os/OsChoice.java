package io.hakmem.os;

import org.jspecify.annotations.NullMarked;

/**
 * Which OS layer to use: this package's own names for the public backend setting, so that the
 * layer resolves the platform itself and reads nothing above it.
 *
 * <pre>{@code
 * OsMemory os = OsMemories.of(OsChoice.AUTO.resolved());
 * }</pre>
 */
@NullMarked
public enum OsChoice {
    /** {@link #LINUX} where {@link LinuxOsMemory#isSupported()}, else {@link #PORTABLE}. */
    AUTO,
    /** {@link LinuxOsMemory}: mmap, munmap, madvise and mincore. */
    LINUX,
    /** {@link PortableOsMemory}: JDK arenas only. */
    PORTABLE;

    /** {@return {@link #LINUX} or {@link #PORTABLE}; {@link #AUTO} resolves by platform} */
    public OsChoice resolved() {
        if (this != AUTO) {
            return this;
        }
        return LinuxOsMemory.isSupported() ? LINUX : PORTABLE;
    }
}
