package in.mdm.launcher;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads for the launcher's blocking work (starting servers, waiting for processes). The
 * common fork-join pool has a single thread on two cores, which would start everything
 * one after the other.
 */
final class Background {

    static final ExecutorService EXECUTOR = Executors
        .newCachedThreadPool(Thread.ofPlatform().name("mdm-launcher-", 0).daemon(true).factory());

    private Background() {
    }

}
