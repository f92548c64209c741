package in.mdm.testkit;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisServerTests {

    @Test
    void aBinaryStillOpenForWritingIsRecognisedAnywhereInTheCauseChain() {
        IOException exec = new IOException("Exec failed, error: 26 (Text file busy) ");
        IOException start = new IOException("Failed to start Redis service",
                new IOException("Cannot run program", exec));
        assertThat(RedisServer.textFileBusy(start)).isTrue();
        assertThat(RedisServer
            .textFileBusy(new IOException("Failed to start Redis service", new IOException("Address already in use"))))
            .isFalse();
    }

}
