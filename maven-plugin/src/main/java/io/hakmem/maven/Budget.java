package io.hakmem.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <budget>} of the POM, as Maven fills it in; {@link BudgetValidator} checks it. The
 * limits are text, so that sizes can carry units and a bad value gets a message that names it.
 *
 * <pre>{@code
 * <budget>
 *   <name>small-blocks</name>
 *   <workload>com.example.SmallBlocks</workload>
 *   <parameters><blocks>100000</blocks></parameters>
 *   <maxOverheadPercent>60</maxOverheadPercent>
 *   <maxResidentBytes>8MiB</maxResidentBytes>
 *   <maxRetainedBytes>512KiB</maxRetainedBytes>
 *   <maxRegressionPercent>10</maxRegressionPercent>
 *   <level>WARN</level>
 * </budget>
 * }</pre>
 */
@NullMarked
public class Budget {

    private @Nullable String name;
    private @Nullable String workload;
    private Map<String, String> parameters = new LinkedHashMap<>();
    private @Nullable String maxResidentBytes;
    private @Nullable String maxMappedBytes;
    private @Nullable String maxRssDeltaBytes;
    private @Nullable String maxOverheadPercent;
    private @Nullable String maxRetainedBytes;
    private @Nullable String maxRegressionPercent;
    private @Nullable String level;

    /** For Maven, which fills in the fields. */
    public Budget() {}

    /**
     * For tests and the default set; add limits with {@link #set}.
     *
     * @param name the budget name
     * @param workload a built-in name or a class name
     * @param parameters the workload's parameters
     */
    public Budget(@Nullable String name, @Nullable String workload, Map<String, String> parameters) {
        this.name = name;
        this.workload = workload;
        this.parameters = new LinkedHashMap<>(parameters);
    }

    /**
     * Sets a limit, {@code maxRegressionPercent} or {@code level} as the POM would.
     *
     * <pre>{@code
     * new Budget("a", "scaling", Map.of()).set("maxResidentBytes", "2MiB").set("level", "WARN");
     * }</pre>
     *
     * @param field a limit's field name, {@code maxRegressionPercent} or {@code level}
     * @param value the text as in the POM
     * @return this budget
     * @throws IllegalArgumentException for an unknown field
     */
    public Budget set(String field, @Nullable String value) {
        switch (field) {
            case "maxResidentBytes" -> maxResidentBytes = value;
            case "maxMappedBytes" -> maxMappedBytes = value;
            case "maxRssDeltaBytes" -> maxRssDeltaBytes = value;
            case "maxOverheadPercent" -> maxOverheadPercent = value;
            case "maxRetainedBytes" -> maxRetainedBytes = value;
            case "maxRegressionPercent" -> maxRegressionPercent = value;
            case "level" -> level = value;
            default -> throw new IllegalArgumentException("a budget has no field '" + field + "'");
        }
        return this;
    }

    /** {@return the budget name, unique in the POM} */
    public @Nullable String getName() {
        return name;
    }

    /** {@return a built-in workload name or a class name} */
    public @Nullable String getWorkload() {
        return workload;
    }

    /** {@return the workload's parameters} */
    public Map<String, String> getParameters() {
        Map<String, String> copy = new LinkedHashMap<>();
        if (parameters != null) {
            // An empty element such as <size/> arrives as null; keep it as "" so it is reported, not lost.
            parameters.forEach((key, value) -> copy.put(key, value == null ? "" : value));
        }
        return copy;
    }

    /**
     * The text of one figure's limit.
     *
     * @param figure the figure
     * @return the POM text of its limit, or null when unset
     */
    public @Nullable String getLimit(Figure figure) {
        return switch (figure) {
            case RESIDENT -> maxResidentBytes;
            case MAPPED -> maxMappedBytes;
            case RSS_DELTA -> maxRssDeltaBytes;
            case OVERHEAD -> maxOverheadPercent;
            case RETAINED -> maxRetainedBytes;
        };
    }

    /** {@return the largest allowed increase over the baseline, in percent, or null for the default} */
    public @Nullable String getMaxRegressionPercent() {
        return maxRegressionPercent;
    }

    /** {@return {@code FAIL} or {@code WARN}, or null for FAIL} */
    public @Nullable String getLevel() {
        return level;
    }
}
