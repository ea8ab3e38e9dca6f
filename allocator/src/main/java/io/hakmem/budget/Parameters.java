package io.hakmem.budget;

/** Parsing of POM parameter values, shared by the runner and the built-in workloads' checks. */
final class Parameters {

    private Parameters() {}

    /**
     * @param budget the budget name, for the message
     * @param name the parameter name, for the message
     * @param value the text from the POM; underscores between digits are allowed ({@code 1_000_000})
     * @return the number
     * @throws IllegalArgumentException naming the budget, the parameter and the value
     */
    static long parseLong(String budget, String name, String value) {
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "budget '" + budget + "': parameter '" + name + "' must be an integer, was '" + value + "'", e);
        }
    }

    /**
     * @param context where the value comes from
     * @param name the parameter name
     * @param defaultValue the default
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value, checked
     */
    static long inRange(WorkloadContext context, String name, long defaultValue, long min, long max) {
        long value = context.parameter(name, defaultValue);
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "' must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
