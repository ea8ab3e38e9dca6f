package io.hakmem.it.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown file, turned into a compilation unit of its own package:
 * a block that declares a type is compiled as it is; a block of statements becomes the body of
 * {@code Snippet.run()}. The block's own imports are kept, and common ones are added so that the
 * README may leave them out.
 */
record JavaBlock(int index, int line, String code) {

    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.lang.foreign.*",
            "java.time.Duration",
            "java.util.*",
            "io.hakmem.*",
            "io.hakmem.budget.*",
            "io.hakmem.junit.*",
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.api.extension.ExtendWith");

    private static final Pattern FENCE = Pattern.compile("(?m)^```java[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:public\\s+)?(?:final\\s+)?(?:class|record|interface|enum)\\s+(\\w+)");

    /** @return every {@code ```java} block of {@code markdown}, in order */
    static List<JavaBlock> parse(String markdown) {
        List<JavaBlock> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            int line = (int) markdown.substring(0, m.start()).lines().count() + 1;
            blocks.add(new JavaBlock(blocks.size() + 1, line, m.group(1)));
        }
        return blocks;
    }

    String packageName() {
        return "readme.block" + index;
    }

    /** @return the declared type's name, or {@code Snippet} for a block of statements */
    String typeName() {
        Matcher m = TYPE.matcher(body());
        return m.find() ? m.group(1) : "Snippet";
    }

    boolean isStatements() {
        return !TYPE.matcher(body()).find();
    }

    /** @return the Java source file for this block */
    String source() {
        StringBuilder b = new StringBuilder("package ").append(packageName()).append(";\n");
        DEFAULT_IMPORTS.forEach(i -> b.append("import ").append(i).append(";\n"));
        imports().forEach(i -> b.append(i).append('\n'));
        if (isStatements()) {
            b.append("public final class Snippet {\n    public static void run() throws Exception {\n")
                    .append(body())
                    .append("\n    }\n}\n");
        } else {
            b.append(body());
        }
        return b.toString();
    }

    private List<String> imports() {
        return code.lines().filter(l -> l.startsWith("import ")).toList();
    }

    private String body() {
        return String.join(
                "\n", code.lines().filter(l -> !l.startsWith("import ")).toList());
    }
}
