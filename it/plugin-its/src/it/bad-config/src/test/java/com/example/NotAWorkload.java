package com.example;

/** Named as a workload in the POM, but it is not one. */
public final class NotAWorkload implements Runnable {
    @Override
    public void run() {}
}
