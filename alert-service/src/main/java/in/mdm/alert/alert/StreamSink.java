package in.mdm.alert.alert;

import java.io.IOException;

/** Where a subscriber's frames are written: an SSE response or a WebSocket session. */
interface StreamSink {

    void send(StreamFrame frame) throws IOException;

    void close();

}
