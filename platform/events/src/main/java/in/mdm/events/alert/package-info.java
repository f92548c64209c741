/** Alert lifecycle events published by alert-service. */
package in.mdm.events.alert;
