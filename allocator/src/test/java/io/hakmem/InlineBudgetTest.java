package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both {@code allocate} entries stay within C2's {@code MaxInlineSize} (35 bytes of bytecode by
 * default, read from the running JVM): where the caller's profile calls the site cold, C2 inlines
 * a method that small as long as the method has no C2 code of its own above a quarter of
 * {@code InlineSmallCode}, and a caller that keeps the allocation out of line pays about 1 ns per
 * block (see CONTRIBUTING). The code lengths are read from the class file, since no JDK API this
 * module compiles against reports them.
 */
class InlineBudgetTest {

    @Test
    void bothAllocateEntriesFitMaxInlineSize() throws IOException, JMException {
        int maxInlineSize = vmOption("MaxInlineSize");
        Map<String, Integer> codeLengths = codeLengths(HakmemArena.class);
        assertThat(codeLengths)
                .as("code length in bytes of HakmemArena's methods, by name and descriptor")
                .containsKeys(
                        "allocate(J)Ljava/lang/foreign/MemorySegment;",
                        "allocate(JJ)Ljava/lang/foreign/MemorySegment;");
        assertThat(codeLengths.get("allocate(J)Ljava/lang/foreign/MemorySegment;"))
                .as("bytes of bytecode in allocate(long)")
                .isLessThanOrEqualTo(maxInlineSize);
        assertThat(codeLengths.get("allocate(JJ)Ljava/lang/foreign/MemorySegment;"))
                .as("bytes of bytecode in allocate(long, long)")
                .isLessThanOrEqualTo(maxInlineSize);
    }

    /**
     * Without zeroing, the code C2 makes of {@code allocate(long)} and {@code free} on their own,
     * in a loop of 16 B blocks, stays under {@code InlineSmallCode}: a caller compiled after them
     * can still inline them where its profile calls the site hot (see CONTRIBUTING). About half of
     * that code is uncommon-trap stubs, one per check on the path, so a few more checks cross the
     * limit. With zeroing, the default, {@code allocate}'s own code is over it already, a known
     * limitation (README); {@code free} does not zero, so one run covers it.
     */
    @Test
    void withoutZeroingTheirOwnCompilesStayUnderInlineSmallCode(@TempDir Path dir) throws Exception {
        OwnCompiles compiles = ownCompiles(dir.resolve("compiles.log"));
        assertThat(compiles.sizes().get(CompiledSizeMain.ALLOCATE))
                .as("bytes of C2 code in allocate(long)'s own compile, without zeroing")
                .isLessThan(compiles.inlineSmallCode());
        assertThat(compiles.sizes().get(CompiledSizeMain.FREE))
                .as("bytes of C2 code in free's own compile, without zeroing")
                .isLessThan(compiles.inlineSmallCode());
        System.out.println("own C2 compiles in bytes, without zeroing: " + compiles.sizes());
    }

    /**
     * What the child JVM compiled, with the JIT's defaults apart from keeping {@code allocate} and
     * {@code free} out of line: the size of the largest C2 compile of each of {@code HakmemArena}'s
     * methods, by name and descriptor, and that JVM's {@code InlineSmallCode}, which differs in a
     * JVM that stops at C1 as some test runs do.
     */
    private record OwnCompiles(Map<String, Integer> sizes, int inlineSmallCode) {}

    /** Runs {@link CompiledSizeMain} in a JVM of its own that logs its compiles to {@code log}. */
    private static OwnCompiles ownCompiles(Path log) throws IOException, InterruptedException {
        ChildJvm.Run run = ChildJvm.run(
                List.of(
                        "-XX:CompileCommand=quiet",
                        "-XX:CompileCommand=dontinline,io.hakmem.HakmemArena::allocate",
                        "-XX:CompileCommand=dontinline,io.hakmem.HakmemArena::free",
                        "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:+LogCompilation",
                        "-XX:LogFile=" + log),
                Set.of(),
                Map.of(),
                CompiledSizeMain.class);
        assertThat(run.exitCode())
                .as("exit code of CompiledSizeMain; %s", run.output())
                .isZero();
        Map<String, Integer> sizes = new HashMap<>();
        Matcher compile = C2_COMPILE_OF_ARENA.matcher(Files.readString(log, StandardCharsets.UTF_8));
        while (compile.find()) {
            Map<String, String> attributes = new HashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(compile.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            String method = attributes
                    .get("method")
                    .substring(HakmemArena.class.getName().length() + 1)
                    .replace(" ", "");
            int codeBytes =
                    Integer.parseInt(attributes.get("stub_offset")) - Integer.parseInt(attributes.get("insts_offset"));
            sizes.merge(method, codeBytes, Math::max);
        }
        assertThat(sizes)
                .as("C2 compiles of HakmemArena's methods in %s", log)
                .containsKeys(CompiledSizeMain.ALLOCATE, CompiledSizeMain.FREE);
        int inlineSmallCode = run.stdout()
                .lines()
                .filter(line -> line.startsWith(CompiledSizeMain.INLINE_SMALL_CODE))
                .mapToInt(line -> Integer.parseInt(line.substring(CompiledSizeMain.INLINE_SMALL_CODE.length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no InlineSmallCode from CompiledSizeMain; " + run.output()));
        return new OwnCompiles(sizes, inlineSmallCode);
    }

    /** A compiled method in HotSpot's compilation log, compiled by C2, of an arena method. */
    private static final Pattern C2_COMPILE_OF_ARENA =
            Pattern.compile("<nmethod [^>]*compiler='c2'[^>]*method='io\\.hakmem\\.HakmemArena [^>]*>");

    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)='([^']*)'");

    /**
     * {@return a numeric HotSpot option of this JVM}, through the platform MBean server: this
     * module does not read {@code jdk.management}, which declares the typed interface.
     */
    static int vmOption(String name) throws JMException {
        CompositeData option = (CompositeData) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                        "getVMOption",
                        new Object[] {name},
                        new String[] {String.class.getName()});
        return Integer.parseInt((String) option.get("value"));
    }

    /** {@return the code length of each method of {@code type} with code, keyed by name and descriptor} */
    private static Map<String, Integer> codeLengths(Class<?> type) throws IOException {
        String resource = type.getSimpleName() + ".class";
        try (InputStream raw = Objects.requireNonNull(type.getResourceAsStream(resource), resource);
                DataInputStream in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor version
            in.readUnsignedShort(); // major version
            String[] utf8 = readConstantPool(in);
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
            Map<String, Integer> lengths = new HashMap<>();
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort(); // access flags
                String key = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String name = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (name.equals("Code")) {
                        in.skipNBytes(4); // max stack, max locals
                        lengths.put(key, in.readInt());
                        in.skipNBytes(length - 8L);
                    } else {
                        in.skipNBytes(length);
                    }
                }
            }
            return lengths;
        }
    }

    /** Reads the constant pool; {@return its UTF-8 entries by index, null elsewhere} */
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
    }
}
