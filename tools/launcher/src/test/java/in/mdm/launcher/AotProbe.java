package in.mdm.launcher;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny application for {@link AotCacheTests}: it loads some classes, prints
 * {@code probe done} and exits; with {@code AOT_PROBE=serve} in its environment it prints
 * {@code probe ready} instead and waits to be stopped.
 */
public final class AotProbe {

    private AotProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
        for (String word : "a cache of the classes this run loads".split(" ")) {
            counts.merge(word, 1, Integer::sum);
        }
        if (!"serve".equals(System.getenv("AOT_PROBE"))) {
            System.out.println("probe done " + counts.size());
            return;
        }
        System.out.println("probe ready " + counts.size());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

}
