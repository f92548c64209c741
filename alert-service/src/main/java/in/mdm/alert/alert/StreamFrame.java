package in.mdm.alert.alert;

/**
 * One message of a live stream: an SSE event (or a WebSocket text message holding the
 * same fields). {@code id} is the change's sequence number, {@code null} for messages
 * that are not changes (hello, heartbeat).
 */
record StreamFrame(String id, String event, String data) {
}
