package com.example;

import io.hakmem.budget.Workload;
import io.hakmem.budget.WorkloadContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts {@code sleep 600}, notes its pid in {@code pidFile}, and ends the JVM with status 3. */
public final class SpawnsAndExits implements Workload {
    @Override
    public void run(WorkloadContext context) throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        Files.writeString(Path.of(context.parameter("pidFile", "")), Long.toString(child.pid()));
        System.exit(3);
    }
}
