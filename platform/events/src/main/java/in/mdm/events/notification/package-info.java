/** Delivery outcomes published by notification-service. */
package in.mdm.events.notification;
