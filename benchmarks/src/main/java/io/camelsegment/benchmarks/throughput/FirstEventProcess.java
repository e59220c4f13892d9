package io.camelsegment.benchmarks.throughput;

/**
 * The child JVM of {@link StartupRun}: starts one contender from nothing against the parent's sink, sends one
 * "Order Completed" track call, closes it and exits. Exit status 0 when the contender sent it without failure.
 */
public final class FirstEventProcess {

    private FirstEventProcess() {
    }

    /** {@code <contender> <sinkUrl>}, the contender one of {@link StartupRun#CONTENDERS}. */
    public static void main(String[] args) {
        int status = 1;
        try (Contender contender = StartupRun.contender(args[0])) {
            contender.open(args[1]);
            contender.send(1, new Latencies(1));
            status = contender.failures() == 0 ? 0 : 2;
        } catch (Throwable e) {
            e.printStackTrace();
        }
        // a library's leftover non-daemon thread must not keep the child, and the parent, waiting
        System.exit(status);
    }
}
