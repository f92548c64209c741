package in.mdm.testkit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the kit's servers when the JUnit run ends, before the JVM's shutdown hooks run
 * (Kafka's own hooks delete its log folders, which would break a broker still serving
 * closing contexts).
 */
public class StopInfrastructureAfterTests implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Infrastructure.stopAll();
    }

}
