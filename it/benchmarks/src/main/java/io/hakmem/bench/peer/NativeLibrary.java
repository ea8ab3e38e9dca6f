package io.hakmem.bench.peer;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A C allocator's shared library, loaded once for the JVM's lifetime, or the reason it could not
 * be. A missing library makes its peers unavailable instead of failing the build or the run,
 * because mimalloc is an optional system package and LWJGL ships its libraries for x64 only.
 */
@NullMarked
final class NativeLibrary {
    /** Overrides where the build unpacked LWJGL's libraries (default: {@code target/natives}). */
    static final String DIRECTORY_PROPERTY = "hakmem.bench.natives";

    static final NativeLibrary JEMALLOC = bundled("jemalloc", "libjemalloc.so");
    static final NativeLibrary RPMALLOC = bundled("rpmalloc", "liblwjgl_rpmalloc.so");
    static final NativeLibrary MIMALLOC =
            system("mimalloc", "libmimalloc.so.2", "install Debian's libmimalloc2.0 to include it");

    private static final Linker LINKER = Linker.nativeLinker();

    private final String name;
    private final @Nullable SymbolLookup lookup;
    private final String note;

    private NativeLibrary(String name, @Nullable SymbolLookup lookup, String note) {
        this.name = name;
        this.lookup = lookup;
        this.note = note;
    }

    /** A library that the build unpacks next to the classes. */
    static NativeLibrary bundled(String name, String file) {
        Path path = directory().resolve(file);
        if (!Files.isRegularFile(path)) {
            return missing(name, path + " not found; `mvn generate-resources -pl it/benchmarks` unpacks it");
        }
        return open(name, path.toString(), "");
    }

    /** A library the dynamic linker finds on its own search path, if the system has it. */
    static NativeLibrary system(String name, String soname, String hint) {
        return open(name, soname, "; " + hint);
    }

    @SuppressWarnings("restricted")
    private static NativeLibrary open(String name, String file, String hint) {
        try {
            SymbolLookup lookup = file.contains("/")
                    ? SymbolLookup.libraryLookup(Path.of(file), Arena.global())
                    : SymbolLookup.libraryLookup(file, Arena.global());
            return new NativeLibrary(name, lookup, name + " loaded from " + file);
        } catch (IllegalArgumentException | IllegalCallerException e) {
            return missing(name, file + " could not be loaded (" + e.getMessage() + ")" + hint);
        }
    }

    private static NativeLibrary missing(String name, String why) {
        return new NativeLibrary(name, null, name + " skipped: " + why);
    }

    private static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        // target/classes and target/*.jar share their parent, so one rule serves both.
        try {
            Path classes = Path.of(NativeLibrary.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path parent = classes.toAbsolutePath().getParent();
            return parent == null ? Path.of("natives") : parent.resolve("natives");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target", "natives");
        }
    }

    boolean available() {
        return lookup != null;
    }

    /** @return where the library came from, or why its peers are skipped */
    String note() {
        return note;
    }

    /** @return the address of {@code symbol} */
    MemorySegment symbol(String symbol) {
        SymbolLookup l = lookup;
        if (l == null) {
            throw new IllegalStateException(note);
        }
        return l.find(symbol).orElseThrow(() -> new IllegalStateException(name + " has no symbol " + symbol));
    }

    /**
     * A critical downcall: allocator entry points are short, never block and never call back into
     * Java, so the thread-state transition that an ordinary downcall pays is skipped.
     */
    @SuppressWarnings("restricted")
    static MethodHandle critical(MemorySegment function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(function, descriptor, Linker.Option.critical(false));
    }

    /** An ordinary downcall, for one-off set-up calls that may map memory or take locks. */
    @SuppressWarnings("restricted")
    static MethodHandle plain(MemorySegment function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(function, descriptor);
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
