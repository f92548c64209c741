package in.mdm.notification.delivery;

import java.util.UUID;

/** A broadcast recorded: its id and how many recipients it reaches. */
public record BroadcastResponse(UUID broadcastId, int recipients) {
}
