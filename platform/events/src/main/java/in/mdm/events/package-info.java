/**
 * The event contract shared by every service: records, type strings, topics and the
 * CloudEvents envelope.
 */
package in.mdm.events;
