/** Transfer decisions published by optimization-service. */
package in.mdm.events.optimization;
