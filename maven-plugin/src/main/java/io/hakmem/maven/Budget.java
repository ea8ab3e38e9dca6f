package io.hakmem.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <budget>} of the POM, as Maven fills it in; {@link BudgetValidator} checks it.
 *
 * <pre>{@code
 * <budget>
 *   <name>small-blocks</name>
 *   <workload>com.example.SmallBlocks</workload>
 *   <parameters><blocks>100000</blocks></parameters>
 *   <maxOverheadPercent>60</maxOverheadPercent>
 *   <maxRetainedBytes>4194304</maxRetainedBytes>
 * </budget>
 * }</pre>
 */
@NullMarked
public class Budget {

    private @Nullable String name;
    private @Nullable String workload;
    private Map<String, String> parameters = new LinkedHashMap<>();
    private @Nullable Double maxOverheadPercent;
    private @Nullable Long maxRetainedBytes;

    /** For Maven, which fills in the fields. */
    public Budget() {}

    /**
     * For tests and the default set.
     *
     * @param name the budget name
     * @param workload a built-in name or a class name
     * @param parameters the workload's parameters
     * @param maxOverheadPercent the limit on resident over live at the peak, or null
     * @param maxRetainedBytes the limit on bytes still resident after trim, or null
     */
    public Budget(@Nullable String name, @Nullable String workload, Map<String, String> parameters,
            @Nullable Double maxOverheadPercent, @Nullable Long maxRetainedBytes) {
        this.name = name;
        this.workload = workload;
        this.parameters = new LinkedHashMap<>(parameters);
        this.maxOverheadPercent = maxOverheadPercent;
        this.maxRetainedBytes = maxRetainedBytes;
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

    /** {@return the limit on resident over live bytes at the peak, in percent, or null} */
    public @Nullable Double getMaxOverheadPercent() {
        return maxOverheadPercent;
    }

    /** {@return the limit on bytes still resident after the workload and trim(), or null} */
    public @Nullable Long getMaxRetainedBytes() {
        return maxRetainedBytes;
    }
}
