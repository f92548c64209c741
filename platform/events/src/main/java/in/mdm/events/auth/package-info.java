/** Identity events published by auth-service. */
package in.mdm.events.auth;
