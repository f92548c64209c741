package in.mdm.notification.delivery;

import in.mdm.notification.template.Channel;

/** Sends deliveries of one channel to the outside world. */
interface ChannelSender {

    Channel channel();

    /** Sends, or throws why not; returns when the outside system has accepted it. */
    void send(Delivery delivery) throws DeliveryFailure;

}
